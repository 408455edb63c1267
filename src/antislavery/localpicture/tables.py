"""The figures behind each chart of the local picture, as tables: for the page, CSV and XLSX.

A table keeps raw values (numbers, or None for a gap) and says what kind each column is, so
the page can format them for people and downloads can keep them as numbers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _

from . import disclosure
from .analysis import labels, national
from .analysis.picture import AreaPicture, Breakdown
from .analysis.series import flag_label

TEXT, COUNT, SHARE, RATE, P_VALUE = "text", "count", "share", "rate", "p"


@dataclass(frozen=True)
class DataTable:
    name: str
    caption: str
    head: list[str]
    kinds: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    synthetic: bool = False
    protected: tuple[bool, ...] = ()  # per row: made from figures of a protected source
    restricted: bool = False  # holds protected figures shown unrounded: not for publication

    def formatted_rows(self) -> list[list[str]]:
        return [[format_value(v, k) for v, k in zip(row, self.kinds, strict=True)]
                for row in self.rows]

    def govuk(self) -> dict[str, Any]:
        """Arguments for ``{% govuk_table %}``."""
        return {
            "caption": self.caption, "caption_classes": "govuk-table__caption--s",
            "first_cell_is_header": True, "head": self.head, "rows": self.formatted_rows(),
            "numeric": {i for i, kind in enumerate(self.kinds) if kind != TEXT},
        }


def format_value(value: Any, kind: str) -> str:
    if value is None:
        return "" if kind == TEXT else _("no figure")
    if kind == COUNT:
        return intcomma(value)
    if kind == SHARE:
        return f"{value * 100:.1f}%"
    if kind == RATE:
        return f"{value:,.1f}"
    if kind == P_VALUE:
        return _("less than 0.001") if value < 0.001 else f"{value:.3f}"
    return str(value)


def trend_table(picture: AreaPicture) -> DataTable:
    rows = []
    for point in picture.recent.points:
        note = ""
        if point.value is None:
            note = flag_label(point.flag)
        elif point.revised:
            note = _("revised from %(before)s to %(after)s") % {
                "before": intcomma(point.revised_from), "after": intcomma(point.value)}
        rows.append([point.label, disclosure.shown(point.value, point.flag), point.rolling, note])
    return DataTable(
        name="trend",
        caption=_("%(measure)s in %(area)s, each quarter") % {
            "measure": picture.measure_label, "area": picture.area_name},
        head=[_("Quarter"), picture.measure_label, _("Four-quarter total"), _("Note")],
        kinds=[TEXT, COUNT, COUNT, TEXT], rows=rows,
        notes=[n for n in [picture.recent.gap_note()] if n], synthetic=picture.synthetic,
        protected=tuple(point.protected for point in picture.recent.points),
    )


def yearly_table(picture: AreaPicture) -> DataTable:
    rows = [[p.label, p.value, flag_label(p.flag) if p.value is None else ""]
            for p in picture.yearly.points]
    return DataTable(
        name="yearly",
        caption=_("%(measure)s in %(area)s, each calendar year") % {
            "measure": picture.measure_label, "area": picture.area_name},
        head=[_("Year"), picture.measure_label, _("Note")], kinds=[TEXT, COUNT, TEXT],
        rows=rows, notes=[n for n in [picture.yearly.gap_note()] if n],
        synthetic=picture.synthetic,
    )


def breakdown_table(picture: AreaPicture, breakdown: Breakdown) -> DataTable:
    head = [breakdown.title, _("Count"), _("Share in %(area)s") % {"area": picture.area_name}]
    kinds = [TEXT, COUNT, SHARE]
    columns = ["count", "share"]
    if picture.region_group:
        head.append(_("Share in rest of %(group)s") % {"group": picture.region_group[1]})
        kinds.append(SHARE)
        columns.append("region_share")
    if picture.peer_group and picture.peer_group != picture.region_group:
        head.append(_("Share in rest of %(group)s") % {"group": picture.peer_group[1]})
        kinds.append(SHARE)
        columns.append("peer_share")
    head.append(_("Share in England and Wales"))
    kinds.append(SHARE)
    columns.append("national_share")
    rows = [[row.label, *(getattr(row, c) for c in columns)] for row in breakdown.rows]
    return DataTable(
        name=f"breakdown-{breakdown.dimension}",
        caption=_("%(measure)s in %(area)s by %(dimension)s, %(period)s") % {
            "measure": picture.measure_label, "area": picture.area_name,
            "dimension": breakdown.title.lower(), "period": picture.period_label},
        head=head, kinds=kinds, rows=rows, notes=[n for n in [breakdown.note] if n],
        synthetic=picture.synthetic,
    )


def comparison_table(picture: AreaPicture) -> DataTable:
    rows = []
    for group in picture.comparisons:
        rows.append([
            group.name, f"{group.counted} / {len(group.slugs)}", group.last, group.previous,
            change_words(group.change), group.change.p_value if group.change else None,
            group.population, group.rate,
        ])
    return DataTable(
        name="comparison",
        caption=_("%(measure)s in %(area)s beside its peers and England and Wales") % {
            "measure": picture.measure_label, "area": picture.area_name},
        head=[_("Area or group"), _("Areas with complete figures"),
              picture.period_label or _("Last four quarters"),
              picture.previous_label or _("Four quarters before"), _("Change"), _("p-value"),
              _("Population"), _("Rate per 100,000 people")],
        kinds=[TEXT, TEXT, COUNT, COUNT, TEXT, P_VALUE, COUNT, RATE], rows=rows,
        notes=[_("Groups leave out the area itself and count only areas whose figures for both "
                 "periods are complete.")],
        synthetic=picture.synthetic,
    )


def funnel_table(picture: AreaPicture) -> DataTable:
    funnel = picture.funnel
    rows = []
    if funnel is not None:
        for point in sorted(funnel.points, key=lambda p: p.name):
            rows.append([point.name, point.count, point.population, point.rate,
                         national.position_label(point.position)])
    notes = [_("Areas are listed by name, not ranked. An area outside the 99.8% limits is "
               "unlikely to differ from the overall rate by chance alone.")]
    if funnel is not None and funnel.left_out:
        notes.append(_("Left out for want of a complete count or a population: %(areas)s.") % {
            "areas": ", ".join(funnel.left_out)})
    return DataTable(
        name="funnel",
        caption=_("%(measure)s per 100,000 people in every area, %(period)s") % {
            "measure": picture.measure_label, "period": picture.period_label},
        head=[_("Area"), picture.measure_label, _("Population"), _("Rate per 100,000 people"),
              _("Against the limits")],
        kinds=[TEXT, COUNT, COUNT, RATE, TEXT], rows=rows, notes=notes,
        synthetic=picture.synthetic,
    )


def other_measures_table(picture: AreaPicture) -> DataTable | None:
    if not picture.other_measures:
        return None
    return DataTable(
        name="other-measures",
        caption=_("Other figures for %(area)s") % {"area": picture.area_name},
        head=[_("Figures"), _("Last four quarters"), _("Count"), _("Four quarters before"),
              _("Count"), _("Change"), _("Rate per 100,000 people")],
        kinds=[TEXT, TEXT, COUNT, TEXT, COUNT, TEXT, RATE],
        rows=[[m.label, m.period_label, m.last, m.previous_label, m.previous,
               change_words(m.change), m.rate] for m in picture.other_measures],
        notes=[_("Duty to Notify reports, recorded crimes and helpline figures are separate "
                 "counts from NRM referrals and must not be added to them.")],
        synthetic=picture.synthetic,
    )


def change_words(change: Any) -> str:
    if change is None:
        return _("not known")
    return {
        "clear increase": _("clear increase"),
        "clear decrease": _("clear decrease"),
        "no clear change": _("no clear change"),
    }[change.verdict]


def picture_tables(picture: AreaPicture) -> list[DataTable]:
    tables = [trend_table(picture), yearly_table(picture)]
    tables += [breakdown_table(picture, b) for b in picture.breakdowns]
    tables.append(comparison_table(picture))
    if picture.funnel is not None:
        tables.append(funnel_table(picture))
    return [disclosure.mark_table(t, protected=picture.protected, restricted=picture.restricted)
            for t in tables]


def table_named(picture: AreaPicture, name: str) -> DataTable | None:
    return next((t for t in picture_tables(picture) if t.name == name), None)


def synthetic_notice() -> str:
    return _("Synthetic demonstration figures: these are not real statistics.")


def to_csv(table: DataTable) -> str:
    """The table as CSV: raw numbers, empty cells for gaps, a synthetic column, no notes."""
    out = io.StringIO()
    writer = csv.writer(out)
    flags = disclosure.row_flags(table)
    # Protected figures shown unrounded to staff are marked on every row that may hold one.
    restricted = table.restricted and bool(flags)
    writer.writerow([*table.head, _("Synthetic"), *([_("Protected")] if flags else []),
                     *([disclosure.not_for_publication_label().capitalize()]
                       if restricted else [])])
    for index, row in enumerate(table.rows):
        writer.writerow([("" if v is None else v) for v in row]
                        + [_("yes") if table.synthetic else _("no")]
                        + ([_("yes") if flags[index] else _("no")] if flags else [])
                        + ([_("yes") if flags[index] else _("no")] if restricted else []))
    return out.getvalue()


def to_xlsx(table: DataTable, *, title: str, sources: list[str], caveats: list[str]) -> bytes:
    """The table as a workbook: title, synthetic notice, figures, then notes and sources."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    formats = {COUNT: "#,##0", SHARE: "0.0%", RATE: "#,##0.0", P_VALUE: "0.000"}
    book = Workbook()
    sheet = book.active
    sheet.title = table.name[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([table.caption])
    for notice in _notices(table):
        sheet.append([notice])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, color="D4351C")
    sheet.append([])
    flags = disclosure.row_flags(table)
    sheet.append([*table.head, *([_("Protected")] if flags else [])])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for index, row in enumerate(table.rows):
        sheet.append(row)
        cells = sheet[sheet.max_row][: len(table.kinds)]
        for cell, kind in zip(cells, table.kinds, strict=True):
            if kind in formats and isinstance(cell.value, int | float):
                cell.number_format = formats[kind]
            if cell.value is None and kind != TEXT:
                cell.value = _("no figure")
        if flags:
            sheet.cell(row=sheet.max_row, column=len(row) + 1,
                       value=_("yes") if flags[index] else _("no"))
    sheet.append([])
    for line in [*table.notes, *caveats]:
        sheet.append([line])
    sheet.append([])
    sheet.append([_("Sources")])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for line in sources:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 36
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _notices(table: DataTable) -> list[str]:
    """Warnings at the top of a workbook: synthetic figures, figures not for publication."""
    return ([synthetic_notice()] if table.synthetic else []) + (
        [disclosure.staff_note()] if table.restricted else [])


def measure_choices() -> list[tuple[str, str]]:
    return [(code, labels.measure_label(code)) for code in labels.PICTURED_MEASURES]
