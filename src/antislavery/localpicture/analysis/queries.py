"""What the analysis reads from the statistics store, always through what the user may see.

Cross-area figures are summed by the database (one grouped query per measure), and an area's
own figures come in one indexed query; nothing here loops over observations in Python beyond
the few hundred rows of one area.

When several sources give figures for the same area and measure, one source is used, so that
a series never mixes sources: the one with the most known quarterly totals in the four-quarter
windows compared (then over the whole series), and among equals by :data:`SOURCE_PRIORITY`
(official statistics first, synthetic demonstration figures last). A stray upload of one
quarter does not displace a full series.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Q, Sum

from antislavery.accounts import permissions
from antislavery.localpicture import selectors
from antislavery.localpicture.models import Observation, Release, Source

from .periods import Quarter
from .series import Row

SOURCE_PRIORITY = {
    Source.Kind.OFFICIAL: 0,
    Source.Kind.LOCAL: 1,
    Source.Kind.HELPLINE: 2,
    Source.Kind.SYNTHETIC: 3,
}
NATIONAL_GEOGRAPHIES = ("uk", "england-and-wales", "england", "wales")


def visibility_scope(user: Any) -> str:
    """Who the figures are for: everything (coordinators), one office's, or public only."""
    if permissions.is_coordinator(user):
        return "all"
    area_id = permissions.office_area_id(user)
    return f"office-{area_id}" if area_id is not None else "public"


def store_state(user: Any) -> str:
    """A short key that changes whenever the figures the user may see change.

    Releases are only ever added, so the newest release, their number and the newest import
    time identify the store's state for a user's scope.
    """
    summary = selectors.visible_releases(user).aggregate(
        latest=Max("pk"), count=Count("pk"), newest=Max("imported_at"))
    newest = summary["newest"].timestamp() if summary["newest"] else ""
    text = f"{visibility_scope(user)}:{summary['latest']}:{summary['count']}:{newest}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def latest_release_id(user: Any) -> int | None:
    return selectors.visible_releases(user).aggregate(latest=Max("pk"))["latest"]


def latest_quarter(user: Any, measure: str) -> Quarter | None:
    """The latest quarter in the store with ``measure`` totals for most police force areas.

    Comparisons need one window for every area, so the window ends with the latest quarter
    for which at least half as many areas have a figure as in the best-covered quarter: a
    single office's newer upload does not empty every other area's picture. National totals
    can run ahead of area figures and are not counted.
    """
    coverage = list(
        selectors.current_observations(user)
        .filter(measure=measure, grain=Observation.Grain.QUARTER, area__isnull=False,
                breakdown="")
        .values("period_start").annotate(areas=Count("geography", distinct=True))
        .order_by("-period_start").values_list("period_start", "areas")
    )
    if not coverage:
        return None
    enough = max(areas for _start, areas in coverage) / 2
    return Quarter.of(next(start for start, areas in coverage if areas >= enough))


def source_kinds() -> dict[int, str]:
    return dict(Source.objects.values_list("pk", "kind"))


def preferred_source(coverage: dict[int, tuple[int, int]], kinds: dict[int, str]) -> int | None:
    """The source to use among those with figures.

    ``coverage`` gives each source's known totals in the window and over the whole series:
    the most of the first, then of the second, then the kind's priority, then the oldest.
    """
    ordered = sorted(coverage, key=lambda pk: (-coverage[pk][0], -coverage[pk][1],
                                               SOURCE_PRIORITY.get(kinds.get(pk), 9), pk))
    return ordered[0] if ordered else None


def _coverage(records: Iterable[tuple[int, str, int | None]],
              window: set[str]) -> dict[int, tuple[int, int]]:
    """Known figures per source, in ``window`` and overall, from (source, period, value)."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for source, period, value in records:
        entry = counts[source]  # a source with only gaps is still a candidate
        if value is not None:
            entry[1] += 1
            if period in window:
                entry[0] += 1
    return {pk: (inside, overall) for pk, (inside, overall) in counts.items()}


@dataclass
class AreaRows:
    """One area's figures for one measure, from one source, by breakdown."""

    source_id: int | None
    quarters: dict[str, list[Row]] = field(default_factory=dict)
    years: dict[str, list[Row]] = field(default_factory=dict)
    release_ids: set[int] = field(default_factory=set)

    def breakdowns(self) -> set[str]:
        return set(self.quarters) | set(self.years)


def area_rows(user: Any, *, geography: str, measure: str,
              window: Iterable[str] = ()) -> AreaRows:
    """Every current figure of one geography and measure, from its preferred source.

    ``window`` names the quarters being compared, which weigh first in choosing the source.
    """
    records = list(
        selectors.current_observations(user)
        .filter(measure=measure, geography=geography)
        .values_list("source_id", "period", "grain", "breakdown", "value", "flag", "synthetic",
                     "previous__value", "release_id")
    )
    totals = [(r[0], r[1], r[4]) for r in records
              if r[3] == "" and r[2] == Observation.Grain.QUARTER]
    coverage = _coverage(totals or [(r[0], r[1], r[4]) for r in records], set(window))
    source_id = preferred_source(coverage, source_kinds())
    result = AreaRows(source_id)
    for source, period, grain, breakdown, value, flag, synthetic, previous, release in records:
        if source != source_id:
            continue
        row = Row(period=period, value=value, flag=flag, synthetic=synthetic,
                  revised_from=previous)
        if grain == Observation.Grain.QUARTER:
            result.quarters.setdefault(breakdown, []).append(row)
        elif grain == Observation.Grain.YEAR:
            result.years.setdefault(breakdown, []).append(row)
        result.release_ids.add(release)
    return result


