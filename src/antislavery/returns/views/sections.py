"""The area page's section on national requests (registered in ``ReturnsConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from antislavery.accounts import permissions

from .. import selectors


def area_section(request: HttpRequest, area: Any) -> dict[str, Any] | None:
    published = selectors.published_for_area(area)
    tasks = (selectors.requests_for_office(area)
             if permissions.is_office_member(request.user, area) else [])
    if not published and not tasks:
        return None
    return {
        "published": published,
        "tasks": tasks,
        "shows_demo_data": any(r.is_demo for r in published)
        or any(t.response.is_demo for t in tasks),
    }
