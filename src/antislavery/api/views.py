"""Pages of the API that are not API operations: its documentation and the open-data download."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from antislavery.localpicture import disclosure

from . import opendata, reference
from .app import api
from .paging import MAX_SIZE


@require_GET
def docs_page(request: HttpRequest) -> HttpResponse:
    """How to use the API and the open-data package, made from the OpenAPI schema."""
    schema = api.get_openapi_schema(path_prefix=reverse("api:docs-page").rstrip("/"))
    samples = _samples()
    operations = [(operation, operation.example(samples))
                  for operation in reference.operations(schema)]
    return render(request, "api/docs.html", {
        "operations": operations,
        "schema_url": reverse("api:openapi-json"),
        "download_url": reverse("api:open-data"),
        "threshold": disclosure.threshold(),
        "rule_note": disclosure.rule_note(),
        "max_page_size": MAX_SIZE,
        "base_url": request.build_absolute_uri(reverse("api:docs-page")).rstrip("/"),
    })


def _samples() -> dict[str, dict[str, str]]:
    """Public things that exist here, to fill the examples on the documentation page."""
    from antislavery.areas.models import Area, PeerGroup
    from antislavery.localpicture.models import Release
    from antislavery.returns import selectors as returns

    samples: dict[str, dict[str, str]] = {}
    area = Area.objects.filter(territorial=True).order_by("name").first()
    if area is not None:
        samples["/areas"] = {"area": area.slug}
    group = PeerGroup.objects.filter(kind=PeerGroup.Kind.PRESET).order_by("name").first()
    if group is not None:
        samples["/peer-groups"] = {"slug": group.slug}
    release = Release.objects.filter(visibility="public").order_by("pk").first()
    if release is not None:
        samples["/releases"] = {"release_id": str(release.pk)}
    published = returns.public_requests().first()
    if published is not None:
        samples["/requests"] = {"slug": published.slug}
    return samples


@require_GET
def open_data_download(request: HttpRequest) -> HttpResponse:
    """The open-data package as one zip file, made once per state of the published data."""
    path = opendata.package_zip()
    response = FileResponse(path.open("rb"), content_type="application/zip",
                            as_attachment=True, filename="antislavery-open-data.zip")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def unknown_address(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"code": "not_found",
                         "message": _("There is nothing at this address; see /api/ for what "
                                      "the API offers.")}, status=404)
