"""Read the Home Office NRM/DtN data tables (ODS or XLSX) through the layout files.

Each sheet's title (its first text cell) is matched against the layouts; a sheet no layout
describes (cover, contents, notes, tables not yet described) is left alone. In a matched
sheet the heading row is the first whose leading cells are the layout's row headings; the
rows above it are the title and notes block. Rows are "nested blocks": a label in an outer
column opens a block whose first row is its total, and blank cells below repeat it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .. import vocabulary
from ..vocabulary import normalise_label
from .common import Cell, Places, Progress, ReadResult, duplicate_message, whole_number
from .layouts import Layout, SpecialRow, load_layouts
from .workbook import Sheet, Value, column_letter

HEADING_SEARCH_ROWS = 30
_TOTAL = object()

_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
_MONTH = r"(%s)" % "|".join(sorted(_MONTHS, key=len, reverse=True))
_RANGE = re.compile(_MONTH + r"(?:\s+(\d{4}))?\s+to\s+" + _MONTH + r"\s+(\d{4})")
_QUARTER = re.compile(r"(?:quarter\s*|q)([1-4])\s+(\d{4})|(\d{4})\s+(?:quarter\s*|q)([1-4])")


def period_from_text(text: str) -> vocabulary.Period | None:
    """The period a title names: 'October to December 2023' → 2023-Q4; None if it names none."""
    plain = normalise_label(text)
    match = _RANGE.search(plain)
    if match:
        first, first_year, last, year = match.groups()
        start, end = _MONTHS[first], _MONTHS[last]
        if first_year and first_year != year:
            return None
        if (start, end) == (1, 12):
            return vocabulary.parse_period(year)
        if end - start == 2 and start % 3 == 1:
            return vocabulary.parse_period(f"{year}-Q{(start + 2) // 3}")
        return None
    match = _QUARTER.search(plain)
    if match:
        quarter, year = (match.group(1), match.group(2)) if match.group(1) else (
            match.group(4), match.group(3))
        return vocabulary.parse_period(f"{year}-Q{quarter}")
    return None


@dataclass
class _Table:
    sheet: Sheet
    layout: Layout
    title: str
    heading_row: int
    heading_index: int


def read_data_tables(sheets: list[Sheet], *, period: str | None = None,
                     progress: Progress | None = None) -> ReadResult:
    """Every figure of every table a layout describes; problems name sheet, row and column."""
    result = ReadResult(kind="data-tables")
    layouts = load_layouts()
    tables = [table for sheet in sheets if (table := _find_table(sheet, layouts, result))]
    if not tables and not result.problems:
        names = ", ".join(layout.description for layout in layouts)
        result.problems.add(
            _("No sheet in this file is a table the importer knows. Known tables: "
              "%(names)s.") % {"names": names})
        return result
    total = sum(len(table.sheet.rows) - table.heading_index - 1 for table in tables)
    reader = _TableReader(result, Places(), period, progress, total)
    for table in tables:
        reader.read(table)
    if progress is not None:
        progress(result.rows_read, result.rows_read)
    return result


def _sheet_title(sheet: Sheet) -> tuple[str, int]:
    for number, values in sheet.rows[:HEADING_SEARCH_ROWS]:
        for value in values:
            if isinstance(value, str) and value.strip():
                return value, number
    return "", 0


def _find_table(sheet: Sheet, layouts: tuple[Layout, ...], result: ReadResult) -> _Table | None:
    title, title_row = _sheet_title(sheet)
    layout = next((layout for layout in layouts if layout.matches_title(title)), None)
    if layout is None:
        return None
    for index, (number, values) in enumerate(sheet.rows[:HEADING_SEARCH_ROWS]):
        leading = values[: len(layout.row_columns)]
        if len(leading) == len(layout.row_columns) and all(
                column.matches(value) for column, value in zip(layout.row_columns, leading,
                                                               strict=True)):
            result.tables.append(f"{sheet.name}: {layout.name}")
            block = " ".join(str(v) for _n, vals in sheet.rows[:index] for v in vals if v)
            return _Table(sheet, layout, block, number, index)
    expected = ", ".join(column.headings[0] for column in layout.row_columns)
    result.problems.add(
        _("The sheet's title says it is the table of %(table)s, but no row has the headings "
          "that table starts with (%(expected)s). The layout may have changed: check the "
          "file against the layout %(layout)s.")
        % {"table": layout.description, "expected": expected, "layout": layout.name},
        sheet=sheet.name, row=title_row, column="A")
    return None


class _TableReader:
    def __init__(self, result: ReadResult, places: Places, period: str | None,
                 progress: Progress | None, total: int) -> None:
        self.result = result
        self.places = places
        self.period_text = period
        self.progress = progress
        self.total = total
        self.seen: dict[tuple[str, str, str, str], tuple[str, int]] = {}

    def read(self, table: _Table) -> None:
        layout, sheet = table.layout, table.sheet
        self.result.source_slugs.add(layout.source)
        period = self._period(table)
        columns = self._value_columns(table)
        if period is None or columns is None:
            return
        width = len(layout.row_columns)
        state: list[object] = [_TOTAL] * width
        for number, values in table.sheet.rows[table.heading_index + 1:]:
            self.result.rows_read += 1
            if self.progress is not None and self.result.rows_read % 1000 == 0:
                self.progress(self.result.rows_read, self.total)
            figures = [(index, values[index] if index < len(values) else None)
                       for index, _pairs in columns]
            if all(value is None or value == "" for _index, value in figures):
                continue  # a spacer or a note below the table
            labels = list(values[:width]) + [None] * (width - len(values[:width]))
            opened = next((i for i, label in enumerate(labels) if label not in (None, "")), None)
            if opened is not None:
                state[opened:] = [label if label not in (None, "") else _TOTAL
                                  for label in labels[opened:]]
            target = self._target(layout, state, sheet.name, number, opened)
            if target is not None:
                self._store(table, period, target, columns, figures, number)

    def _period(self, table: _Table) -> vocabulary.Period | None:
        if self.period_text:
            return vocabulary.parse_period(self.period_text)
        found = period_from_text(table.title)
        if found is None:
            self.result.problems.add(
                _("The title of this table does not say which quarter or year it covers; "
                  "give the period when importing (for example 2023-Q4)."),
                sheet=table.sheet.name, row=_sheet_title(table.sheet)[1], column="A")
        return found

    def _value_columns(self, table: _Table) -> list[tuple[int, dict[str, str]]] | None:
        layout = table.layout
        headings = table.sheet.rows[table.heading_index][1]
        columns: list[tuple[int, dict[str, str]]] = []
        ok = True
        for index in range(len(layout.row_columns), len(headings)):
            heading = headings[index]
            if heading is None or str(heading).strip() == "":
                continue
            key = normalise_label(str(heading))
            if key in layout.total_headings:
                columns.append((index, {}))
                continue
            code = self._code(layout, layout.value_dimension, str(heading))
            if code is None:
                ok = False
                self.result.problems.add(
                    _("The column heading '%(heading)s' is not a %(dimension)s this layout "
                      "knows; add it to the labels of layout %(layout)s.")
                    % {"heading": heading, "dimension": layout.value_dimension,
                       "layout": layout.name},
                    sheet=table.sheet.name, row=table.heading_row, column=column_letter(index))
            else:
                columns.append((index, {layout.value_dimension: code}))
        return columns if ok else None

    def _code(self, layout: Layout, dimension: str, label: str) -> str | None:
        key = normalise_label(label)
        known = layout.labels.get(dimension, {})
        if key in known:
            return known[key]
        slug = key.replace(" ", "_")
        if slug in vocabulary.VALUES[dimension]:
            return slug
        combination = layout.combination
        if combination.get("dimension") == dimension:
            pattern = "|".join(re.escape(sep) for sep in combination.get("separators", ()))
            parts = [part for part in re.split(pattern, label) if part.strip()] if pattern else []
            if len(parts) > 1 and all(self._code(layout, dimension, p) for p in parts):
                return str(combination["value"])
        return None

    def _target(self, layout: Layout, state: list[object], sheet: str, number: int,
                opened: int | None) -> tuple[str, int | None, str, dict[str, str]] | None:
        """(geography, area id, measure, breakdown pairs) of a row, or None to leave it out."""
        pairs = dict(layout.fixed)
        geography, area_id, measure = layout.geography, None, layout.measure
        for index, column in enumerate(layout.row_columns):
            label = state[index]
            if column.role == "area":
                found = self._place(layout, label, sheet, number, opened == index, index)
                if found is None:
                    return None
                geography, area_id, special = found
                if special is not None:
                    measure = special.measure or measure
                    pairs.update(special.breakdown)
                continue
            if label is _TOTAL or normalise_label(str(label)) in layout.total_labels:
                continue
            code = self._code(layout, column.dimension, str(label))
            if code is None:
                if opened is not None and opened <= index:
                    self.result.problems.add(
                        _("'%(label)s' is not a %(dimension)s this layout knows.")
                        % {"label": label, "dimension": column.dimension},
                        sheet=sheet, row=number, column=column_letter(index))
                return None
            pairs[column.dimension] = code
        return geography, area_id, measure, pairs

    def _place(self, layout: Layout, label: object, sheet: str, number: int, report: bool,
               index: int) -> tuple[str, int | None, SpecialRow | None] | None:
        """Where a row's figures belong, or None for rows left out (reported once)."""
        if label is _TOTAL:
            return None
        key = normalise_label(str(label))
        special = layout.national_rows.get(key)
        if special is not None:
            return special.geography, None, special
        if layout.skip_other_rows or any(word in key for word in layout.skip_rows):
            return None
        try:
            geography, area_id = self.places.resolve(str(label))
        except LookupError as exc:
            if report:
                self.result.problems.add(str(exc), sheet=sheet, row=number,
                                         column=column_letter(index))
            return None
        return geography, area_id, None

    def _store(self, table: _Table, period: vocabulary.Period,
               target: tuple[str, int | None, str, dict[str, str]],
               columns: list[tuple[int, dict[str, str]]],
               figures: list[tuple[int, Value]], number: int) -> None:
        geography, area_id, measure, pairs = target
        markers = table.layout.markers
        sheet = table.sheet.name
        for (index, column_pairs), (_index, raw) in zip(columns, figures, strict=True):
            value, flag = _figure(raw, markers)
            if isinstance(value, str):
                self.result.problems.add(value, sheet=sheet, row=number,
                                         column=column_letter(index))
                continue
            breakdown = vocabulary.join_breakdown({**pairs, **column_pairs})
            key = (geography, period.text, measure, breakdown)
            first = self.seen.setdefault(key, (sheet, number))
            if first != (sheet, number):
                self.result.problems.add(duplicate_message(first[1], first[0]), sheet=sheet,
                                         row=number, column=column_letter(index))
                continue
            self.result.cells.append(Cell(geography, area_id, period.text, period.grain,
                                          period.start, measure, breakdown, value, flag))


def _figure(raw: Value, markers: dict[str, str]) -> tuple[int | str | None, str]:
    """(value, flag) of one spreadsheet cell; a str value is the problem's message."""
    if raw is None or raw == "":
        return _("The cell is empty; give a number or a marker such as [x]."), ""
    if isinstance(raw, bool):
        return _("'%(text)s' is not a number.") % {"text": raw}, ""
    if isinstance(raw, int | float):
        if raw < 0:
            return _("'%(text)s' is negative; figures are counts of 0 or more.") % {
                "text": raw}, ""
        if isinstance(raw, float) and not raw.is_integer():
            return _("'%(text)s' is not a whole number.") % {"text": raw}, ""
        return int(raw), ""
    text = str(raw).strip()
    flag = markers.get(text) or markers.get(text.lower())  # "[C]" is "[c]"
    if flag:
        return None, flag
    try:
        return whole_number(text), ""
    except ValueError as exc:
        return str(exc), ""
