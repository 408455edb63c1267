"""Render the report's small Markdown subset with GOV.UK classes."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from antislavery.reports.render.document import blocks
from antislavery.reports.render.html import inline

register = template.Library()


@register.filter
def report_text(text: str) -> SafeString:
    parts = []
    for block in blocks(text or ""):
        if block.kind == "bullets":
            items = "".join(format_html("<li>{}</li>", inline(line)) for line in block.lines)
            parts.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        else:
            parts.append(format_html('<p class="govuk-body">{}</p>', inline(block.lines[0])))
    return mark_safe("\n".join(parts))  # noqa: S308 -- built from escaped pieces


@register.filter
def report_inline(text: str) -> SafeString:
    return inline(" ".join(" ".join(b.lines) for b in blocks(text or "")))
