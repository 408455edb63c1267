"""Pages for putting statistics in: the upload form, its progress, and the releases."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from antislavery.accounts import permissions

from . import selectors, services, vocabulary
from .forms import UploadForm
from .models import ImportJob, Release


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    permissions.require_can_import_statistics(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        job = services.start_import_job(actor=request.user, upload=form.cleaned_data["file"],
                                        options=form.options())
        return redirect(job)
    recent = ImportJob.objects.filter(created_by=request.user)[:5]
    return render(request, "localpicture/upload.html",
                  {"form": form, "recent": recent,
                   "is_coordinator": permissions.is_coordinator(request.user),
                   "max_megabytes": services.max_upload_bytes() // (1024 * 1024)},
                  status=400 if form.errors else 200)


@login_required
def upload_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob.objects.select_related("release"), pk=pk)
    permissions.require_can_view_import_job(request.user, job)
    percent = None
    if job.rows_total:
        percent = min(100, round(100 * job.rows_read / job.rows_total))
    return render(request, "localpicture/upload_status.html",
                  {"job": job, "percent": percent, "errors": job.result.get("errors", [])})


def release_list(request: HttpRequest) -> HttpResponse:
    releases = selectors.visible_releases(request.user).select_related("imported_by")
    return render(request, "localpicture/release_list.html", {
        "releases": releases[:200],
        "can_import": permissions.can_import_statistics(request.user),
        "shows_demo_data": any(release.synthetic for release in releases[:200]),
    })


def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = get_object_or_404(
        Release.objects.select_related("source", "owner_area", "imported_by"), pk=pk)
    permissions.require_can_view_release(request.user, release)
    return render(request, "localpicture/release_detail.html", {
        "release": release,
        "measures": selectors.release_summary(release),
        "shows_demo_data": release.synthetic,
    })



def statistics_format(request: HttpRequest) -> HttpResponse:
    dimensions = []
    for code, label in vocabulary.DIMENSIONS.items():
        values = list(vocabulary.VALUES[code])
        shown = [*vocabulary.COMMON_NATIONALITIES, "other", vocabulary.NOT_SPECIFIED] if (
            code == "nationality") else values
        dimensions.append({"code": code, "label": label, "values": shown,
                           "more": len(values) - len(shown)})
    return render(request, "localpicture/format.html", {
        "measures": vocabulary.MEASURES.values(), "dimensions": dimensions})
