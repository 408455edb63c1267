"""Render GOV.UK Frontend components from Python, for forms, tables and summaries.

The markup comes from the maintained ``govuk-frontend-jinja`` macros that
``govuk-frontend-django`` wraps; this module only keeps one compiled environment (the wrapper
builds a new one per component) and maps Django form fields onto component parameters.
"""

from __future__ import annotations

import functools
from typing import Any

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from jinja2 import Environment, PackageLoader, PrefixLoader, select_autoescape


@functools.cache
def _environment() -> Environment:
    loader = PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})
    return Environment(loader=loader, autoescape=select_autoescape(default=True))


@functools.cache
def _template(component: str) -> Any:
    macro = "govuk" + "".join(part.capitalize() for part in component.split("-"))
    source = (
        "{%- from 'govuk_frontend_jinja/components/" + component + "/macro.html' import "
        + macro + " -%}{{ " + macro + "(params) }}"
    )
    return _environment().from_string(source)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, SafeString):
        return str(value)
    return value


def render(component: str, params: dict[str, Any]) -> SafeString:
    """Render one component (``"input"``, ``"table"``, ``"error-summary"``...)."""
    return mark_safe(_template(component).render(params=_clean(params)))  # noqa: S308 -- the macro escapes its text parameters


def _error(field: forms.BoundField) -> dict[str, str] | None:
    if not field.errors:
        return None
    return {"text": " ".join(str(e) for e in field.errors)}


def _label(field: forms.BoundField, *, is_page_heading: bool = False,
           classes: str = "govuk-label--s") -> dict[str, Any]:
    return {"text": str(field.label), "isPageHeading": is_page_heading, "classes": classes}


def _hint(field: forms.BoundField) -> dict[str, str] | None:
    return {"text": str(field.help_text)} if field.help_text else None


def _attributes(field: forms.BoundField) -> dict[str, Any]:
    attrs = {}
    for key, value in field.field.widget.attrs.items():
        if key not in {"class", "id", "name"} and value not in (None, False):
            attrs[key] = "" if value is True else str(value)
    if field.field.required and not isinstance(field.field.widget, forms.CheckboxInput):
        attrs.setdefault("aria-required", "true")
    return attrs


def _value(field: forms.BoundField) -> Any:
    """The value to show in the field; an empty one (widgets format "" as None) shows nothing."""
    value = field.value()
    if value is not None and hasattr(field.field.widget, "format_value"):
        value = field.field.widget.format_value(value)
    return "" if value is None else value


def _choice_items(field: forms.BoundField, selected: list[str]) -> list[dict[str, Any]]:
    items = []
    for value, label in field.field.choices:
        if isinstance(label, list | tuple):
            continue
        text = str(label)
        items.append({"value": str(value), "text": text,
                      "checked": str(value) in selected, "selected": str(value) in selected})
    return items


