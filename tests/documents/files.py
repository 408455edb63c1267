"""Real documents made for tests: DOCX (python-docx), ODT (odfpy), PDF (fpdf2)."""

from __future__ import annotations

import io
import zipfile

from docx import Document as WordDocument
from fpdf import FPDF
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentText
from pypdf import PdfReader, PdfWriter


def docx_bytes(*, paragraphs=(), bullets=(), numbered=(), table_rows=(), closing=()) -> bytes:
    document = WordDocument()
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    for text in numbered:
        document.add_paragraph(text, style="List Number")
    if table_rows:
        grid = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(grid.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for text in closing:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(*, heading="", paragraphs=(), bullets=(), table_rows=()) -> bytes:
    document = OpenDocumentText()
    if heading:
        document.text.addElement(odf_text.H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(odf_text.P(text=text))
    if bullets:
        items = odf_text.List()
        for text in bullets:
            item = odf_text.ListItem()
            item.addElement(odf_text.P(text=text))
            items.addElement(item)
        document.text.addElement(items)
    if table_rows:
        grid = odf_table.Table(name="Table1")
        grid.addElement(odf_table.TableColumn(numbercolumnsrepeated=len(table_rows[0])))
        for values in table_rows:
            row = odf_table.TableRow()
            for value in values:
                cell = odf_table.TableCell()
                cell.addElement(odf_text.P(text=value))
                row.addElement(cell)
            grid.addElement(row)
        document.text.addElement(grid)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(blocks: list[str]) -> bytes:
    """A PDF with each block set as its own paragraph, a gap between paragraphs."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    previous_was_item = False
    for block in blocks:
        is_item = block.startswith("- ")
        if not (is_item and previous_was_item):
            pdf.ln(4)
        pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
        previous_was_item = is_item
    return bytes(pdf.output())


PASSWORD = "open sesame"


def encrypted_pdf_bytes(blocks: list[str], password: str = PASSWORD) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes(blocks))))
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_docx_bytes(password: str = PASSWORD) -> bytes:
    """A Word document protected with a password, as Office writes one (an OLE file)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = docx_bytes(paragraphs=["Only for those with the password."])
    buffer = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, buffer)
    return buffer.getvalue()


def encrypted_odt_bytes() -> bytes:
    """An ODT whose manifest says its content is encrypted, as LibreOffice saves one."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
        ' manifest:size="2000"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
        'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
        '</manifest:file-entry></manifest:manifest>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", bytes(range(256)) * 8)
    return buffer.getvalue()
