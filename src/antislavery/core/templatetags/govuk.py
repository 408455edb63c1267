"""Template tags over :mod:`antislavery.core.govuk` for forms, tables and summary lists."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

from antislavery.core import govuk as components

register = template.Library()


@register.simple_tag
def govuk_field(bound: forms.BoundField, **overrides: Any) -> SafeString:
    return components.field(bound, **overrides)


@register.simple_tag
def govuk_fields(form: forms.BaseForm) -> SafeString:
    """Every visible field of a form, in order."""
    return SafeString("".join(components.field(bound) for bound in form.visible_fields()))


@register.simple_tag
def govuk_error_summary(form: forms.BaseForm | None = None,
                        errors: list[tuple[str, str]] | None = None) -> SafeString:
    return components.error_summary(form, errors)


@register.simple_tag
def govuk_table(table: dict[str, Any]) -> SafeString:
    return components.table(**table)


@register.simple_tag
def govuk_summary_list(rows: list[tuple[Any, Any]]) -> SafeString:
    return components.summary_list(rows)


@register.simple_tag
def govuk(component: str, **params: Any) -> SafeString:
    """Any component with flat parameters, e.g. ``{% govuk "tag" text=state %}``."""
    return components.render(component, params)
