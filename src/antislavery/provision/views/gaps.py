"""The gap analysis of one area, as a page, JSON or a Word document."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from antislavery.accounts import permissions
from antislavery.areas.selectors import area_by_slug

from .. import gapreport


def gaps_page(request: HttpRequest, slug: str) -> HttpResponse:
    area = area_by_slug(slug)
    if area.slug != slug:
        return redirect("provision:gaps", area.slug)
    report = gapreport.gap_report(area, user=request.user)
    demo = gapreport.shows_demo(area, report, request.user)
    fmt = request.GET.get("format")
    if fmt == "json":
        return JsonResponse(report.as_dict(), json_dumps_params={"ensure_ascii": False})
    if fmt == "docx":
        response = HttpResponse(
            gapreport.as_docx(report, demo=demo),
            content_type="application/vnd.openxmlformats-officedocument."
                         "wordprocessingml.document")
        response["Content-Disposition"] = f'attachment; filename="gaps-{area.slug}.docx"'
        return response
    return render(request, "provision/gaps.html", {
        "area": area, "report": report, "thresholds": gapreport.thresholds(),
        "can_add": permissions.can_add_entry(request.user, area),
        "sees_private": permissions.can_view_private(request.user, area),
        "shows_demo_data": demo,
    })
