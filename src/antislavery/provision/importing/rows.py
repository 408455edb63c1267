"""Checking each row of a provision file against the format and the codebook."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from antislavery.accounts import permissions
from antislavery.areas.models import Area
from antislavery.areas.selectors import resolve
from antislavery.errors import ImportRejected, ProblemList

from .. import codes
from ..fields import EntryFields, problems_with
from ..models import CODED_LISTS, Entry
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


KNOWN_COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *EXPORT_ONLY_COLUMNS)
# How alike a heading must be to a column's name to be taken for a misspelling of it.
MISSPELT_CUTOFF = 0.8


def misspelt_column(name: str) -> str | None:
    """The column of the format that ``name`` looks like a misspelling of, if any."""
    close = difflib.get_close_matches(name, KNOWN_COLUMNS, n=1, cutoff=MISSPELT_CUTOFF)
    return close[0] if close else None


def ignored_columns(table: Table) -> list[str]:
    """Headings the format does not know and that misspell none of its columns (an office's
    own notes, say): the import reads past them."""
    return [name for name in dict.fromkeys(table.header)
            if name and name not in KNOWN_COLUMNS and misspelt_column(name) is None]


def _check_header(table: Table, problems: ProblemList) -> None:
    seen: set[str] = set()
    where = {"sheet": table.sheet, "row": table.header_row}
    for name in table.header:
        if not name or name in seen:
            if name in KNOWN_COLUMNS:
                problems.add(_("The column '%(column)s' appears twice.") % {"column": name},
                             column=name, **where)
            continue
        seen.add(name)
        meant = misspelt_column(name) if name not in KNOWN_COLUMNS else None
        if meant is not None:
            problems.add(_("'%(column)s' is not a column of the provision format. Did you "
                           "mean '%(meant)s'?") % {"column": name, "meant": meant},
                         column=name, **where)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            problems.add(_("The column '%(column)s' is missing.") % {"column": name},
                         column=name, **where)


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
        self.reported: set[str] = set()

    def problem(self, column: str, message: str) -> None:
        self.ok = False
        self.reported.add(column)
        self.problems.add(message, sheet=self.sheet, row=self.number, column=column)

    def text(self, column: str) -> str:
        return cell_text(self.row.get(column))

    def items(self, column: str) -> list[str]:
        return [part.strip() for part in self.text(column).split(LIST_SEPARATOR)
                if part.strip()]

    def _not_allowed(self, column: str, value: str, allowed: dict[str, str]) -> None:
        self.problem(column, _("'%(value)s' is not allowed in %(column)s. Use one of: "
                               "%(codes)s (or their labels: %(labels)s).") % {
            "value": value, "column": column, "codes": ", ".join(allowed),
            "labels": "; ".join(str(label).split(" (")[0] for label in allowed.values())})

    def coded(self, column: str, facet: str) -> list[str]:
        """The codes a list cell names, by code or label; each other value is a problem."""
        found = []
        for value in self.items(column):
            code = codes.code_for(facet, value)
            if code is None:
                self._not_allowed(column, value, codes.facet_values(facet))
            elif code not in found:
                found.append(code)
        return found

    def one_code(self, column: str, facet: str) -> str:
        value = self.text(column)
        code = codes.code_for(facet, value) if value else ""
        if code is None:
            self._not_allowed(column, value, codes.facet_values(facet))
            return ""
        return code

    def choice(self, column: str, choices: Any, *, default: str = "") -> str:
        value = self.text(column)
        if not value:
            return default
        allowed = dict(choices)
        code = codes.match_code(value, allowed)
        if code is None:
            self._not_allowed(column, value, allowed)
            return default
        return code

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
        title=reader.text("title"), summary=reader.text("summary"),
        kind=reader.one_code("kind", codes.KIND),
        status=reader.choice("status", Entry.Status.choices),
        evaluation=reader.choice("evaluation", Entry.Evaluation.choices,
                                 default=Entry.Evaluation.NONE),
        evaluation_url=reader.text("evaluation_url"), provider=reader.text("provider"),
        funder=reader.text("funder"), funding_source=reader.text("funding_source"),
        contact=reader.text("contact"), start=reader.date("start"), end=reader.date("end"),
        public=reader.boolean("public"),
        other_areas=[area for area in areas[1:] if area != lead],
        languages=reader.items("languages"),
        **{column: reader.coded(column, facet) for column, facet in CODED_LISTS.items()},
    ).normalised()
    if not data.status and "status" not in reader.reported:
        reader.problem("status", _("Give the status: planned, pilot, running or ended."))
    for field_name, message in problems_with(data):
        # A value the reader refused is reported once, by the reader, in the person's words.
        if field_name not in reader.reported and not (field_name == "status"
                                                      and not data.status):
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
        raise ImportRejected(_("The file's columns are not the provision format: the column "
                               "names go in the first row, or in a row below a title. Nothing "
                               "was imported."), problems=problems.problems)
    if not table.rows:
        raise rejected(_("The file has a header but no entries."), sheet=table.sheet,
                       row=table.header_row + 1)
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


