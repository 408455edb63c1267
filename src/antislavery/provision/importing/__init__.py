"""Import provision entries from a CSV or XLSX file: every row or none.

The format is documented in ``docs/provision-format.md``. Every problem in the file is
collected and reported by sheet, row and column before anything is written; a file with any
problem changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from antislavery.accounts import permissions

from ..models import EntryVersion
from .files import MAX_IMPORT_BYTES, MAX_ROWS, Table, read_table, refuse_if_too_large
from .rows import (
    COLUMNS,
    EXPORT_ONLY_COLUMNS,
    LIST_COLUMNS,
    LIST_SEPARATOR,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    ParsedRow,
    ignored_columns,
    parse,
)

__all__ = [
    "COLUMNS", "EXPORT_ONLY_COLUMNS", "LIST_COLUMNS", "LIST_SEPARATOR", "MAX_IMPORT_BYTES",
    "MAX_ROWS", "OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "ImportResult", "ParsedRow", "Table",
    "ignored_columns", "import_entries", "parse", "read_table", "refuse_if_too_large",
]


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    updated: int
    unchanged: int
    dry_run: bool = False
    # Headings the file has that the format does not read (an office's own notes, say).
    ignored_columns: tuple[str, ...] = ()


def import_entries(*, actor: Any, name: str, data: bytes, dry_run: bool = False) -> ImportResult:
    """Add and change entries from a file, all in one transaction or not at all.

    ``actor`` None is the operator at the command line, who may import for any area.
    Rows with a reference change that entry (a new version only when a value differs).
    """
    from .. import services

    if actor is not None:
        permissions.require_can_import_provision(actor)
    table = read_table(name, data)
    parsed = parse(table, actor=actor)
    ignored = tuple(ignored_columns(table))
    if dry_run:
        return ImportResult(len(parsed), 0, 0, 0, dry_run=True, ignored_columns=ignored)
    note = _("Imported from %(name)s") % {"name": name}
    created = updated = unchanged = 0
    with transaction.atomic():
        for item in parsed:
            if item.entry is None:
                services.create_entry(actor=actor, area=item.area, data=item.fields, note=note,
                                      action=EntryVersion.Action.IMPORT)
                created += 1
            elif services.update_entry(actor=actor, entry=item.entry, data=item.fields,
                                       note=note, action=EntryVersion.Action.IMPORT) is None:
                unchanged += 1
            else:
                updated += 1
    return ImportResult(len(parsed), created, updated, unchanged, ignored_columns=ignored)

