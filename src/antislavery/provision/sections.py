"""The provision section of an area's page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from antislavery.accounts import permissions

from . import selectors


def area_section(request: HttpRequest, area: Any) -> dict[str, Any]:
    entries = list(selectors.entries_for_area(request.user, area).order_by("title", "pk"))
    today = timezone.localdate()
    return {
        "rows": [{"entry": e, "ending_soon": selectors.is_ending_soon(e, today)}
                 for e in entries],
        "can_add": permissions.can_add_entry(request.user, area),
        "shows_demo_data": any(entry.demo for entry in entries),
    }
