"""Real documents for segmentation tests: written with python-docx, fpdf2 and odfpy, then
read back with the same libraries the toolkit uses to extract attachment text."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from fpdf import FPDF
from odf import teletype
from odf import text as odf_text
from odf.opendocument import OpenDocumentText, load
from pypdf import PdfReader


def write_docx(path: Path, blocks: list[tuple[str, str]]) -> Path:
    """``blocks`` are ``(kind, text)`` with kind "heading", "para", "bullet" or "number"."""
    document = Document()
    for kind, content in blocks:
        if kind == "heading":
            document.add_heading(content, level=2)
        elif kind == "bullet":
            document.add_paragraph(content, style="List Bullet")
        elif kind == "number":
            document.add_paragraph(content, style="List Number")
        else:
            document.add_paragraph(content)
    document.save(path)
    return path


def docx_text(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in Document(path).paragraphs)


def write_pdf(path: Path, pages: list[list[str]], footer: str = "") -> Path:
    """Each page is a list of paragraphs, wrapped by fpdf2 at the page width."""
    pdf = FPDF()
    pdf.set_auto_page_break(auto=False)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(pdf.epw, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if footer:
            pdf.set_y(-20)
            pdf.set_font("Helvetica", size=8)
            pdf.cell(pdf.epw, 5, footer, new_x="LMARGIN", new_y="NEXT")
            pdf.cell(pdf.epw, 5, f"Page {number} of {len(pages)}")
    pdf.output(str(path))
    return path


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def write_odt(path: Path, blocks: list[tuple[str, str]]) -> Path:
    document = OpenDocumentText()
    for kind, content in blocks:
        if kind == "heading":
            document.text.addElement(odf_text.H(outlinelevel=2, text=content))
        elif kind == "bullet":
            items = odf_text.List()
            item = odf_text.ListItem()
            item.addElement(odf_text.P(text=content))
            items.addElement(item)
            document.text.addElement(items)
        else:
            document.text.addElement(odf_text.P(text=content))
    document.save(str(path))
    return path


def odt_text(path: Path) -> str:
    lines: list[str] = []

    def walk(node) -> None:
        if node.qname[1] in ("p", "h"):
            lines.append(teletype.extractText(node))
            return
        for child in node.childNodes:
            if child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(load(str(path)).text)
    return "\n".join(lines)
