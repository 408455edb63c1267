"""The register as CSV or XLSX, in the import format (a downloaded file can be edited and
imported again), with a few columns the import reads without effect."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from .importing import COLUMNS, EXPORT_ONLY_COLUMNS, LIST_COLUMNS, LIST_SEPARATOR
from .models import Entry
from .selectors import is_ending_soon

HEADER = (*COLUMNS, *EXPORT_ONLY_COLUMNS)


def _cell(entry: Entry, column: str, today: datetime.date) -> Any:
    if column == "reference":
        return entry.pk
    if column == "area":
        others = sorted(a.name for a in entry.areas.all() if a.pk != entry.area_id)
        return f"{LIST_SEPARATOR} ".join([entry.area.name, *others])
    if column in LIST_COLUMNS:
        return f"{LIST_SEPARATOR} ".join(getattr(entry, column))
    if column == "public":
        return "yes" if entry.public else "no"
    if column == "demonstration":
        return "yes" if entry.demo else "no"
    if column == "ends_within_six_months":
        return "yes" if is_ending_soon(entry, today) else "no"
    if column == "last_changed":
        return entry.modified_at.date().isoformat()
    value = getattr(entry, column)
    return value.isoformat() if isinstance(value, datetime.date) else value


def rows(entries: Iterable[Entry], today: datetime.date) -> list[list[Any]]:
    return [[_cell(entry, column, today) for column in HEADER] for entry in entries]


def as_csv(entries: Iterable[Entry], today: datetime.date) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(["" if value is None else value for value in row]
                     for row in rows(entries, today))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(entries: Iterable[Entry], today: datetime.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Provision")
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(entries, today):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
