"""The service navigation: one list, filtered by what exists and who is looking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from antislavery.accounts import permissions


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    visible: Callable[[Any], bool] = lambda user: True


ITEMS = [
    NavItem(_("Areas"), "areas:list"),
    NavItem(_("Statistics"), "localpicture:national"),
    NavItem(_("Requests"), "returns:index"),
    NavItem(_("Reports"), "reports:index", permissions.is_coordinator),
    NavItem(_("Provision"), "provision:index"),
    NavItem(_("Practice library"), "provision:library"),
    NavItem(_("Codebook"), "themes:codebook"),
    NavItem(_("Open data"), "api:docs-page"),
    NavItem(_("Audit log"), "accounts:audit", permissions.can_view_audit),
]


def items_for(request: HttpRequest) -> list[dict[str, Any]]:
    items = []
    path = request.path
    for item in ITEMS:
        if not item.visible(request.user):
            continue
        try:
            href = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"text": str(item.label), "href": href,
                      "active": path.startswith(href) and href != "/"})
    return items
