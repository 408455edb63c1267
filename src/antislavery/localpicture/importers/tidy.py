"""Read the project's tidy CSV format (docs/statistics-format.md).

Header ``source,period,area,measure,breakdown,value,flag``; one figure per row. Rows are
numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .. import vocabulary
from .common import (
    FLAGS,
    Breakdowns,
    Cell,
    Periods,
    Places,
    Progress,
    ReadResult,
    duplicate_message,
    whole_number,
)

HEADER = ("source", "period", "area", "measure", "breakdown", "value", "flag")
PROGRESS_EVERY = 10_000
# Spreadsheets save "CSV" with a comma, or a semicolon where the comma is the decimal mark,
# and their "Unicode text" with a tab; the header says which one a file uses.
DELIMITERS = (",", ";", "\t")
# What a spreadsheet copied from published tables may hold in the value column for a
# withheld figure; the tidy format says so with the flag instead.
MARKERS = frozenset({"*", "[c]", "[x]", "[z]", "-", "..", "x", "c"})


def _delimiter(first_line: str) -> str:
    """The delimiter under which the first line is the header (a comma if none fits)."""
    for delimiter in DELIMITERS:
        names = [name.strip().lower() for name in first_line.split(delimiter)]
        if tuple(_without_trailing_blanks(names)) == HEADER:
            return delimiter
    return ","


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    """A row without the empty cells a spreadsheet leaves after the last column."""
    end = len(cells)
    while end > len(HEADER) and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def read_tidy_csv(text: str, *, progress: Progress | None = None) -> ReadResult:
    """Every cell of the file, checked; or the problems, each with its row and column."""
    result = ReadResult(kind="tidy-csv")
    first_line = text.split("\n", 1)[0].rstrip("\r")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    header = next(reader, None)
    if header is None:
        result.problems.add(_("The file is empty."), row=1)
        return result
    if tuple(_without_trailing_blanks([name.strip().lower() for name in header])) != HEADER:
        result.problems.add(
            _("The first row must be the header %(expected)s; found %(found)s.")
            % {"expected": ",".join(HEADER), "found": ",".join(header)}, row=1)
        return result
    total = max(text.count("\n") - 1, 0)
    _RowChecker(result, progress, total).run(reader)
    if not result.cells and not result.problems:
        result.problems.add(_("The file has a header but no figures below it."), row=2)
    return result


class _RowChecker:
    """Checks rows one by one; kept as a class so the loop stays flat and fast."""

    def __init__(self, result: ReadResult, progress: Progress | None, total: int) -> None:
        self.result = result
        self.progress = progress
        self.total = total
        self.places = Places()
        self.periods = Periods()
        self.breakdowns = Breakdowns()
        self.seen: dict[tuple[str, str, str, str], int] = {}
        self.raw_sources: set[str] = set()

    def run(self, reader: csv.Reader) -> None:  # type: ignore[name-defined]
        result = self.result
        row_number = 1
        for row_number, row in enumerate(reader, start=2):
            if not self.fast(row, row_number):
                self.slow(row, row_number)
            if self.progress is not None and row_number % PROGRESS_EVERY == 0:
                self.progress(row_number - 1, self.total)
        result.rows_read = row_number - 1
        if self.progress is not None:
            self.progress(result.rows_read, result.rows_read)

    def fast(self, row: list[str], row_number: int) -> bool:
        """Take a plain row whose texts have all been checked before; False to check it."""
        if len(row) != 7:
            return False
        source, period_text, area_text, measure, breakdown_text, value_text, flag_text = row
        period = self.periods.ok.get(period_text)
        place = self.places.ok.get(area_text)
        breakdown = self.breakdowns.ok.get(breakdown_text)
        if (period is None or place is None or breakdown is None or flag_text
                or not value_text.isdigit() or measure not in vocabulary.MEASURES
                or source not in self.raw_sources):
            return False
        key = (place[0], period.text, measure, breakdown)
        if key in self.seen:
            return False
        self.seen[key] = row_number
        self.result.cells.append(Cell(place[0], place[1], period.text, period.grain,
                                      period.start, measure, breakdown, int(value_text), ""))
        return True

    def slow(self, row: list[str], row_number: int) -> None:
        if not any(value.strip() for value in row):
            return  # a blank row, such as the ",,,,,," a spreadsheet leaves at the end
        row = _without_trailing_blanks(row)
        if len(row) != len(HEADER):
            self.result.problems.add(
                _("This row has %(found)s columns; the header has %(expected)s.")
                % {"found": len(row), "expected": len(HEADER)}, row=row_number)
            return
        cell = self.check(row, row_number)
        if cell is not None:
            self.result.cells.append(cell)

    def check(self, row: list[str], row_number: int) -> Cell | None:
        source, period_text, area_text, measure, breakdown_text, value_text, flag_text = row
        problems = self.result.problems
        # Whether this row has a problem; not the length of the list, which stops growing
        # at its limit while the rows go on being checked.
        bad = False
        self.raw_sources.add(source)
        source = source.strip().lower()
        if source:
            self.result.source_slugs.add(source)
        try:
            period = self.periods.parse(period_text)
        except ValueError as exc:
            problems.add(str(exc), row=row_number, column="period")
            bad = True
        try:
            geography, area_id = self.places.resolve(area_text)
        except LookupError as exc:
            problems.add(str(exc), row=row_number, column="area")
            bad = True
        measure = measure.strip()
        if measure not in vocabulary.MEASURES:
            problems.add(_("'%(measure)s' is not a measure; use one of %(known)s.")
                         % {"measure": measure, "known": ", ".join(vocabulary.MEASURES)},
                         row=row_number, column="measure")
            bad = True
        try:
            breakdown = self.breakdowns.canonical(breakdown_text)
        except vocabulary.BreakdownError as exc:
            problems.add(str(exc), row=row_number, column="breakdown")
            bad = True
        figure = self.value_and_flag(value_text, flag_text, row_number)
        if bad or figure is None:
            return None
        key = (geography, period.text, measure, breakdown)
        first = self.seen.setdefault(key, row_number)
        if first != row_number:
            problems.add(duplicate_message(first), row=row_number, column="area")
            return None
        value, flag = figure
        return Cell(geography, area_id, period.text, period.grain, period.start, measure,
                    breakdown, value, flag)

    def value_and_flag(self, value_text: str, flag_text: str,
                       row_number: int) -> tuple[int | None, str] | None:
        """(value, flag) of a row, or None after adding the problem."""
        problems = self.result.problems
        flag = FLAGS.get(flag_text.strip().lower())
        if flag is None:
            problems.add(_("'%(flag)s' is not a flag; leave it empty or write suppressed or "
                           "not_available.") % {"flag": flag_text}, row=row_number, column="flag")
            return None
        value_text = value_text.strip()
        if not value_text:
            if not flag:
                problems.add(_("The value is empty: give a whole number, or leave it empty "
                               "and set the flag to suppressed or not_available."),
                             row=row_number, column="value")
                return None
            return None, flag
        if flag:
            problems.add(_("A flagged figure has no value: leave the value empty or remove "
                           "the flag."), row=row_number, column="flag")
            return None
        if value_text.isdigit():
            return int(value_text), ""
        try:
            return whole_number(value_text), ""
        except ValueError as exc:
            message = str(exc)
            if value_text.lower() in MARKERS:
                message += " " + _("For a figure that was withheld or is not available, leave "
                                   "the value empty and write suppressed or not_available in "
                                   "the flag column.")
            problems.add(message, row=row_number, column="value")
            return None
