"""Reading an uploaded file into a header and rows, refusing what it cannot trust: too large,
empty, or not the type its name says."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext as _

from antislavery.errors import ImportRejected

# Larger than any office's register, small enough to read in a request.
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
ZIP_MAGIC = b"PK\x03\x04"
BINARY_MAGIC = (ZIP_MAGIC, b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff")


@dataclass
class Table:
    sheet: str | None
    header: list[str]
    rows: list[tuple[int, dict[str, Any]]]
    # The spreadsheet row holding the column names (1 unless a title sits above them).
    header_row: int = 1


def rejected(message: str, **where: Any) -> ImportRejected:
    return ImportRejected(message, **where)


# A spreadsheet may open with a title and notes above its column names: the header is the
# first of this many rows to name both of these columns.
HEADER_SEARCH_ROWS = 10
HEADER_MARKERS = ("area", "title")


def _header_name(value: Any) -> str:
    return "_".join(str(value or "").strip().lower().split())


def _split_header(lines: list[Any]) -> tuple[int, list[str], list[tuple[int, Any]]]:
    """The column names and the numbered rows below them. The header is the first row naming
    the ``area`` and ``title`` columns among the first few (rows above it, such as a title,
    are left out), else the first row. Rows keep the numbers a spreadsheet shows; the first
    number returned is the header's."""
    at = 0
    for index, line in enumerate(lines[:HEADER_SEARCH_ROWS]):
        names = {_header_name(cell) for cell in line}
        if all(marker in names for marker in HEADER_MARKERS):
            at = index
            break
    header = [_header_name(cell) for cell in lines[at]]
    rows = list(enumerate(lines[at + 1:], start=at + 2))
    return at + 1, header, rows


def _read_csv(name: str, data: bytes) -> Table:
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise rejected(_("'%(name)s' is called a CSV file but is not text: it looks like a "
                          "spreadsheet or other binary file. Save it as CSV (UTF-8) or upload "
                          "the .xlsx file.") % {"name": name})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise rejected(_("'%(name)s' is not UTF-8 text. Save it from your spreadsheet as "
                          "\"CSV UTF-8\".") % {"name": name}) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = list(reader)
    if not lines:
        raise rejected(_("'%(name)s' is empty.") % {"name": name})
    header_row, header, numbered = _split_header(lines)
    rows = [(number, dict(zip(header, line, strict=False))) for number, line in numbered]
    return Table(None, header, rows, header_row)


def _read_xlsx(name: str, data: bytes) -> Table:
    from openpyxl import load_workbook

    not_workbook = _("'%(name)s' is called an Excel workbook (.xlsx) but is not one. Upload "
                     "the workbook itself, or a CSV file.") % {"name": name}
    if not data.startswith(ZIP_MAGIC):
        raise rejected(not_workbook)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise rejected(not_workbook) from None
    sheet = workbook.worksheets[0]
    lines = list(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + HEADER_SEARCH_ROWS + 1))
    workbook.close()
    if not lines:
        raise rejected(_("The first sheet of '%(name)s' is empty.") % {"name": name},
                        sheet=sheet.title)
    header_row, header, numbered = _split_header(lines)
    rows = [(number, dict(zip(header, line, strict=False))) for number, line in numbered]
    return Table(sheet.title, header, rows, header_row)


def refuse_if_too_large(name: str, size: int) -> None:
    if size > MAX_IMPORT_BYTES:
        raise rejected(_("'%(name)s' is larger than the %(limit)s MB an import may be. Split "
                          "it into smaller files.") % {"name": name,
                                                        "limit": MAX_IMPORT_BYTES // 2**20})


def read_table(name: str, data: bytes) -> Table:
    """The file's header and rows, or ImportRejected when it is too big, empty or not the
    type its name says."""
    refuse_if_too_large(name, len(data))
    if not data.strip():
        raise rejected(_("'%(name)s' is empty.") % {"name": name})
    suffix = PurePath(name).suffix.lower()
    if suffix == ".csv":
        table = _read_csv(name, data)
    elif suffix == ".xlsx":
        table = _read_xlsx(name, data)
    else:
        raise rejected(_("'%(name)s' is not a CSV or XLSX file. Save the list as .csv or "
                          ".xlsx and try again.") % {"name": name})
    table.rows = [(number, row) for number, row in table.rows
                  if any(cell_text(value) for value in row.values())]
    if len(table.rows) > MAX_ROWS:
        raise rejected(_("'%(name)s' has more than %(limit)s rows. Split it into smaller "
                          "files.") % {"name": name, "limit": MAX_ROWS}, sheet=table.sheet)
    return table


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