@dataclass(frozen=True)
class WindowCell:
    """The sums of one geography's breakdown over the last and the previous four quarters.

    A sum is None unless all four of its quarters have a known figure.
    """

    last: int | None
    previous: int | None
    synthetic: bool


def _window_sum(value: int | None, known: int, needed: int) -> int | None:
    return value if known == needed and value is not None else None


@dataclass
class Window:
    """Window sums by geography, then breakdown, and the source used for each geography."""

    cells: dict[str, dict[str, WindowCell]] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)


def window_cells(user: Any, *, measure: str, geographies: Iterable[str], last: list[Quarter],
                 previous: list[Quarter]) -> Window:
    """Sums by geography and breakdown for two runs of quarters, from each one's preferred source.

    The database does the summing: one grouped query over the (measure, geography, period)
    index, whatever the number of observations.
    """
    last_periods = [str(q) for q in last]
    previous_periods = [str(q) for q in previous]
    grouped = (
        selectors.current_observations(user)
        .filter(measure=measure, geography__in=list(geographies),
                period__in=last_periods + previous_periods)
        .values("geography", "source_id", "breakdown")
        .annotate(
            last_sum=Sum("value", filter=Q(period__in=last_periods)),
            last_known=Count("value", filter=Q(period__in=last_periods)),
            previous_sum=Sum("value", filter=Q(period__in=previous_periods)),
            previous_known=Count("value", filter=Q(period__in=previous_periods)),
            synthetic_rows=Count("pk", filter=Q(synthetic=True)),
        )
        .order_by()
    )
    by_source: dict[str, dict[int, dict[str, WindowCell]]] = defaultdict(lambda: defaultdict(dict))
    known: dict[tuple[str, int], int] = defaultdict(int)
    for row in grouped:
        if row["breakdown"] == "":
            known[row["geography"], row["source_id"]] = (row["last_known"]
                                                         + row["previous_known"])
        by_source[row["geography"]][row["source_id"]][row["breakdown"]] = WindowCell(
            last=_window_sum(row["last_sum"], row["last_known"], len(last_periods)),
            previous=_window_sum(row["previous_sum"], row["previous_known"],
                                 len(previous_periods)),
            synthetic=row["synthetic_rows"] > 0,
        )
    kinds = source_kinds()
    result = Window()
    for geography, sources in by_source.items():
        coverage = {pk: (known[geography, pk], known[geography, pk]) for pk in sources}
        chosen = preferred_source(coverage, kinds)
        if chosen is not None:
            result.cells[geography] = sources[chosen]
            result.sources[geography] = chosen
    return result


def populations(user: Any, *, geographies: Iterable[str], year: int) -> dict[str, int]:
    """Each geography's population for ``year``, or the nearest earlier (else later) year.

    Population is a measure in the store; where the store has none for an area, the area's
    own recorded population is used.
    """
    wanted = list(geographies)
    rows = (selectors.current_observations(user)
            .filter(measure="population", geography__in=wanted, breakdown="",
                    grain=Observation.Grain.YEAR, value__isnull=False)
            .values_list("geography", "period", "value"))
    by_geography: dict[str, dict[int, int]] = defaultdict(dict)
    for geography, period, value in rows:
        by_geography[geography][int(period[:4])] = value
    result = {}
    for geography, by_year in by_geography.items():
        earlier = [y for y in by_year if y <= year]
        chosen = max(earlier) if earlier else min(by_year)
        result[geography] = by_year[chosen]
    from antislavery.areas.models import Area

    missing = [g for g in wanted if g not in result]
    if missing:
        for slug, population in Area.objects.filter(
                slug__in=missing, population__isnull=False).values_list("slug", "population"):
            result[slug] = population
    return result


def releases_by_id(ids: Iterable[int]) -> list[Release]:
    return list(Release.objects.filter(pk__in=set(ids)).select_related("source")
                .order_by("-published_on", "-pk"))


def quarterly_totals(user: Any, *, measure: str, geographies: Iterable[str],
                     window: Iterable[str] = ()) -> dict[str, list[Row]]:
    """The quarterly totals of several geographies, each from its preferred source."""
    records = list(
        selectors.current_observations(user)
        .filter(measure=measure, geography__in=list(geographies), breakdown="",
                grain=Observation.Grain.QUARTER)
        .values_list("geography", "source_id", "period", "value", "flag", "synthetic")
    )
    kinds = source_kinds()
    periods = set(window)
    chosen = {}
    for geography in {r[0] for r in records}:
        coverage = _coverage(((r[1], r[2], r[3]) for r in records if r[0] == geography),
                             periods)
        chosen[geography] = preferred_source(coverage, kinds)
    result: dict[str, list[Row]] = defaultdict(list)
    for geography, source, period, value, flag, synthetic in records:
        if source == chosen[geography]:
            result[geography].append(Row(period=period, value=value, flag=flag,
                                         synthetic=synthetic))
    return dict(result)
