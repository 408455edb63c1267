"""The local figures other parts of the toolkit need about an area (the gap analysis, reports).

This is the contract between the local picture and its consumers: consumers take a
:class:`LocalFigures` and never query the statistics store themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
