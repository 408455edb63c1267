"""The register: filtered lists across areas, the coverage matrix and downloads."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from antislavery.accounts import permissions
from antislavery.errors import ToolkitError

from .. import codes, exports, selectors
from ..forms import FilterForm, valid_values

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[FilterForm, selectors.EntryFilters]:
    form = FilterForm(request.GET or None)
    values: dict[str, Any] = valid_values(form)
    filters = selectors.EntryFilters(
        query=values.get("q") or "", area=values.get("area"),
        **{name: values.get(name) or "" for name in ("kind", "stage", "group", "exploitation",
                                                      "theme", "status", "evaluation")},
        ending_soon=bool(values.get("ending_soon")),
    )
    return form, filters


def _own_area(user: Any) -> Any:
    area_id = permissions.office_area_id(user)
    if area_id is None:
        return None
    area = user.organisation.area
    return area if permissions.can_add_entry(user, area) else None


def index(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    entries = selectors.filter_entries(selectors.visible_entries(request.user), filters)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [{"entry": entry, "ending_soon": selectors.is_ending_soon(entry, today)}
            for entry in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "provision/index.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode(),
        "own_area": _own_area(request.user),
        "can_import": permissions.can_import_provision(request.user),
        "signed_in": permissions.is_signed_in(request.user),
        "months": selectors.ENDING_SOON_MONTHS,
        "shows_demo_data": any(row["entry"].demo for row in rows),
    })


def matrix(request: HttpRequest) -> HttpResponse:
    rows = selectors.coverage_matrix(request.user)
    return render(request, "provision/matrix.html", {
        "rows": rows,
        "stages": [{"code": code, "label": label, "short": codes.short_label(codes.STAGE, code)}
                   for code, label in codes.choices(codes.STAGE)],
        "signed_in": permissions.is_signed_in(request.user),
        "shows_demo_data": selectors.visible_entries(request.user).filter(demo=True).exists(),
    })


def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered register as a file, with only the entries the user may see."""
    form, filters = _filters(request)
    if form.errors:
        raise ToolkitError(" ".join(f"{form.fields[name].label}: {error}"
                                    for name, errors in form.errors.items()
                                    for error in errors), code="bad_filter")
    entries = selectors.filter_entries(selectors.visible_entries(request.user), filters)
    today = timezone.localdate()
    if fmt == "csv":
        body, content_type = exports.as_csv(entries, today), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        body = exports.as_xlsx(entries, today)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="provision-{today}.{fmt}"'
    return response

