"""The statistics behind the local picture: plain functions on counts, no database.

Every function here treats a missing or flagged figure as unknown (``None``), never as zero:
a total that needs an unknown figure is itself unknown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

PER_100K = 100_000
SIGNIFICANCE = 0.05
FUNNEL_LEVELS = (0.95, 0.998)

CLEAR_INCREASE = "clear increase"
CLEAR_DECREASE = "clear decrease"
NO_CLEAR_CHANGE = "no clear change"


def total(values: Sequence[int | None]) -> int | None:
    """The sum of the values, or None if any is unknown (or there are none)."""
    if not values or any(v is None for v in values):
        return None
    return sum(values)  # type: ignore[arg-type]  # None was ruled out above


def rolling_totals(values: Sequence[int | None], window: int = 4) -> list[int | None]:
    """Totals of each run of ``window`` consecutive values ending at each position.

    The first ``window - 1`` positions, and any run that includes an unknown value, are None.
    """
    result: list[int | None] = []
    for end in range(len(values)):
        start = end - window + 1
        result.append(total(values[start:end + 1]) if start >= 0 else None)
    return result


def rate(count: int | None, population: int | None, per: int = PER_100K) -> float | None:
    """``count`` per ``per`` people; None when either is unknown or the population is zero."""
    if count is None or not population:
        return None
    return count * per / population


def shares(counts: Mapping[str, int | None], whole: int | None = None) -> dict[str, float | None]:
    """Each value's share of ``whole`` (the total of the breakdown, when it is known).

    Without a known ``whole`` the shares are of the sum of the counts, which is only known if
    every count is: an unknown count could be any size, so then every share is None. A known
    whole gives each known count its share and leaves unknown ones None. Zero totals give None.
    """
    if whole is None:
        whole = total(list(counts.values()))
    if not whole:
        return dict.fromkeys(counts)
    return {key: None if value is None else value / whole for key, value in counts.items()}


@dataclass(frozen=True)
class ChangeTest:
    """The last period's count against the one before, under a Poisson model."""

    current: int
    previous: int
    p_value: float
    verdict: str

    @property
    def difference(self) -> int:
        return self.current - self.previous

    @property
    def ratio(self) -> float | None:
        return self.current / self.previous if self.previous else None


def change_p_value(current: int, previous: int) -> float:
    """Two-sided exact p-value for "both counts come from the same Poisson rate".

    Given the sum n, the current count is Binomial(n, 1/2) under no change. The distribution
    is symmetric, so the two-sided p-value (the probability of a count at least as far from
    n/2) is twice the smaller tail, capped at one.
    """
    if current < 0 or previous < 0:
        raise ValueError("counts cannot be negative")
    n = current + previous
    if current == previous:
        return 1.0
    smaller = min(current, previous)
    # P(X <= k) for X ~ Binomial(n, 1/2) is the regularised incomplete beta I_{1/2}(n-k, k+1).
    tail = float(special.bdtr(smaller, n, 0.5))
    return min(1.0, 2.0 * tail)


def change_test(current: int, previous: int, *, level: float = SIGNIFICANCE) -> ChangeTest:
    """Compare two counts for equal periods and name the result in plain words."""
    p_value = change_p_value(current, previous)
    if p_value < level and current > previous:
        verdict = CLEAR_INCREASE
    elif p_value < level and current < previous:
        verdict = CLEAR_DECREASE
    else:
        verdict = NO_CLEAR_CHANGE
    return ChangeTest(current, previous, p_value, verdict)


def poisson_interval(count: int, level: float = 0.95) -> tuple[float, float]:
    """The exact (Garwood) confidence interval for the mean of a Poisson count."""
    if count < 0:
        raise ValueError("a count cannot be negative")
    alpha = 1.0 - level
    lower = 0.0 if count == 0 else float(special.gammaincinv(count, alpha / 2))
    upper = float(special.gammaincinv(count + 1, 1 - alpha / 2))
    return lower, upper


def poisson_quantile(probability: float, mean: float) -> float:
    """The interpolated ``probability`` quantile of a Poisson(mean) count.

    This is the exact limit of Spiegelhalter's funnel plots (Statistics in Medicine, 2005,
    appendix A.1.1): r is the smallest count with P(X <= r) >= p, and the limit moves down
    from r by the share of the last step not needed to reach p, so that the funnel is smooth.
    """
    if mean <= 0:
        return 0.0
    spread = 8 * math.sqrt(mean) + 10
    counts = np.arange(max(0, math.floor(mean - spread)), math.ceil(mean + spread) + 1)
    cdf = special.pdtr(counts, mean)
    position = int(np.searchsorted(cdf, probability, side="left"))
    r = int(counts[position])
    below = float(special.pdtr(r - 1, mean)) if r > 0 else 0.0
    step = float(cdf[position]) - below
    return r - (float(cdf[position]) - probability) / step if step > 0 else float(r)


@dataclass(frozen=True)
class FunnelLimit:
    """Control limits for the rate of an area of one population, around the overall rate."""

    population: int
    expected: float
    lower_95: float
    upper_95: float
    lower_998: float
    upper_998: float


def funnel_limit(overall_rate: float, population: int, *, per: int = PER_100K) -> FunnelLimit:
    """The 95% and 99.8% limits (as rates per ``per``) for an area of ``population`` people.

    ``overall_rate`` is per ``per`` people, as from :func:`rate`.
    """
    expected = overall_rate * population / per

    def limit(probability: float) -> float:
        return poisson_quantile(probability, expected) * per / population

    return FunnelLimit(
        population=population, expected=expected,
        lower_95=limit(0.025), upper_95=limit(0.975),
        lower_998=limit(0.001), upper_998=limit(0.999),
    )


def funnel_limits(overall_rate: float, populations: Sequence[int], *, points: int = 60,
                  per: int = PER_100K) -> list[FunnelLimit]:
    """Limits at ``points`` populations spread evenly on a log scale over the range given."""
    positive = [p for p in populations if p > 0]
    if not positive:
        return []
    low, high = min(positive) * 0.8, max(positive) * 1.1
    grid = sorted({round(x) for x in np.geomspace(low, high, points)})
    return [funnel_limit(overall_rate, population, per=per) for population in grid]


WITHIN = "within"
ABOVE_95 = "above_95"
ABOVE_998 = "above_998"
BELOW_95 = "below_95"
BELOW_998 = "below_998"


def funnel_position(count: int, limit: FunnelLimit, *, per: int = PER_100K) -> str:
    """Where an area's rate sits against its limits: within, above or below (95% or 99.8%)."""
    value = count * per / limit.population
    if value > limit.upper_998:
        return ABOVE_998
    if value > limit.upper_95:
        return ABOVE_95
    if value < limit.lower_998:
        return BELOW_998
    if value < limit.lower_95:
        return BELOW_95
    return WITHIN
