"""The home page and the pages about the toolkit itself."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from antislavery.areas import selectors as areas


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"area_count": areas.territorial_areas().count()})


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")
