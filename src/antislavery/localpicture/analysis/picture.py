"""One area's local picture: every figure its page, downloads and report show.

:func:`area_picture` is the one entry point; it is cached by the store's state, so the
figures are computed once per release, not once per page view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.utils import translation
from django.utils.translation import gettext as _

from antislavery.areas.models import Area, PeerGroup

from . import labels, national, queries, stats
from .periods import Quarter, quarter_range, window_label
from .series import Series, quarter_series, year_series

CACHE_SECONDS = DEFAULT_TIMEOUT  # keys name the state of the figures: the cache's own timeout
# Charts and tables show the last seven years; the full series stays in the JSON report.
RECENT_QUARTERS = 28


@dataclass(frozen=True)
class ShareRow:
    value: str
    label: str
    count: int | None
    share: float | None
    region_share: float | None = None
    peer_share: float | None = None
    national_share: float | None = None


@dataclass(frozen=True)
class Breakdown:
    dimension: str
    title: str
    rows: list[ShareRow]
    total: int | None
    note: str = ""

    @property
    def known(self) -> bool:
        return any(row.count is not None for row in self.rows)


@dataclass(frozen=True)
class Headline:
    last: int | None
    previous: int | None
    change: stats.ChangeTest | None
    population: int | None
    rate: float | None
    rate_interval: tuple[float, float] | None

    @property
    def verdict(self) -> str | None:
        return self.change.verdict if self.change else None


@dataclass(frozen=True)
class SourceNote:
    release_id: int
    title: str
    source: str
    publisher: str
    url: str
    published_on: date | None
    synthetic: bool
    private: bool


@dataclass(frozen=True)
class MeasureFigures:
    """One more measure for the area (Duty to Notify reports, recorded crimes...)."""

    measure: str
    label: str
    period_label: str
    previous_label: str
    last: int | None
    previous: int | None
    change: stats.ChangeTest | None
    rate: float | None
    synthetic: bool


@dataclass(frozen=True)
class Revision:
    period: str
    breakdown: str
    before: int | None
    after: int | None


@dataclass
class AreaPicture:
    area_slug: str
    area_name: str
    measure: str
    latest: Quarter | None
    last: list[Quarter]
    previous: list[Quarter]
    headline: Headline
    quarterly: Series
    yearly: Series
    breakdowns: list[Breakdown] = field(default_factory=list)
    comparisons: list[national.GroupFigures] = field(default_factory=list)
    region_group: tuple[str, str] | None = None
    peer_group: tuple[str, str] | None = None
    funnel: national.Funnel | None = None
    protected: bool = False  # some figure is from a protected source, already disclosed
    restricted: bool = False  # some protected figure is unrounded: not for publication
    sources: list[SourceNote] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    other_measures: list[MeasureFigures] = field(default_factory=list)
    synthetic: bool = False
    state: str = ""
    key: str = ""

    @property
    def measure_label(self) -> str:
        return labels.measure_label(self.measure)

    @property
    def period_label(self) -> str:
        return window_label(self.last)

    @property
    def previous_label(self) -> str:
        return window_label(self.previous)

    @property
    def recent(self) -> Series:
        """The quarterly series of the last :data:`RECENT_QUARTERS` quarters."""
        return Series("quarter", self.quarterly.points[-RECENT_QUARTERS:])

    @property
    def has_figures(self) -> bool:
        return self.latest is not None and bool(self.quarterly.points)

    def breakdown(self, dimension: str) -> Breakdown | None:
        return next((b for b in self.breakdowns if b.dimension == dimension), None)


def region_group_for(area: Area) -> PeerGroup | None:
    """The preset group of the area's region (or of Wales)."""
    groups = PeerGroup.objects.filter(kind=PeerGroup.Kind.PRESET, areas=area)
    return next((g for g in groups if g.slug.startswith("region-") or g.slug == "wales"), None)


def area_picture(area: Area, *, user: Any = None, peers: PeerGroup | None = None,
                 measure: str = labels.DEFAULT_MEASURE) -> AreaPicture:
    """The area's picture for ``measure``, compared with its region, ``peers`` and the nation."""
    state = queries.store_state(user)
    region = region_group_for(area)
    groups = ":".join(f"{g.pk}.{g.modified_at.timestamp()}" for g in (region, peers) if g)
    key = (f"localpicture:picture:{state}:{translation.get_language()}:{area.pk}:"
           f"{area.modified_at.timestamp()}:{measure}:{groups}")
    picture = cache.get(key)
    if picture is None:
        picture = _build(area, user=user, state=state, region=region, peers=peers,
                         measure=measure)
        picture.key = key
        cache.set(key, picture, CACHE_SECONDS)
    return picture


