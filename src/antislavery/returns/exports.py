"""The tracker and all answers as CSV or XLSX, for people who work in spreadsheets.

Answers come from the version each office last submitted: drafts are never exported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .models import Request

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def tracker_table(request: Request) -> tuple[list[str], list[list[Any]]]:
    tracker = selectors.tracker(request)
    head = ["area", "area_name", "state", "last_activity", "days_to_due", "overdue",
            "last_reminded", "demo"]
    rows = [[row.area_slug, row.area_name, row.state,
             row.last_activity.isoformat() if row.last_activity else "",
             row.days_to_due, "yes" if row.overdue else "no",
             row.reminded.isoformat() if row.reminded else "",
             "yes" if row.response.is_demo else "no"] for row in tracker.rows]
    return head, rows


def answers_table(request: Request) -> tuple[list[str], list[list[Any]]]:
    """One row per answer of every response submitted at least once."""
    head = ["area", "area_name", "state", "version", "submitted", "question_key", "question",
            "answer", "demo"]
    rows = []
    for response in selectors.received_responses(request):
        version = response.submitted_version
        for shown in selectors.shown_answers(version, request):
            rows.append([response.area.slug, response.area.name, response.state,
                         version.number, timezone.localtime(version.saved_at).date().isoformat(),
                         shown.question.key, shown.question.title, shown.plain,
                         "yes" if response.is_demo else "no"])
    return head, rows


def _safe_csv_cell(value: Any) -> Any:
    """Stop spreadsheet programs reading a cell as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(head: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(head)
    for row in rows:
        writer.writerow([_safe_csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(head: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str,
            note: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(head))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # Text is text: never let a leading "=" make it a formula.
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text="\n" in cell.value, vertical="top")
    sheet.freeze_panes = "A2"
    if note:
        about = book.create_sheet(_("About"))
        about.append([note])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export(request: Request, *, what: str, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the tracker or the answers."""
    head, rows = tracker_table(request) if what == "tracker" else answers_table(request)
    name = f"{request.slug}-{what}.{fmt}"
    if fmt == "csv":
        return to_csv(head, rows), CONTENT_TYPES["csv"], name
    note = (_("Demonstration content: written for the toolkit's demo, not real responses.")
            if request.is_demo else "")
    title = _("Tracker") if what == "tracker" else _("Answers")
    return to_xlsx(head, rows, title=title, note=note), CONTENT_TYPES["xlsx"], name
