"""Small display helpers for request and response pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import formatting

register = template.Library()

_TAG_COLOURS = {
    "not_started": "govuk-tag--grey",
    "draft": "govuk-tag--light-blue",
    "submitted": "govuk-tag--blue",
    "returned": "govuk-tag--orange",
    "accepted": "govuk-tag--turquoise",
    "published": "govuk-tag--green",
    "withdrawn": "govuk-tag--red",
    "issued": "govuk-tag--blue",
    "closed": "govuk-tag--grey",
}


@register.simple_tag
def state_tag(state: str, label: Any) -> SafeString:
    """The GOV.UK tag component's markup, written directly: the tracker shows dozens."""
    return format_html('<strong class="govuk-tag {}">{}</strong>',
                       _TAG_COLOURS.get(state, ""), label)


@register.filter
def due_text(days: int) -> str:
    """"Due in 3 days", "Due today", "2 days overdue"."""
    if days == 0:
        return _("Due today")
    if days > 0:
        return ngettext("Due in %(n)s day", "Due in %(n)s days", days) % {"n": days}
    return ngettext("%(n)s day overdue", "%(n)s days overdue", -days) % {"n": -days}


@register.filter
def formatted(source: str) -> SafeString:
    """Formatted text (the toolkit's Markdown subset) as sanitised HTML."""
    return formatting.to_html(source)