def _member_slugs(group: PeerGroup | None, area: Area) -> list[str]:
    if group is None:
        return []
    return sorted(slug for slug in group.areas.values_list("slug", flat=True) if slug != area.slug)


def _build(area: Area, *, user: Any, state: str, region: PeerGroup | None,
           peers: PeerGroup | None, measure: str) -> AreaPicture:
    window = national.national_window(user, measure, state=state)
    rows = queries.area_rows(user, geography=area.slug, measure=measure,
                             window=[str(q) for q in window.previous + window.last])
    quarterly = quarter_series(rows.quarters.get("", []),
                               last=window.latest if rows.quarters.get("") else None)
    yearly = year_series(quarterly, rows.years.get("", []))
    headline = _headline(area, window, quarterly)
    region_slugs = _member_slugs(region, area)
    peer_slugs = _member_slugs(peers, area)
    comparisons = [national.group_figures(window, area.name, [area.slug])]
    if region is not None:
        comparisons.append(national.group_figures(
            window, _("Rest of %(group)s") % {"group": region.name}, region_slugs))
    if peers is not None and peers != region:
        comparisons.append(national.group_figures(
            window, _("Rest of %(group)s") % {"group": peers.name}, peer_slugs))
    comparisons.append(national.england_and_wales(window))
    breakdowns = [
        _breakdown(window, area.slug, dimension, region_slugs, peer_slugs)
        for dimension in labels.DIMENSIONS
    ]
    releases = queries.releases_by_id(rows.release_ids)
    picture = AreaPicture(
        area_slug=area.slug, area_name=area.name, measure=measure, latest=window.latest,
        last=window.last, previous=window.previous, headline=headline, quarterly=quarterly,
        yearly=yearly, breakdowns=[b for b in breakdowns if b.rows],
        comparisons=comparisons,
        region_group=(region.slug, region.name) if region else None,
        peer_group=(peers.slug, peers.name) if peers else None,
        funnel=national.funnel(window, highlight=area.slug),
        sources=[_source_note(r) for r in releases],
        revisions=_revisions(rows, window.latest),
        other_measures=_other_measures(area, user=user, state=state, measure=measure),
        state=state,
    )
    picture.synthetic = (quarterly.synthetic or window.synthetic
                         or any(s.synthetic for s in picture.sources)
                         or any(g.synthetic for g in picture.other_measures))
    _mark_disclosure(picture, rows, window, user, state=state)
    return picture


def _mark_disclosure(picture: AreaPicture, rows: queries.AreaRows,
                     window: national.NationalWindow, user: Any, *, state: str) -> None:
    """Say whether protected figures (disclosed for ``user``) are in the picture."""
    cells = [cell for by_breakdown in window.cells.values() for cell in by_breakdown.values()]
    for other in picture.other_measures:
        cell = national.national_window(user, other.measure, state=state).total(
            picture.area_slug)
        cells += [cell] if cell is not None else []
    in_window = any(cell.protected for cell in cells)
    picture.protected = rows.protected or in_window
    picture.restricted = rows.restricted or any(cell.restricted for cell in cells)


def _other_measures(area: Area, *, user: Any, state: str, measure: str) -> list[MeasureFigures]:
    """The area's last four quarters of every other measure the store has for it.

    Each measure has its own latest quarter, so each names its own periods.
    """
    found = []
    for other in labels.PICTURED_MEASURES:
        if other == measure:
            continue
        window = national.national_window(user, other, state=state)
        cell = window.total(area.slug)
        if cell is None:
            continue
        change = stats.change_test(cell.last, cell.previous) \
            if cell.last is not None and cell.previous is not None else None
        found.append(MeasureFigures(
            measure=other, label=labels.measure_label(other), period_label=window.period_label,
            previous_label=window.previous_label, last=cell.last, previous=cell.previous,
            change=change, rate=stats.rate(cell.last, window.populations.get(area.slug)),
            synthetic=cell.synthetic))
    return found


