"""The collated report as Markdown."""

from __future__ import annotations

from .document import CollatedDocument, Section, blocks, heading


def _text(text: str) -> list[str]:
    lines: list[str] = []
    for block in blocks(text):
        if block.kind == "bullets":
            lines.extend(f"- {line}" for line in block.lines)
        else:
            lines.extend(block.lines)
        lines.append("")
    return lines


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _section(section: Section, level: int) -> list[str]:
    lines = ["#" * level + " " + section.title, ""]
    for example in section.examples:
        name = f"[**{example.area_name}**]({example.url})" if example.url \
            else f"**{example.area_name}**"
        body = " ".join(" ".join(b.lines) for b in blocks(example.text))
        lines.append(f"- {name}: {body}")
    if section.examples:
        lines.append("")
    for child in section.children:
        lines.extend(_section(child, level + 1))
    return lines


def render_markdown(document: CollatedDocument) -> str:
    lines = [f"# {document.title}", ""]
    if document.is_demo:
        lines += [f"> {heading('demo')}", ""]
    if document.issuer or document.date:
        lines += [" \u2014 ".join(part for part in (document.issuer, document.date) if part), ""]
    lines += [f"## {heading('introduction')}", "", *_text(document.introduction)]
    lines += [f"## {heading('responses')}", "", document.response_line, "",
              document.non_respondent_line, ""]
    lines += [f"## {heading('summary')}", "", *_text(document.summary)]
    for section in document.sections:
        lines += _section(section, 2)
    annex = document.annex
    lines += [f"## {heading('annex')}", ""]
    lines.append("| " + " | ".join(["", *(_escape(label) for _c, label in annex.columns)]) + " |")
    lines.append("|" + "---|" * (len(annex.columns) + 1))
    for area, codes in annex.rows:
        marks = ["\u2713" if code in codes else "" for code, _label in annex.columns]
        lines.append("| " + " | ".join([_escape(area), *marks]) + " |")
    return "\n".join(lines).rstrip() + "\n"
