"""Small, hand-made statistics for the local picture's tests, written straight to the store."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date

from django.core.cache import cache

from antislavery.areas.models import Area
from antislavery.localpicture.models import Observation, Release, Source

_serial = itertools.count(1)


def clear_cache() -> None:
    cache.clear()


def source(kind: str = Source.Kind.OFFICIAL, slug: str | None = None, **fields) -> Source:
    slug = slug or f"source-{kind}"
    found, _ = Source.objects.get_or_create(
        slug=slug, defaults={"name": fields.pop("name", f"Test {kind} figures"), "kind": kind,
                             "publisher": fields.pop("publisher", "Test publisher"),
                             "url": fields.pop("url", "https://example.org/figures"),
                             **fields})
    return found


def release(*, kind: str = Source.Kind.OFFICIAL, title: str | None = None,
            published_on: date | None = date(2025, 11, 20), visibility: str = "public",
            owner_area: Area | None = None, synthetic: bool | None = None) -> Release:
    number = next(_serial)
    synthetic = kind == Source.Kind.SYNTHETIC if synthetic is None else synthetic
    return Release.objects.create(
        source=source(kind), title=title or f"Test release {number}", published_on=published_on,
        sha256=hashlib.sha256(f"release-{number}-{title}".encode()).hexdigest(),
        visibility=visibility, owner_area=owner_area, synthetic=synthetic,
    )


def _period(period: str) -> tuple[str, date]:
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return "quarter", date(int(year), 3 * int(quarter) - 2, 1)
    if "-" in period:
        year, month = period.split("-")
        return "month", date(int(year), int(month), 1)
    return "year", date(int(period), 1, 1)


def add(into: Release, geography: str, period: str, value: int | str | None, *,
        measure: str = "nrm_referrals", breakdown: str = "") -> Observation:
    """One figure; ``value`` may be a flag name. A figure for a cell already held supersedes it."""
    grain, start = _period(period)
    flag = ""
    if isinstance(value, str):
        value, flag = None, value
    area = Area.objects.filter(slug=geography).first()
    cell = {"source": into.source, "geography": geography, "period": period,
            "measure": measure, "breakdown": breakdown}
    previous = Observation.objects.filter(is_current=True, **cell).first()
    if previous is not None:
        Observation.objects.filter(pk=previous.pk).update(is_current=False)
    return Observation.objects.create(
        release=into, grain=grain, period_start=start, area=area, value=value, flag=flag,
        synthetic=into.synthetic, previous=previous, **cell)


def quarters(first: str, count: int) -> list[str]:
    year, number = (int(x) for x in first.split("-Q"))
    index = year * 4 + number - 1
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(index, index + count)]


def series(into: Release, geography: str, first: str, values: list, **kwargs) -> None:
    for period, value in zip(quarters(first, len(values)), values, strict=True):
        add(into, geography, period, value, **kwargs)


def populate(*, kind: str = Source.Kind.OFFICIAL, first: str = "2023-Q4", count: int = 8,
             title: str = "NRM statistics for every area") -> Release:
    """Figures for every territorial area: totals, age and exploitation, and populations.

    Area number i (by slug) has 10 + i referrals a quarter (Essex 3 more each quarter), a
    child share of two fifths, and a population of 1,000,000 + 20,000 i, so every figure can be
    worked out by hand.
    """
    into = release(kind=kind, title=title)
    rows = []
    periods = quarters(first, count)
    for index, area in enumerate(Area.objects.filter(territorial=True).order_by("slug")):
        for period in periods:
            grain, start = _period(period)
            step = periods.index(period)
            total = 10 + index + (step * 3 if area.slug == "essex" else 0)
            child = total * 2 // 5
            labour = total // 2
            for breakdown, value in (("", total), ("age_group=child", child),
                                     ("age_group=adult", total - child),
                                     ("exploitation=labour", labour),
                                     ("exploitation=criminal", total - labour)):
                rows.append(Observation(
                    release=into, source=into.source, period=period, grain=grain,
                    period_start=start, area=area, geography=area.slug,
                    measure="nrm_referrals", breakdown=breakdown, value=value,
                    synthetic=into.synthetic))
        for year in {p[:4] for p in periods}:
            rows.append(Observation(
                release=into, source=into.source, period=year, grain="year",
                period_start=date(int(year), 1, 1), area=area, geography=area.slug,
                measure="population", value=1_000_000 + 20_000 * index,
                synthetic=into.synthetic))
    Observation.objects.bulk_create(rows)
    return into


def territorial_index(slug: str) -> int:
    slugs = list(Area.objects.filter(territorial=True).order_by("slug")
                 .values_list("slug", flat=True))
    return slugs.index(slug)