def field(bound: forms.BoundField, **overrides: Any) -> SafeString:
    """A Django form field as the matching GOV.UK component, with label, hint and error."""
    widget = bound.field.widget
    common: dict[str, Any] = {
        "id": bound.id_for_label or bound.html_name,
        "name": bound.html_name,
        "hint": _hint(bound),
        "errorMessage": _error(bound),
        "attributes": _attributes(bound),
    }
    heading = overrides.pop("is_page_heading", False)
    label_classes = overrides.pop("label_classes", "govuk-label--s")
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        value = bound.value()
        selected = [str(v) for v in (value if isinstance(value, list | tuple) else [value])
                    if v not in (None, "")]
        component = "checkboxes" if isinstance(widget, forms.CheckboxSelectMultiple) else "radios"
        params = {
            "idPrefix": common["id"], "name": common["name"], "hint": common["hint"],
            "errorMessage": common["errorMessage"],
            "fieldset": {"legend": {"text": str(bound.label), "isPageHeading": heading,
                                    "classes": "govuk-fieldset__legend--s"}},
            "items": _choice_items(bound, selected),
            "classes": overrides.pop("classes", None),
        }
    elif isinstance(widget, forms.CheckboxInput):
        component = "checkboxes"
        params = {
            "idPrefix": common["id"], "name": common["name"], "hint": None,
            "errorMessage": common["errorMessage"],
            "items": [{"value": "on", "text": str(bound.label), "checked": bool(bound.value()),
                       "hint": common["hint"], "id": common["id"]}],
            "classes": "govuk-checkboxes--small",
        }
    elif isinstance(widget, forms.Select):
        component = "select"
        value = bound.value()
        selected = [str(value)] if value not in (None, "") else []
        params = {**common, "label": _label(bound, is_page_heading=heading,
                                            classes=label_classes),
                  "items": [{"value": i["value"], "text": i["text"], "selected": i["selected"]}
                            for i in _choice_items(bound, selected)]}
    elif isinstance(widget, forms.Textarea):
        component = "textarea"
        params = {**common, "label": _label(bound, is_page_heading=heading,
                                            classes=label_classes),
                  "value": str(_value(bound)), "rows": widget.attrs.get("rows", 5)}
    elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        component = "file-upload"
        params = {**common, "label": _label(bound, is_page_heading=heading,
                                            classes=label_classes)}
    else:
        component = "input"
        input_type = getattr(widget, "input_type", "text")
        params = {**common, "label": _label(bound, is_page_heading=heading,
                                            classes=label_classes),
                  "type": input_type, "value": str(_value(bound)) if input_type != "password"
                  else "", "autocomplete": widget.attrs.get("autocomplete")}
        if input_type == "number":
            params["inputmode"] = "numeric"
            params["classes"] = "govuk-input--width-10"
    params.update(overrides)
    return render(component, params)


def error_summary(form: forms.BaseForm | None = None,
                  errors: list[tuple[str, str]] | None = None) -> SafeString:
    """The error summary for a form (field errors link to their fields) and extra errors."""
    items: list[dict[str, str]] = []
    if form is not None and form.errors:
        for message in form.non_field_errors():
            items.append({"text": str(message)})
        for name in form.errors:
            if name == forms.forms.NON_FIELD_ERRORS:
                continue
            bound = form[name] if name in form.fields else None
            anchor = bound.id_for_label if bound is not None else name
            for message in form.errors[name]:
                items.append({"text": str(message), "href": f"#{anchor}"})
    for href, message in errors or []:
        items.append({"text": str(message), "href": href} if href else {"text": str(message)})
    if not items:
        return mark_safe("")
    return render("error-summary", {"titleText": _("There is a problem"), "errorList": items})


def table(*, head: list[Any], rows: list[list[Any]], caption: str | None = None,
          caption_classes: str = "govuk-table__caption--m",
          numeric: set[int] | None = None, first_cell_is_header: bool = False) -> SafeString:
    """A GOV.UK table; cells are text, SafeString (kept as HTML) or component cell dicts."""
    numeric = numeric or set()

    def cell(value: Any, index: int) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        key = "html" if isinstance(value, SafeString) else "text"
        data: dict[str, Any] = {key: "" if value is None else str(value)}
        if index in numeric:
            data["format"] = "numeric"
        return data

    return render("table", {
        "caption": caption, "captionClasses": caption_classes if caption else None,
        "firstCellIsHeader": first_cell_is_header,
        "head": [cell(h, i) for i, h in enumerate(head)],
        "rows": [[cell(v, i) for i, v in enumerate(row)] for row in rows],
    })


def summary_list(rows: list[tuple[Any, Any]], *, actions: dict[int, tuple[str, str]]
                 | None = None) -> SafeString:
    """Key/value rows; values that are SafeString stay HTML."""
    items = []
    for index, (key, value) in enumerate(rows):
        value_key = "html" if isinstance(value, SafeString) else "text"
        row: dict[str, Any] = {"key": {"text": str(key)},
                               "value": {value_key: "" if value is None else str(value)}}
        if actions and index in actions:
            href, text = actions[index]
            row["actions"] = {"items": [{"href": href, "text": text,
                                         "visuallyHiddenText": str(key)}]}
        items.append(row)
    return render("summary-list", {"rows": items})


def escape(value: Any) -> SafeString:
    return conditional_escape(value)
