"""The collated report as a standalone HTML document (no scripts, no inline styles)."""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .document import CollatedDocument, Section, blocks, heading, spans


def inline(line: str) -> SafeString:
    """One line of text with its bold runs, escaped."""
    return mark_safe("".join(  # noqa: S308 -- every piece is escaped by format_html/escape
        format_html("<strong>{}</strong>", text) if bold else escape(text)
        for text, bold in spans(line)))


def text_html(text: str) -> SafeString:
    parts = []
    for block in blocks(text):
        if block.kind == "bullets":
            items = "".join(format_html("<li>{}</li>", inline(line)) for line in block.lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(format_html("<p>{}</p>", inline(block.lines[0])))
    return mark_safe("\n".join(parts))  # noqa: S308 -- built from escaped pieces


def _example(example) -> str:
    name = format_html("<strong>{}</strong>", example.area_name)
    if example.url:
        name = format_html('<a href="{}">{}</a>', example.url, name)
    body = " ".join(" ".join(b.lines) for b in blocks(example.text))
    return format_html('<li class="example">{}: {}</li>', name, inline(body))


def _section(section: Section, level: int) -> str:
    parts = [format_html('<h{} id="theme-{}">{}</h{}>', level, section.code, section.title,
                         level)]
    if section.examples:
        parts.append("<ul>" + "".join(_example(e) for e in section.examples) + "</ul>")
    parts.extend(_section(child, level + 1) for child in section.children)
    return "\n".join(parts)


def render_html(document: CollatedDocument) -> str:
    annex = document.annex
    head = "".join(format_html('<th scope="col">{}</th>', label) for _code, label in annex.columns)
    rows = "".join(
        format_html("<tr><th scope=\"row\">{}</th>{}</tr>", area, mark_safe("".join(  # noqa: S308
            "<td>\u2713</td>" if code in codes else "<td></td>" for code, _l in annex.columns)))
        for area, codes in annex.rows)
    byline = " \u2014 ".join(part for part in (document.issuer, document.date) if part)
    body = [
        format_html("<h1>{}</h1>", document.title),
        format_html("<p><strong>{}</strong></p>", heading("demo")) if document.is_demo else "",
        format_html("<p>{}</p>", byline) if byline else "",
        format_html("<h2>{}</h2>", heading("introduction")), text_html(document.introduction),
        format_html("<h2>{}</h2><p>{}</p><p>{}</p>", heading("responses"),
                    document.response_line, document.non_respondent_line),
        format_html("<h2>{}</h2>", heading("summary")), text_html(document.summary),
        *(_section(section, 2) for section in document.sections),
        format_html("<h2>{}</h2>", heading("annex")),
        (f'<table><thead><tr><th scope="col"></th>{head}</tr></thead>'
         f"<tbody>{rows}</tbody></table>"),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\">"
            + format_html("<title>{}</title>", document.title)
            + "</head>\n<body>\n" + "\n".join(part for part in body if part)
            + "\n</body>\n</html>\n")
