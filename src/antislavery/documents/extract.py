"""Text out of DOCX, ODT, PDF and plain text, one block per paragraph or list item.

Each extractor takes the file's bytes (already checked to be of its kind) and returns blocks;
list items start with ``"- "`` or ``"N. "``. Extractors raise :class:`Unreadable` for a damaged
file and :class:`PasswordProtected` for one that needs a password.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class Unreadable(Exception):
    """The file is of the right kind but its parser could not read it."""


class PasswordProtected(Exception):
    """The file needs a password to be read."""


_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2013\u00b7*\-]\s+(?P<rest>.+)$")
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<rest>.+)$")


def _squash(text: str) -> str:
    return " ".join(text.split())


def list_item(text: str) -> tuple[str, str] | None:
    """``("- ", rest)`` or ``("3. ", rest)`` when a line starts like a list item."""
    line = _squash(text)
    if match := _BULLET.match(line):
        return "- ", match["rest"]
    if match := _NUMBERED.match(line):
        return f"{match['n']}. ", match["rest"]
    return None


def blocks_from_lines(lines: Iterable[str]) -> list[str]:
    """Join wrapped lines into paragraphs: a blank line ends a paragraph, a bullet starts one."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in lines:
        line = _squash(raw)
        if not line:
            flush()
            continue
        item = list_item(line)
        if item is not None:
            flush()
            current.append(item[0] + item[1])
        else:
            current.append(line)
    flush()
    return blocks


# --- DOCX ---------------------------------------------------------------------------------

def _docx_paragraph(paragraph: Any, counter: list[int], style_names: dict[str, str]) -> str:
    text = _squash(paragraph.text)
    if not text:
        return ""
    # Style names through a map built once: python-docx's own lookup scans every style.
    style = style_names.get(paragraph._p.style or "", "").lower()
    properties = paragraph._p.pPr
    numbered_by_format = properties is not None and properties.numPr is not None
    if "number" in style:
        counter[0] += 1
        return f"{counter[0]}. {text}"
    counter[0] = 0
    if style.startswith("list") or numbered_by_format:
        return f"- {text}"
    item = list_item(text)
    return item[0] + item[1] if item else text


def _docx_table(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = _squash(cell.text)
            # A merged cell is returned once per grid column it spans.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            yield " | ".join(cells)


def docx_blocks(data: bytes) -> list[str]:
    from docx import Document as open_docx
    from docx.table import Table

    try:
        document = open_docx(io.BytesIO(data))
        style_names = {style.style_id: style.name or "" for style in document.styles}
        blocks: list[str] = []
        counter = [0]
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                counter[0] = 0
                blocks.extend(_docx_table(item))
            else:
                blocks.append(_docx_paragraph(item, counter, style_names))
    # python-docx and lxml raise many kinds of error on a damaged package.
    except Exception as exc:
        raise Unreadable(str(exc)) from exc
    return blocks


# --- ODT ----------------------------------------------------------------------------------

def _odt_walk(node: Any, blocks: list[str], depth: int) -> None:
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS

    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname in {(TEXTNS, "p"), (TEXTNS, "h")}:
            text = _squash(teletype.extractText(child))
            if text:
                blocks.append(("- " + text) if depth else text)
        elif qname == (TEXTNS, "list"):
            _odt_walk(child, blocks, depth + 1)
        elif qname == (TABLENS, "table-row"):
            cells = [_squash(teletype.extractText(cell)) for cell in child.childNodes]
            if any(cells):
                blocks.append(" | ".join(cell for cell in cells if cell))
        elif getattr(child, "childNodes", None):
            _odt_walk(child, blocks, depth)


def odt_blocks(data: bytes) -> list[str]:
    from defusedxml import ElementTree
    from odf.opendocument import load

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = archive.read("META-INF/manifest.xml")
            if b"encryption-data" in manifest:
                raise PasswordProtected
            # odfpy prints and carries on past broken XML; check it parses first.
            ElementTree.fromstring(archive.read("content.xml"))
        document = load(io.BytesIO(data))
        blocks: list[str] = []
        _odt_walk(document.text, blocks, 0)
    except PasswordProtected:
        raise
    except Exception as exc:
        raise Unreadable(str(exc)) from exc
    return blocks


# --- PDF ----------------------------------------------------------------------------------

def pdf_blocks(data: bytes) -> list[str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        # decrypt() answers 0 when the empty password does not open the file.
        if reader.is_encrypted and not reader.decrypt(""):
            raise PasswordProtected
        blocks: list[str] = []
        for page in reader.pages:
            # Layout mode keeps the vertical gaps between paragraphs as blank lines.
            try:
                text = page.extract_text(extraction_mode="layout")
            except Exception:
                text = page.extract_text()
            blocks.extend(blocks_from_lines((text or "").splitlines()))
    except PasswordProtected:
        raise
    # pypdf raises many kinds of error on a damaged file.
    except Exception as exc:
        raise Unreadable(str(exc)) from exc
    return blocks


# --- Plain text ---------------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def text_blocks(data: bytes) -> list[str]:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    return blocks_from_lines(text.split("\n"))


EXTRACTORS: dict[str, Callable[[bytes], list[str]]] = {
    "docx": docx_blocks,
    "odt": odt_blocks,
    "pdf": pdf_blocks,
    "text": text_blocks,
}
