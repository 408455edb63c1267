"""Checking each row of a provision file against the format and the codebook."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from antislavery.accounts import permissions
from antislavery.areas.models import Area
from antislavery.areas.selectors import resolve
from antislavery.errors import ImportRejected, ProblemList

from ..fields import EntryFields, problems_with
from ..models import Entry
from .files import Table, cell_text, rejected

LIST_SEPARATOR = ";"

REQUIRED_COLUMNS = ("area", "title", "kind", "nrm_stages", "victim_groups", "exploitation",
                    "languages", "status", "start", "end", "evaluation", "public")
OPTIONAL_COLUMNS = ("reference", "summary", "themes", "provider", "funder", "funding_source",
                    "evaluation_url", "contact")
# Written by the register's export, read back without effect.
EXPORT_ONLY_COLUMNS = ("ends_within_six_months", "demonstration", "last_changed")
# The order the export writes columns in.
COLUMNS = ("reference", "area", "title", "summary", "kind", "themes", "nrm_stages",
           "victim_groups", "exploitation", "languages", "provider", "funder", "funding_source",
           "status", "start", "end", "evaluation", "evaluation_url", "contact", "public")
LIST_COLUMNS = ("themes", "nrm_stages", "victim_groups", "exploitation", "languages")

TRUE_WORDS = {"yes", "y", "true", "1", "public"}
FALSE_WORDS = {"no", "n", "false", "0", "private"}


def _check_header(table: Table, problems: ProblemList) -> None:
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS) | set(EXPORT_ONLY_COLUMNS)
    seen: set[str] = set()
    for name in table.header:
        if not name:
            continue
        if name in seen:
            problems.add(_("The column '%(column)s' appears twice.") % {"column": name},
                         sheet=table.sheet, row=1, column=name)
        elif name not in known:
            problems.add(_("'%(column)s' is not a column of the provision format. Rename or "
                           "remove it.") % {"column": name}, sheet=table.sheet, row=1,
                         column=name)
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            problems.add(_("The column '%(column)s' is missing.") % {"column": name},
                         sheet=table.sheet, row=1, column=name)


@dataclass
class ParsedRow:
    row: int
    area: Area
    entry: Entry | None
    fields: EntryFields


class _RowReader:
    """Reads one row's cells into values, noting each problem against its column."""

    def __init__(self, table: Table, number: int, row: dict[str, Any],
                 problems: ProblemList) -> None:
        self.sheet, self.number, self.row, self.problems = table.sheet, number, row, problems
        self.ok = True

    def problem(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.add(message, sheet=self.sheet, row=self.number, column=column)

    def text(self, column: str) -> str:
        return cell_text(self.row.get(column))

    def items(self, column: str) -> list[str]:
        return [part.strip() for part in self.text(column).split(LIST_SEPARATOR)
                if part.strip()]

    def date(self, column: str) -> datetime.date | None:
        value = self.row.get(column)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = self.text(column)
        if not text:
            return None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 -- a calendar date, no time or zone
            except ValueError:
                continue
        self.problem(column, _("'%(value)s' is not a date. Write it as 2025-03-31 or "
                               "31/03/2025.") % {"value": text})
        return None

    def boolean(self, column: str) -> bool:
        text = self.text(column).lower()
        if text in TRUE_WORDS:
            return True
        if text not in FALSE_WORDS:
            self.problem(column, _("'%(value)s' is not yes or no. Write yes for an entry the "
                                   "public may see, no for a private one.")
                         % {"value": self.text(column)})
        return False

    def areas(self) -> list[Area]:
        names = self.items("area")
        if not names:
            self.problem("area", _("Name the area (or areas, separated by ;) the entry is "
                                   "for."))
        found = []
        for name in names:
            resolution = resolve(name)
            if resolution.slug is None:
                message = _("'%(text)s' is not a police force area.") % {"text": name}
                if resolution.candidates:
                    message += " " + _("Did you mean: %(names)s?") % {
                        "names": ", ".join(resolution.candidates)}
                self.problem("area", message)
            else:
                found.append(Area.objects.get(slug=resolution.slug))
        return found


def _reference(reader: _RowReader, area: Area | None, actor: Any) -> Entry | None:
    text = reader.text("reference")
    if not text:
        return None
    entry = Entry.objects.select_related("area").filter(
        pk=int(text) if text.isdigit() else None).first()
    if entry is None:
        reader.problem("reference", _("There is no entry with the reference '%(value)s'. "
                                      "Leave it empty to add a new entry.") % {"value": text})
        return None
    if actor is not None and not permissions.can_edit_entry(actor, entry):
        reader.problem("reference", _("Entry %(value)s belongs to %(area)s, whose office "
                                      "keeps it.") % {"value": text, "area": entry.area.name})
    elif entry.is_withdrawn:
        reader.problem("reference", _("Entry %(value)s has been withdrawn and cannot be "
                                      "changed.") % {"value": text})
    elif area is not None and entry.area_id != area.pk:
        reader.problem("area", _("Entry %(value)s is kept by %(area)s; its first area must "
                                 "stay %(area)s.") % {"value": text, "area": entry.area.name})
    return entry


def _parse_row(table: Table, number: int, row: dict[str, Any], *, actor: Any,
               problems: ProblemList) -> ParsedRow | None:
    reader = _RowReader(table, number, row, problems)
    areas = reader.areas()
    lead = areas[0] if areas else None
    if lead is not None and actor is not None and not permissions.can_add_entry(actor, lead):
        reader.problem("area", _("You can only add entries for the area your office keeps; "
                                 "%(area)s is not yours.") % {"area": lead.name})
    entry = _reference(reader, lead, actor)
    data = EntryFields(
        title=reader.text("title"), summary=reader.text("summary"), kind=reader.text("kind"),
        status=reader.text("status"), evaluation=reader.text("evaluation") or "none",
        evaluation_url=reader.text("evaluation_url"), provider=reader.text("provider"),
        funder=reader.text("funder"), funding_source=reader.text("funding_source"),
        contact=reader.text("contact"), start=reader.date("start"), end=reader.date("end"),
        public=reader.boolean("public"),
        other_areas=[area for area in areas[1:] if area != lead],
        **{column: reader.items(column) for column in LIST_COLUMNS},
    ).normalised()
    if not data.status:
        reader.problem("status", _("Give the status: planned, pilot, running or ended."))
    for field_name, message in problems_with(data):
        if not (field_name == "status" and not data.status):
            reader.problem(field_name, message)
    if not reader.ok or lead is None:
        return None
    return ParsedRow(number, lead, entry, data)


def _check_duplicates(parsed: list[ParsedRow], table: Table, problems: ProblemList) -> None:
    seen_titles: dict[tuple[int, str], int] = {}
    seen_refs: dict[int, int] = {}
    for item in parsed:
        key = (item.area.pk, item.fields.title.lower())
        if item.entry is not None:
            if item.entry.pk in seen_refs:
                problems.add(_("Entry %(ref)s is already changed by row %(row)s.") % {
                    "ref": item.entry.pk, "row": seen_refs[item.entry.pk]},
                    sheet=table.sheet, row=item.row, column="reference")
            seen_refs[item.entry.pk] = item.row
        elif Entry.objects.current().filter(area=item.area,
                                            title__iexact=item.fields.title).exists():
            problems.add(_("%(area)s already has an entry called '%(title)s'. Put its reference "
                           "in the reference column to change it.") % {
                "area": item.area.name, "title": item.fields.title},
                sheet=table.sheet, row=item.row, column="title")
        if key in seen_titles:
            problems.add(_("Row %(row)s already has an entry called '%(title)s' for "
                           "%(area)s.") % {"row": seen_titles[key], "title": item.fields.title,
                                            "area": item.area.name},
                         sheet=table.sheet, row=item.row, column="title")
        seen_titles.setdefault(key, item.row)


def parse(table: Table, *, actor: Any) -> list[ParsedRow]:
    """Every row as values to save, or ImportRejected listing every problem in the file."""
    problems = ProblemList()
    _check_header(table, problems)
    if problems:
        raise ImportRejected(_("The file's columns are not the provision format. Nothing was "
                               "imported."), problems=problems.problems)
    if not table.rows:
        raise rejected(_("The file has a header but no entries."), sheet=table.sheet, row=2)
    parsed = []
    for number, row in table.rows:
        item = _parse_row(table, number, row, actor=actor, problems=problems)
        if item is not None:
            parsed.append(item)
    _check_duplicates(parsed, table, problems)
    order = {name: index for index, name in enumerate(table.header)}
    problems.problems.sort(key=lambda p: (p.row or 0, order.get(p.column or "",
                                                                len(order))))
    if problems:
        raise ImportRejected(
            _("The file has %(count)s problems. Nothing was imported; correct them and upload "
              "the whole file again.") % {"count": len(problems)}, problems=problems.problems)
    return parsed


