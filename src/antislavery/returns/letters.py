"""The letter sent with a request: a template with placeholders, filled in for each recipient.

Placeholders are written ``{{ name }}``; only the names in :data:`PLACEHOLDERS` exist, so a
template can never reach anything else. The letter is formatted text (see :mod:`.formatting`)
rendered as a page or as a Word document.
"""

from __future__ import annotations

import io
import re

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from antislavery.areas.models import Area
from antislavery.errors import ToolkitError

from . import formatting
from .models import Request

PLACEHOLDERS = {
    "commissioner_name": gettext_lazy("the commissioner's name (or title, if no name is "
                                      "recorded)"),
    "commissioner_title": gettext_lazy("the commissioner's title"),
    "office": gettext_lazy("the name of the commissioner's office"),
    "area": gettext_lazy("the police force area"),
    "due_date": gettext_lazy("the due date"),
    "request_title": gettext_lazy("the request's title"),
    "issuing_body": gettext_lazy("the body sending the request"),
}
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")

DEFAULT_TEMPLATE = """Dear {{ commissioner_name }},

**{{ request_title }}**

I am writing to ask for an update from {{ office }} on the question below. Please answer \
through the Anti-Slavery Local Response Toolkit, where your office's editors can draft, \
save and submit your response, by **{{ due_date }}**.

Yours sincerely,

{{ issuing_body }}"""


def unknown_placeholders(template: str) -> list[str]:
    return sorted({name for name in _PLACEHOLDER.findall(template) if name not in PLACEHOLDERS})


def check_template(template: str) -> None:
    if unknown := unknown_placeholders(template):
        raise ToolkitError(
            _("The letter uses placeholders that do not exist: %(names)s. You can use: "
              "%(known)s.") % {"names": ", ".join("{{ %s }}" % n for n in unknown),
                               "known": ", ".join("{{ %s }}" % n for n in PLACEHOLDERS)},
            code="unknown_placeholder",
        )


def values_for(request: Request, area: Area) -> dict[str, str]:
    office = getattr(area, "office", None)
    title = (office.holder_title if office and office.holder_title else
             _("Commissioner for %(area)s") % {"area": area.name})
    return {
        "commissioner_name": (office.holder_name if office and office.holder_name else title),
        "commissioner_title": title,
        "office": office.name if office else area.name,
        "area": area.name,
        "due_date": formats.date_format(request.due_on, "j F Y"),
        "request_title": request.title,
        "issuing_body": request.issuing_body.name,
    }


def letter_text(request: Request, area: Area) -> str:
    """The request's letter for one area, as formatted text."""
    values = values_for(request, area)
    template = request.letter_template or DEFAULT_TEMPLATE
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), template)


def letter_docx(request: Request, area: Area) -> bytes:
    """The letter as a Word document: a paragraph per paragraph, Word's own list styles."""
    from docx import Document

    document = Document()
    document.core_properties.title = f"{request.title}: {area.name}"
    document.core_properties.author = request.issuing_body.name
    if request.is_demo:
        document.add_paragraph(_("Demonstration content: this letter was made for the "
                                 "toolkit's demo and was not sent."))
    for block in formatting.parse(letter_text(request, area)):
        style = {"p": None, "ul": "List Bullet", "ol": "List Number"}[block.kind]
        for item in block.items:
            paragraph = document.add_paragraph(style=style)
            _add_runs(paragraph, item)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_INLINE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\[([^\]\n]+)\]\(((?:https?://|mailto:)[^\s()<>]+)\)")


def _add_runs(paragraph: object, text: str) -> None:
    position = 0
    for match in _INLINE.finditer(text):
        paragraph.add_run(text[position:match.start()])  # type: ignore[attr-defined]
        if match[1] is not None:
            paragraph.add_run(match[1]).bold = True  # type: ignore[attr-defined]
        else:
            paragraph.add_run(f"{match[2]} ({match[3]})")  # type: ignore[attr-defined]
        position = match.end()
    paragraph.add_run(text[position:])  # type: ignore[attr-defined]
