"""Real ODS and XLSX workbooks in the shape of the Home Office NRM data tables.

The shape follows ../shared/reference/NOTES.md: sheets named Table_N, a title and notes block
above the headings, nested blocks of rows (a label in an outer column opens a block whose
first row is its total; blank cells below repeat it), one column per nationality and a Total.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

Cell = str | int | float | None
Rows = list[list[Cell]]

NATIONALITIES = ["Albania", "UK", "Viet Nam", "Eritrea", "Not specified or unknown", "Total"]
PERIOD_TEXT = "October to December 2023"


def police_table(number: int = 13, *, period_text: str = PERIOD_TEXT,
                 heading: str = "Police first responder", gender_heading: str = "Gender",
                 essex_total: int = 13, forces: Sequence[str] = ("Essex Police",),
                 extra_nationality: str | None = None) -> tuple[str, Rows]:
    """The police first-responder table as sheet ``Table_<number>``."""
    nationalities = list(NATIONALITIES)
    if extra_nationality:
        nationalities.insert(-1, extra_nationality)
    pad = [0] if extra_nationality else []
    rows: Rows = [
        [f"Table {number}: Number of referrals by police first responder, exploitation type, "
         f"age at exploitation, gender and nationality, {period_text}"],
        ["This worksheet contains one table. Some cells are suppressed: see notes."],
        ["Source: Home Office, National Referral Mechanism"],
        ["[c] means a figure was suppressed to protect individuals; [x] not available."],
        [],
        [heading, "Exploitation type", "Age at exploitation", gender_heading, *nationalities],
    ]
    for force in forces:
        rows += [
            [force, None, None, None, 2, 9, 1, 1, 0, *pad, essex_total],
            [None, "Criminal", None, None, 1, 7, 1, 0, 0, *pad, 9],
            [None, None, "Child (17 or under)", None, 0, 6, 1, 0, 0, *pad, 7],
            [None, None, None, "Male", 0, 5, 1, 0, 0, *pad, 6],
            [None, None, None, "Female", 0, 1, "[c]", 0, 0, *pad, 1],
            [None, None, "Adult (18 or over)", None, 1, 1, 0, 0, 0, *pad, 2],
            [None, "Labour & Criminal", None, None, 1, 2, 0, "[x]", 0, *pad, 4],
        ]
    rows += [
        ["North West Regional Organised Crime Unit", None, None, None, 1, 3, 0, 0, 0, *pad, 4],
        [None, "Criminal", None, None, 1, 3, 0, 0, 0, *pad, 4],
        ["Total", None, None, None, 40, 300, 20, 10, 5, *pad, 375],
        [None, "Sexual", None, None, 10, 50, 5, "-", 1, *pad, 70],
        [],
        ["Note: figures are provisional and may be revised."],
    ]
    return f"Table_{number}", rows


def cover() -> tuple[str, Rows]:
    return "Cover_sheet", [
        ["Modern Slavery: National Referral Mechanism and Duty to Notify statistics UK, "
         "Quarter 4 2023"],
        ["Published 7 March 2024"],
    ]


def contents(police_number: int = 13) -> tuple[str, Rows]:
    return "Contents", [
        ["Contents"],
        ["Table number", "Title"],
        [f"Table {police_number}", "Referrals by police first responder, exploitation type, "
                                   "age, gender and nationality"],
        ["Table 40", "Duty to Notify reports by quarter"],
    ]


def other_table() -> tuple[str, Rows]:
    """A table no layout describes (reasonable grounds decisions): left alone."""
    return "Table_16", [
        ["Table 16: Reasonable grounds decisions by quarter, outcome and age"],
        [],
        ["Quarter", "Outcome", "Adult", "Child"],
        ["2023 Q4", "Positive", 100, 50],
    ]


def workbook(sheets: Sequence[tuple[str, Rows]], kind: str) -> bytes:
    return xlsx(sheets) if kind == "xlsx" else ods(sheets)


def xlsx(sheets: Sequence[tuple[str, Rows]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row) if row else [None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods(sheets: Sequence[tuple[str, Rows]]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets:
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row or [None]:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                table_row.addElement(cell)
            table.addElement(table_row)
        # Real files end with a huge run of repeated empty rows; the reader must cope.
        table.addElement(TableRow(numberrowsrepeated=1_000_000))
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
