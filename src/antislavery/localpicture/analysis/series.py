"""Time series of one area, measure and breakdown, with gaps kept as gaps.

Built from plain rows so that the same code serves pages, downloads and reports; the rows
come from :mod:`.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .periods import Quarter, quarter_range
from .stats import rolling_totals, total

MISSING = "missing"  # no figure in the store for the period
INCOMPLETE = "incomplete"  # a year some of whose quarters are unknown


@dataclass(frozen=True)
class Row:
    """One stored figure as the analysis needs it."""

    period: str
    value: int | None
    flag: str = ""
    synthetic: bool = False
    revised_from: int | None = None


@dataclass(frozen=True)
class Point:
    period: str
    label: str
    value: int | None
    flag: str = ""
    rolling: int | None = None
    revised_from: int | None = None
    synthetic: bool = False

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def revised(self) -> bool:
        return self.revised_from is not None and self.revised_from != self.value


@dataclass(frozen=True)
class Series:
    grain: str
    points: list[Point] = field(default_factory=list)

    @property
    def gaps(self) -> list[Point]:
        return [p for p in self.points if p.value is None]

    @property
    def synthetic(self) -> bool:
        return any(p.synthetic for p in self.points)

    @property
    def revisions(self) -> list[Point]:
        return [p for p in self.points if p.revised]

    def value(self, period: str) -> int | None:
        for point in self.points:
            if point.period == period:
                return point.value
        return None

    def gap_note(self) -> str:
        """A sentence saying which periods have no figure and why, or an empty string."""
        if not self.gaps:
            return ""
        parts = [_("%(period)s (%(reason)s)") % {"period": p.label, "reason": flag_label(p.flag)}
                 for p in self.gaps]
        if self.grain == "quarter":
            return _("No figure for %(periods)s. These are gaps, not zeros: the chart leaves "
                     "them out and four-quarter totals that include them are not given.") % {
                "periods": ", ".join(parts)}
        return _("No complete figure for %(periods)s. These are gaps, not zeros.") % {
            "periods": ", ".join(parts)}


def flag_label(flag: str) -> str:
    return {
        "suppressed": _("suppressed"),
        "not_available": _("not available"),
        MISSING: _("not in the store"),
        INCOMPLETE: _("some quarters unknown"),
    }.get(flag, flag)


def quarter_series(rows: Iterable[Row], *, first: Quarter | None = None,
                   last: Quarter | None = None) -> Series:
    """Quarterly points from ``first`` to ``last`` (default: the span of the rows).

    A quarter with no row is a gap flagged ``missing``; a flagged row is a gap with its flag.
    Each point carries the total of the four quarters ending with it, when all four are known.
    """
    by_period = {Quarter.parse(row.period): row for row in rows}
    if not by_period and (first is None or last is None):
        return Series("quarter")
    first = first or min(by_period)
    last = last or max(by_period)
    quarters = quarter_range(first, last)
    values = [by_period[q].value if q in by_period else None for q in quarters]
    rolling = rolling_totals(values)
    points = []
    for quarter, value, four in zip(quarters, values, rolling, strict=True):
        row = by_period.get(quarter)
        points.append(Point(
            period=str(quarter), label=quarter.short_label, value=value,
            flag=(row.flag or "") if row else MISSING, rolling=four,
            revised_from=row.revised_from if row else None,
            synthetic=bool(row and row.synthetic),
        ))
    return Series("quarter", points)


def year_series(quarters: Series, year_rows: Iterable[Row] = ()) -> Series:
    """Calendar years: a stored yearly figure where there is one, else the sum of the quarters.

    A year whose quarters are not all known has no value (flag ``incomplete``) unless a yearly
    figure was stored for it.
    """
    stored = {int(row.period): row for row in year_rows}
    by_year: dict[int, list[Point]] = {}
    for point in quarters.points:
        by_year.setdefault(int(point.period[:4]), []).append(point)
    points = []
    for year in sorted(set(by_year) | set(stored)):
        row = stored.get(year)
        if row is not None:
            points.append(Point(period=str(year), label=str(year), value=row.value,
                                flag=row.flag, revised_from=row.revised_from,
                                synthetic=row.synthetic))
            continue
        members = by_year[year]
        value = total([p.value for p in members]) if len(members) == 4 else None
        points.append(Point(period=str(year), label=str(year), value=value,
                            flag="" if value is not None else INCOMPLETE,
                            synthetic=any(p.synthetic for p in members)))
    return Series("year", points)
