"""The collated report as a Word document."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from .document import CollatedDocument, Section, blocks, heading, spans

LINK_COLOUR = "1D70B8"


def _runs(paragraph, line: str) -> None:
    for text, bold in spans(line):
        paragraph.add_run(text).bold = bold


def _text(document, text: str) -> None:
    for block in blocks(text):
        if block.kind == "bullets":
            for line in block.lines:
                _runs(document.add_paragraph(style="List Bullet"), line)
        else:
            _runs(document.add_paragraph(), block.lines[0])


def _hyperlink(paragraph, url: str, text: str) -> None:
    """A bold, underlined link run (python-docx has no public API for links)."""
    part = paragraph.part
    relationship = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for tag, value in (("w:b", None), ("w:u", "single"), ("w:color", LINK_COLOUR)):
        element = OxmlElement(tag)
        if value:
            element.set(qn("w:val"), value)
        properties.append(element)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _section(document, section: Section, level: int) -> None:
    document.add_heading(section.title, level=level)
    for example in section.examples:
        paragraph = document.add_paragraph(style="List Bullet")
        if example.url:
            _hyperlink(paragraph, example.url, example.area_name)
        else:
            paragraph.add_run(example.area_name).bold = True
        paragraph.add_run(": ")
        _runs(paragraph, " ".join(" ".join(b.lines) for b in blocks(example.text)))
    for child in section.children:
        _section(document, child, level + 1)


def render_docx(report: CollatedDocument) -> bytes:
    document = Document()
    document.core_properties.title = report.title
    document.add_heading(report.title, level=0)
    if report.is_demo:
        warning = document.add_paragraph()
        run = warning.add_run(heading("demo"))
        run.bold = True
        run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)
    byline = " \u2014 ".join(part for part in (report.issuer, report.date) if part)
    if byline:
        document.add_paragraph(byline)
    document.add_heading(heading("introduction"), level=1)
    _text(document, report.introduction)
    document.add_heading(heading("responses"), level=1)
    document.add_paragraph(report.response_line)
    document.add_paragraph(report.non_respondent_line)
    document.add_heading(heading("summary"), level=1)
    _text(document, report.summary)
    for section in report.sections:
        _section(document, section, 1)
    _annex(document, report)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _annex(document, report: CollatedDocument) -> None:
    document.add_heading(heading("annex"), level=1)
    columns = report.annex.columns
    table = document.add_table(rows=1, cols=len(columns) + 1)
    table.style = "Table Grid"
    for index, (_code, label) in enumerate(columns, start=1):
        table.rows[0].cells[index].text = label
    for area, codes in report.annex.rows:
        cells = table.add_row().cells
        cells[0].text = area
        for index, (code, _label) in enumerate(columns, start=1):
            if code in codes:
                cells[index].text = "\u2713"
                cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
