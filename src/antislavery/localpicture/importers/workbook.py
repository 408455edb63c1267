"""Read the cells of an ODS or XLSX workbook as plain rows, without interpreting them.

Each sheet becomes a list of ``(row number, [values])`` with empty rows left out; a value is
``None``, a ``str`` or a number. Rows and columns are numbered as a spreadsheet shows them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

MAX_COLUMNS = 500
MAX_ROWS = 200_000

Value = str | int | float | None


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, list[Value]]]


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _trim(values: list[Value]) -> list[Value]:
    while values and (values[-1] is None or values[-1] == ""):
        values.pop()
    return values


def read_xlsx(data: bytes) -> list[Sheet]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            rows = []
            for number, values in enumerate(
                    worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True),
                    start=1):
                if number > MAX_ROWS:
                    break
                trimmed = _trim([_plain(value) for value in values])
                if trimmed:
                    rows.append((number, trimmed))
            sheets.append(Sheet(worksheet.title, rows))
        return sheets
    finally:
        workbook.close()


def _plain(value: object) -> Value:
    if value is None or isinstance(value, str | int | float):
        return value.strip() if isinstance(value, str) else value
    return str(value)


def read_ods(data: bytes) -> list[Sheet]:
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table

    document = load(io.BytesIO(data))
    sheets = []
    for table in document.spreadsheet.getElementsByType(Table):
        rows = list(_ods_rows(table, TABLENS, OFFICENS))
        sheets.append(Sheet(str(table.getAttrNS(TABLENS, "name")), rows))
    return sheets


def _ods_rows(table, tablens: str, officens: str) -> Iterator[tuple[int, list[Value]]]:
    number = 0
    for row in _child_rows(table, tablens):
        repeat = int(row.getAttrNS(tablens, "number-rows-repeated") or 1)
        values = _trim(list(_ods_cells(row, tablens, officens)))
        if values:
            for _copy in range(min(repeat, MAX_ROWS)):
                number += 1
                yield number, list(values)
        else:
            number += repeat
        if number > MAX_ROWS:
            return


def _child_rows(element, tablens: str) -> Iterator:
    """Table rows, looking inside row groups and header-row wrappers."""
    for child in element.childNodes:
        if child.qname == (tablens, "table-row"):
            yield child
        elif child.qname in {(tablens, "table-header-rows"), (tablens, "table-row-group"),
                             (tablens, "table-rows")}:
            yield from _child_rows(child, tablens)


def _ods_cells(row, tablens: str, officens: str) -> Iterator[Value]:
    count = 0
    for cell in row.childNodes:
        if cell.qname not in {(tablens, "table-cell"), (tablens, "covered-table-cell")}:
            continue
        repeat = int(cell.getAttrNS(tablens, "number-columns-repeated") or 1)
        value = _ods_value(cell, officens)
        for _copy in range(repeat):
            if count >= MAX_COLUMNS:
                return
            count += 1
            yield value
        if value is None and count >= MAX_COLUMNS:
            return


def _ods_value(cell, officens: str) -> Value:
    kind = cell.getAttrNS(officens, "value-type")
    if kind in {"float", "percentage", "currency"}:
        number = float(cell.getAttrNS(officens, "value"))
        return int(number) if number.is_integer() else number
    text = "\n".join(_text_of(p) for p in cell.childNodes if p.nodeType == p.ELEMENT_NODE)
    return text.strip() or None


def _text_of(node) -> str:
    if node.nodeType == node.TEXT_NODE:
        return str(node.data)
    if node.qname[1] in {"s", "tab", "line-break"}:
        return " "
    return "".join(_text_of(child) for child in node.childNodes)