def _headline(area: Area, window: national.NationalWindow, quarterly: Series) -> Headline:
    last = stats.total([quarterly.value(str(q)) for q in window.last]) if window.last else None
    previous = (stats.total([quarterly.value(str(q)) for q in window.previous])
                if window.previous else None)
    change = stats.change_test(last, previous) if last is not None and previous is not None \
        else None
    population = window.populations.get(area.slug)
    return Headline(
        last=last, previous=previous, change=change, population=population,
        rate=stats.rate(last, population),
        rate_interval=(tuple(x * stats.PER_100K / population
                             for x in stats.poisson_interval(last))  # type: ignore[arg-type]
                       if last is not None and population else None),
    )


def _breakdown(window: national.NationalWindow, slug: str, dimension: str,
               region_slugs: list[str], peer_slugs: list[str]) -> Breakdown:
    prefix = dimension + "="
    cells = window.cells.get(slug, {})
    values = sorted(b[len(prefix):] for b in cells if b.startswith(prefix) and ";" not in b)
    counts = {v: cells[prefix + v].last for v in values}
    total_cell = cells.get("")
    if total_cell is not None and total_cell.last is None:
        own_shares: dict[str, float | None] = dict.fromkeys(counts)  # the whole is unknown
    else:
        own_shares = stats.shares(counts, total_cell.last if total_cell else None)
    region_shares = _group_shares(window, region_slugs, dimension)
    peer_shares = _group_shares(window, peer_slugs, dimension) if peer_slugs else {}
    national_shares = _group_shares(window, [a.slug for a in window.areas], dimension)
    rows = [
        ShareRow(value=v, label=labels.value_label(dimension, v), count=counts[v],
                 share=own_shares[v], region_share=region_shares.get(v),
                 peer_share=peer_shares.get(v), national_share=national_shares.get(v))
        for v in sorted(values, key=lambda v: (-(counts[v] or 0), v))
    ]
    unknown = [r.label for r in rows if r.count is None]
    note = ""
    if unknown:
        note = _("No complete figure for %(values)s over these four quarters (suppressed or not "
                 "available); their shares are not shown and are not counted as zero.") % {
            "values": ", ".join(unknown)}
    return Breakdown(dimension, labels.dimension_label(dimension), rows,
                     total_cell.last if total_cell else None, note)


def _group_shares(window: national.NationalWindow, slugs: list[str],
                  dimension: str) -> dict[str, float | None]:
    if not slugs:
        return {}
    counts, whole, _n = national.breakdown_counts(window, slugs, dimension)
    return stats.shares(counts, whole)


def _source_note(release: Any) -> SourceNote:
    return SourceNote(
        release_id=release.pk, title=release.title, source=release.source.name,
        publisher=release.source.publisher, url=release.source.url,
        published_on=release.published_on,
        synthetic=release.synthetic or release.source.synthetic, private=release.is_private,
    )


def _revisions(rows: queries.AreaRows, latest: Quarter | None) -> list[Revision]:
    """Figures of the last two years that a later release changed, newest first."""
    recent = {str(q) for q in quarter_range(latest.shift(-7), latest)} if latest else set()
    found = []
    for breakdown, series_rows in rows.quarters.items():
        for row in series_rows:
            if row.period in recent and row.revised_from is not None \
                    and row.revised_from != row.value:
                found.append(Revision(row.period, breakdown, row.revised_from, row.value))
    return sorted(found, key=lambda r: (r.period, r.breakdown), reverse=True)


def series_for(geography: str, *, measure: str = labels.DEFAULT_MEASURE, breakdown: str = "",
               grain: str = "quarter", user: Any = None) -> Series:
    """One geography's series of ``measure`` for one ``breakdown`` ('' for the total).

    ``geography`` is an area's slug or a national geography (``uk``, ``england-and-wales``...).
    At quarter grain each point carries its four-quarter total; at year grain a year is a
    stored yearly figure or the sum of four known quarters. Gaps stay gaps, flagged.
    """
    if grain not in ("quarter", "year"):
        raise ValueError(f"grain must be quarter or year, not {grain!r}")
    rows = queries.area_rows(user, geography=geography, measure=measure)
    quarterly = quarter_series(rows.quarters.get(breakdown, []))
    if grain == "quarter":
        return quarterly
    return year_series(quarterly, rows.years.get(breakdown, []))
