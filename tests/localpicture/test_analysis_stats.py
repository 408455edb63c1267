"""The local picture's statistics, checked against SciPy and against sums worked by hand."""

from __future__ import annotations

import math

import pytest
from scipy import stats as scipy_stats

from antislavery.localpicture.analysis import stats

PAIRS = [(0, 1), (1, 0), (3, 0), (6, 0), (5, 15), (10, 3), (100, 130), (130, 100), (412, 431),
         (540, 400), (4142, 3912), (17004, 16921), (0, 40), (25, 25)]


@pytest.mark.parametrize(("current", "previous"), PAIRS)
def test_change_p_value_agrees_with_scipy_exact_binomial_test(current, previous):
    expected = scipy_stats.binomtest(current, current + previous, 0.5).pvalue
    assert stats.change_p_value(current, previous) == pytest.approx(expected, rel=1e-9, abs=1e-15)


def test_change_p_value_worked_by_hand():
    # n = 6, all six in the current period: P(X = 0) + P(X = 6) = 2 / 64
    assert stats.change_p_value(6, 0) == pytest.approx(2 / 64)
    # n = 6, one against five: 2 * (1 + 6) / 64
    assert stats.change_p_value(1, 5) == pytest.approx(14 / 64)
    # n = 13, ten against three: 2 * (1 + 13 + 78 + 286) / 8192
    assert stats.change_p_value(10, 3) == pytest.approx(756 / 8192)


def test_no_referrals_in_either_period_is_no_clear_change():
    result = stats.change_test(0, 0)
    assert result.p_value == 1.0
    assert result.verdict == stats.NO_CLEAR_CHANGE


@pytest.mark.parametrize(("current", "previous", "verdict"), [
    (6, 0, "clear increase"),       # p = 0.031
    (5, 0, "no clear change"),      # p = 0.0625
    (5, 15, "clear decrease"),      # p = 0.041
    (100, 130, "no clear change"),  # p = 0.056
    (540, 400, "clear increase"),
    (412, 431, "no clear change"),
])
def test_change_verdict_is_named_at_the_five_percent_level(current, previous, verdict):
    assert stats.change_test(current, previous).verdict == verdict


def test_change_test_refuses_negative_counts():
    with pytest.raises(ValueError, match="negative"):
        stats.change_test(-1, 4)


@pytest.mark.parametrize("count", [0, 1, 4, 10, 57, 412, 16990])
@pytest.mark.parametrize("level", [0.95, 0.998])
def test_poisson_interval_matches_the_chi_square_form(count, level):
    alpha = 1 - level
    lower, upper = stats.poisson_interval(count, level)
    expected_lower = 0.0 if count == 0 else scipy_stats.chi2.ppf(alpha / 2, 2 * count) / 2
    expected_upper = scipy_stats.chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    assert lower == pytest.approx(expected_lower, rel=1e-9)
    assert upper == pytest.approx(expected_upper, rel=1e-9)


@pytest.mark.parametrize("count", [1, 4, 10, 57, 412])
def test_poisson_interval_ends_leave_two_and_a_half_percent_in_each_tail(count):
    lower, upper = stats.poisson_interval(count)
    assert scipy_stats.poisson.sf(count - 1, lower) == pytest.approx(0.025, rel=1e-7)
    assert scipy_stats.poisson.cdf(count, upper) == pytest.approx(0.025, rel=1e-7)


def test_poisson_interval_for_zero_worked_by_hand():
    assert stats.poisson_interval(0) == (0.0, pytest.approx(-math.log(0.025)))


@pytest.mark.parametrize("mean", [0.5, 1.0, 7.3, 50.3, 360.0, 4210.5])
@pytest.mark.parametrize("probability", [0.001, 0.025, 0.975, 0.999])
def test_poisson_quantile_sits_within_the_step_scipy_names(mean, probability):
    r = scipy_stats.poisson.ppf(probability, mean)
    quantile = stats.poisson_quantile(probability, mean)
    assert r - 1 < quantile <= r


def test_poisson_quantile_interpolates_as_worked_by_hand():
    # Poisson(1): P(X <= 2) = 5/(2e), P(X <= 3) = 8/(3e); the 97.5% point is 3 less the unused
    # part of the last step.
    below, at = 5 / (2 * math.e), 8 / (3 * math.e)
    assert stats.poisson_quantile(0.975, 1.0) == pytest.approx(3 - (at - 0.975) / (at - below))


def test_funnel_limits_bracket_the_overall_rate_and_narrow_as_population_grows():
    small = stats.funnel_limit(20.0, 300_000)
    large = stats.funnel_limit(20.0, 5_000_000)
    for limit in (small, large):
        assert limit.lower_998 < limit.lower_95 < 20.0 < limit.upper_95 < limit.upper_998
    assert large.upper_95 - large.lower_95 < small.upper_95 - small.lower_95
    assert small.expected == pytest.approx(60.0)


def test_funnel_limits_are_exact_poisson_quantiles_of_the_expected_count():
    limit = stats.funnel_limit(20.0, 1_800_000)  # expected count 360
    for rate, probability in [(limit.lower_998, 0.001), (limit.lower_95, 0.025),
                              (limit.upper_95, 0.975), (limit.upper_998, 0.999)]:
        count = rate * 1_800_000 / 100_000
        step = math.ceil(count)
        assert scipy_stats.poisson.cdf(step - 1, 360) < probability
        assert scipy_stats.poisson.cdf(step, 360) >= probability


def test_funnel_grid_spans_the_populations_given():
    limits = stats.funnel_limits(20.0, [500_000, 1_000_000, 3_000_000], points=20)
    populations = [limit.population for limit in limits]
    assert populations == sorted(populations)
    assert populations[0] <= 500_000
    assert populations[-1] >= 3_000_000
    assert stats.funnel_limits(20.0, []) == []


@pytest.mark.parametrize(("count", "position"), [
    (360, stats.WITHIN), (400, stats.ABOVE_95), (430, stats.ABOVE_998),
    (322, stats.BELOW_95), (300, stats.BELOW_998),
])
def test_funnel_position_names_where_an_area_falls(count, position):
    limit = stats.funnel_limit(20.0, 1_800_000)
    assert stats.funnel_position(count, limit) == position


def test_rate_per_100000_people():
    assert stats.rate(540, 1_900_000) == pytest.approx(540 / 19)
    assert stats.rate(None, 1_900_000) is None
    assert stats.rate(540, None) is None
    assert stats.rate(540, 0) is None


def test_shares_of_a_known_whole_leave_unknown_values_unknown():
    result = stats.shares({"adult": 60, "child": None, "not_specified": 5}, whole=80)
    assert result == {"adult": 0.75, "child": None, "not_specified": 0.0625}


def test_shares_without_a_whole_need_every_count():
    assert stats.shares({"a": 1, "b": 3}) == {"a": 0.25, "b": 0.75}
    assert stats.shares({"a": 1, "b": None}) == {"a": None, "b": None}
    assert stats.shares({"a": 0, "b": 0}) == {"a": None, "b": None}


def test_rolling_four_quarter_totals_skip_windows_with_a_gap():
    assert stats.rolling_totals([1, 2, 3, 4, 5]) == [None, None, None, 10, 14]
    assert stats.rolling_totals([1, None, 3, 4, 5, 6, 7]) == [None] * 5 + [18, 22]


def test_a_total_with_an_unknown_part_is_unknown():
    assert stats.total([1, 2, None]) is None
    assert stats.total([]) is None
    assert stats.total([0, 0]) == 0
