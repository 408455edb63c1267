"""The practice library: published entries from every area, by theme, stage and evidence."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import codes, selectors
from ..forms import LibraryForm, valid_values
from ..library import evidence_for, evidence_levels, facet_counts

PAGE_SIZE = 30


def library(request: HttpRequest) -> HttpResponse:
    form = LibraryForm(request.GET or None)
    values: dict[str, Any] = valid_values(form)
    filters = selectors.EntryFilters(
        query=values.get("q") or "",
        **{name: values.get(name) or "" for name in ("theme", "stage", "group",
                                                      "exploitation", "kind")},
        min_evidence=values.get("evidence"),
    )
    published = selectors.published_entries()
    entries = list(selectors.filter_entries(published, filters).order_by("title", "pk"))
    entries.sort(key=lambda entry: -evidence_for(entry).rank)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    facets = facet_counts(entries)
    browse = [
        {"name": name, "label": codes.facet_label(facet), "values": facets[facet]}
        for name, facet in (("theme", codes.THEME), ("stage", codes.STAGE),
                            ("group", codes.GROUP), ("exploitation", codes.EXPLOITATION),
                            ("kind", codes.KIND))
    ]
    return render(request, "provision/library.html", {
        "form": form, "page": page, "query": query.urlencode(), "browse": browse,
        "items": [{"entry": entry, "evidence": evidence_for(entry)} for entry in page],
        "levels": evidence_levels(), "total": len(entries),
        "shows_demo_data": any(entry.demo for entry in page),
    })
