"""Reading the cells of every kind of public output, so tests look at figures, not text."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import docx
from openpyxl import load_workbook

_NUMBER = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def as_int(cell: object) -> int | None:
    """The cell as a whole number if that is all it holds ("1,234", 12); else None."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):  # shares, rates and p-values; counts are whole numbers
        return None
    text = str(cell).strip()
    return int(text.replace(",", "")) if _NUMBER.match(text) else None


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
        elif tag == "caption":
            self._caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.tables:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def html_tables(html: str) -> list[dict]:
    """Every table of a page: ``{"caption": ..., "rows": [[cell text, ...], ...]}``."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def html_table(html: str, caption_start: str) -> list[list[str]]:
    found = [t for t in html_tables(html) if t["caption"].startswith(caption_start)]
    assert found, f"no table captioned {caption_start!r}"
    return found[0]["rows"]


def csv_rows(content: bytes | str) -> list[list[str]]:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(content: bytes) -> list[list[object]]:
    book = load_workbook(io.BytesIO(content))
    return [list(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]


def docx_tables(content: bytes) -> list[list[list[str]]]:
    document = docx.Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows]
            for table in document.tables]


NOT_COUNTS = {"p-value", "Population", "Rate per 100,000 people"}


def ints(rows: list[list[object]]) -> set[int]:
    """Every whole number standing alone in a cell of ``rows``, except in columns headed as
    holding no count (p-values, populations, rates: a p-value of 1 is not a count of 1)."""
    found = set()
    skip: set[int] = set()
    for row in rows:
        headers = {i for i, cell in enumerate(row) if str(cell) in NOT_COUNTS}
        if headers:
            skip = headers
            continue
        found |= {n for i, cell in enumerate(row) if i not in skip
                  and (n := as_int(cell)) is not None}
    return found
