"""The local figures other parts of the toolkit need about an area (the gap analysis, reports).

This is the contract between the local picture and its consumers: consumers take a
:class:`LocalFigures` and never query the statistics store themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Share:
    """One value of a breakdown: its code or label, its count and its share of the total."""

    value: str
    label: str
    count: int
    share: float


@dataclass(frozen=True)
class LocalFigures:
    """An area's headline picture for the latest four quarters in the store.

    Counts are ``None`` when the store has nothing for the area. ``synthetic`` is true when any
    figure behind these comes from demonstration (synthetic) data; ``sources`` names the
    releases used.
    """

    area_slug: str
    period_label: str
    referrals: int | None
    previous_referrals: int | None = None
    child_share: float | None = None
    national_child_share: float | None = None
    nationalities: list[Share] = field(default_factory=list)
    exploitation: list[Share] = field(default_factory=list)
    national_exploitation: dict[str, float] = field(default_factory=dict)
    synthetic: bool = False
    sources: list[str] = field(default_factory=list)
    protected: bool = False  # some figure is from a protected source (already disclosed)
    restricted: bool = False  # some protected figure is unrounded: not for publication


def local_figures(area: Any, *, user: Any = None) -> LocalFigures:
    """The area's NRM referral figures for the latest four quarters in the store.

    Reads only what ``user`` may see (public figures when None). Shares leave out values whose
    figure is suppressed or not available rather than counting them as zero.
    """
    from .analysis.picture import area_picture

    picture = area_picture(area, user=user)
    age = picture.breakdown("age_group")
    child = _row(age, "child")
    exploitation = picture.breakdown("exploitation")
    return LocalFigures(
        area_slug=area.slug,
        period_label=picture.period_label,
        referrals=picture.headline.last,
        previous_referrals=picture.headline.previous,
        child_share=child.share if child else None,
        national_child_share=child.national_share if child else None,
        nationalities=_shares(picture.breakdown("nationality")),
        exploitation=_shares(exploitation),
        national_exploitation={
            row.value: row.national_share for row in (exploitation.rows if exploitation else [])
            if row.national_share is not None
        },
        synthetic=picture.synthetic,
        sources=[note.title for note in picture.sources],
        protected=picture.protected,
        restricted=picture.restricted,
    )


def _row(breakdown: Any, value: str) -> Any:
    if breakdown is None:
        return None
    return next((row for row in breakdown.rows if row.value == value), None)


def _shares(breakdown: Any) -> list[Share]:
    if breakdown is None:
        return []
    return [Share(row.value, row.label, row.count, row.share) for row in breakdown.rows
            if row.count is not None and row.share is not None]
