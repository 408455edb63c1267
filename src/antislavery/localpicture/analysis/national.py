"""Every area at once: the figures the national page, comparisons and funnel plots share.

One :class:`NationalWindow` per measure and store state is built from two grouped queries
and cached; area pages, the national page and the compare page all read from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.utils.translation import gettext as _

from antislavery.areas.models import Area

from . import queries, stats
from .periods import Quarter, last_quarters, window_label
from .queries import WindowCell

CACHE_SECONDS = DEFAULT_TIMEOUT  # keys name the state of the figures: the cache's own timeout


@dataclass(frozen=True)
class AreaInfo:
    slug: str
    name: str
    region: str
    country: str


@dataclass
class NationalWindow:
    """Sums over the last four quarters in the store and the four before, for every area."""

    measure: str
    latest: Quarter | None
    last: list[Quarter]
    previous: list[Quarter]
    areas: list[AreaInfo]
    cells: dict[str, dict[str, WindowCell]] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    populations: dict[str, int] = field(default_factory=dict)

    @property
    def period_label(self) -> str:
        return window_label(self.last)

    @property
    def previous_label(self) -> str:
        return window_label(self.previous)

    def cell(self, geography: str, breakdown: str = "") -> WindowCell | None:
        return self.cells.get(geography, {}).get(breakdown)

    def total(self, geography: str) -> WindowCell | None:
        return self.cell(geography)

    @property
    def synthetic(self) -> bool:
        return any(cell.synthetic for cells in self.cells.values() for cell in cells.values())

    def area(self, slug: str) -> AreaInfo | None:
        return next((a for a in self.areas if a.slug == slug), None)


def national_window(user: Any, measure: str, *, state: str | None = None) -> NationalWindow:
    """The cached window for ``measure`` as ``user`` may see it."""
    state = state or queries.store_state(user)
    key = f"localpicture:window:{state}:{measure}"
    window = cache.get(key)
    if window is None:
        window = _build_window(user, measure)
        cache.set(key, window, CACHE_SECONDS)
    return window


def _build_window(user: Any, measure: str) -> NationalWindow:
    areas = [AreaInfo(slug, name, region, country) for slug, name, region, country in
             Area.objects.filter(territorial=True).order_by("name")
             .values_list("slug", "name", "region", "country")]
    latest = queries.latest_quarter(user, measure)
    if latest is None:
        return NationalWindow(measure, None, [], [], areas)
    last = last_quarters(latest, 4)
    previous = last_quarters(latest.shift(-4), 4)
    geographies = [a.slug for a in areas] + list(queries.NATIONAL_GEOGRAPHIES)
    window = queries.window_cells(user, measure=measure, geographies=geographies, last=last,
                                  previous=previous)
    populations = queries.populations(user, geographies=[a.slug for a in areas],
                                      year=latest.year)
    return NationalWindow(measure, latest, last, previous, areas, window.cells, window.sources,
                          populations)


@dataclass(frozen=True)
class GroupFigures:
    """The summed figures of a set of areas (only those whose figures are complete)."""

    name: str
    slugs: tuple[str, ...]
    counted: int
    last: int | None
    previous: int | None
    population: int | None
    change: stats.ChangeTest | None
    synthetic: bool

    @property
    def rate(self) -> float | None:
        return stats.rate(self.last, self.population)

    @property
    def complete(self) -> bool:
        return self.counted == len(self.slugs)


def group_figures(window: NationalWindow, name: str, slugs: list[str]) -> GroupFigures:
    """Sum the areas whose last and previous totals are both known; say how many those are."""
    cells = [(slug, window.total(slug)) for slug in slugs]
    usable = [(slug, c) for slug, c in cells
              if c is not None and c.last is not None and c.previous is not None]
    last = sum(c.last for _, c in usable) if usable else None  # type: ignore[misc]
    previous = sum(c.previous for _, c in usable) if usable else None  # type: ignore[misc]
    with_population = [slug for slug, _c in usable if slug in window.populations]
    population = (sum(window.populations[s] for s in with_population)
                  if usable and len(with_population) == len(usable) else None)
    change = stats.change_test(last, previous) if last is not None and previous is not None \
        else None
    return GroupFigures(name, tuple(slugs), len(usable), last, previous, population, change,
                        any(c.synthetic for _, c in usable))


def england_and_wales(window: NationalWindow) -> GroupFigures:
    return group_figures(window, _("England and Wales"), [a.slug for a in window.areas])


def breakdown_counts(window: NationalWindow, slugs: list[str],
                     dimension: str) -> tuple[dict[str, int | None], int | None, int]:
    """The last-four-quarter counts of each value of ``dimension`` summed over ``slugs``.

    Only areas whose total and every value of the dimension are known are summed, so that
    shares compare like with like. Returns the counts, their areas' summed total, and the
    number of areas summed.
    """
    prefix = dimension + "="
    values = sorted({b[len(prefix):] for slug in slugs for b in window.cells.get(slug, {})
                     if b.startswith(prefix) and ";" not in b})
    counts: dict[str, int] = dict.fromkeys(values, 0)
    whole = 0
    summed = 0
    for slug in slugs:
        cells = window.cells.get(slug, {})
        total = cells.get("")
        own = {v: cells.get(prefix + v) for v in values}
        if total is None or total.last is None:
            continue
        # A value with no figure, or a flagged one, is unknown, not zero: leave the area out.
        if any(cell is None or cell.last is None for cell in own.values()):
            continue
        for value, cell in own.items():
            counts[value] += cell.last  # type: ignore[union-attr,operator]  # checked above
        whole += total.last
        summed += 1
    if not summed:
        return dict.fromkeys(values), None, 0
    return dict(counts), whole, summed


@dataclass(frozen=True)
class FunnelPoint:
    slug: str
    name: str
    count: int
    population: int
    rate: float
    position: str
    highlighted: bool = False


@dataclass(frozen=True)
class Funnel:
    overall_rate: float
    limits: list[stats.FunnelLimit]
    points: list[FunnelPoint]
    left_out: list[str]

    def point(self, slug: str) -> FunnelPoint | None:
        return next((p for p in self.points if p.slug == slug), None)


def funnel(window: NationalWindow, *, highlight: str | None = None) -> Funnel | None:
    """Rates of every area with a known count and population against the overall rate.

    Areas are placed against exact Poisson limits for their own population, not ranked.
    None when fewer than three areas have both figures.
    """
    usable = []
    left_out = []
    for info in window.areas:
        cell = window.total(info.slug)
        population = window.populations.get(info.slug)
        if cell is None or cell.last is None or not population:
            left_out.append(info.name)
            continue
        usable.append((info, cell.last, population))
    if len(usable) < 3:
        return None
    overall = stats.rate(sum(c for _, c, _p in usable), sum(p for _, _c, p in usable)) or 0.0
    limits = stats.funnel_limits(overall, [p for _, _c, p in usable])
    points = []
    for info, count, population in usable:
        limit = stats.funnel_limit(overall, population)
        points.append(FunnelPoint(
            slug=info.slug, name=info.name, count=count, population=population,
            rate=stats.rate(count, population) or 0.0,
            position=stats.funnel_position(count, limit), highlighted=info.slug == highlight,
        ))
    return Funnel(overall, limits, points, left_out)


def position_label(position: str) -> str:
    return {
        stats.WITHIN: _("within the expected range"),
        stats.ABOVE_95: _("above the 95% limit"),
        stats.ABOVE_998: _("above the 99.8% limit"),
        stats.BELOW_95: _("below the 95% limit"),
        stats.BELOW_998: _("below the 99.8% limit"),
    }[position]


@dataclass(frozen=True)
class AreaRow:
    """One area's line on the national page."""

    info: AreaInfo
    last: int | None
    previous: int | None
    change: stats.ChangeTest | None
    population: int | None
    rate: float | None
    position: str | None
    synthetic: bool


def area_table(window: NationalWindow, found: Funnel | None) -> list[AreaRow]:
    """Every territorial area by name (never ranked), with its figures for the window."""
    rows = []
    for info in window.areas:
        cell = window.total(info.slug)
        last = cell.last if cell else None
        previous = cell.previous if cell else None
        population = window.populations.get(info.slug)
        point = found.point(info.slug) if found else None
        rows.append(AreaRow(
            info=info, last=last, previous=previous,
            change=stats.change_test(last, previous) if last is not None
            and previous is not None else None,
            population=population, rate=stats.rate(last, population),
            position=point.position if point else None,
            synthetic=bool(cell and cell.synthetic),
        ))
    return rows


def published_totals(window: NationalWindow) -> list[tuple[str, WindowCell]]:
    """Totals published for the UK, England and Wales, England or Wales, where stored."""
    from .queries import NATIONAL_GEOGRAPHIES

    return [(geography, window.cells[geography][""]) for geography in NATIONAL_GEOGRAPHIES
            if "" in window.cells.get(geography, {})]
