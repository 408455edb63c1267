"""Parts of the area page contributed by other apps.

An app registers a section in its ``AppConfig.ready``; the area page renders each section's
template with the context its function returns (or skips it when the function returns None).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

SectionContext = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class AreaSection:
    order: int
    template: str
    context: SectionContext


_SECTIONS: list[AreaSection] = []


def register_area_section(*, order: int, template: str, context: SectionContext) -> None:
    if not any(s.template == template for s in _SECTIONS):
        _SECTIONS.append(AreaSection(order, template, context))
        _SECTIONS.sort(key=lambda s: s.order)


def render_context(request: HttpRequest, area: Any) -> list[dict[str, Any]]:
    rendered = []
    for section in _SECTIONS:
        context = section.context(request, area)
        if context is not None:
            rendered.append({"template": section.template, "context": context})
    return rendered
