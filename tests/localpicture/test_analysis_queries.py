"""Reading the store for the analysis: series, source preference, cross-area sums."""

from __future__ import annotations

import pytest

from antislavery.localpicture.analysis import national
from antislavery.localpicture.analysis.picture import series_for
from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    data.clear_cache()


def test_series_at_year_grain_sums_complete_years_only(areas):
    official = data.release()
    data.series(official, "kent", "2023-Q1", [1, 2, 3, 4, 5, "suppressed", 7, 8, 9])
    yearly = series_for("kent", grain="year")
    assert [(p.period, p.value, p.flag) for p in yearly.points] == [
        ("2023", 10, ""), ("2024", None, "incomplete"), ("2025", None, "incomplete")]


def test_series_of_a_breakdown_has_its_own_rolling_totals(areas):
    official = data.release()
    data.series(official, "kent", "2024-Q1", [4, 4, 4, 4, 8], breakdown="age_group=child")
    child = series_for("kent", breakdown="age_group=child")
    assert [p.rolling for p in child.points] == [None, None, None, 16, 20]


def test_series_of_a_national_geography(areas):
    official = data.release()
    data.series(official, "uk", "2024-Q1", [4000, 4100, 4200, 4300])
    assert series_for("uk").points[-1].rolling == 16600


def test_official_figures_are_preferred_to_synthetic_ones_for_the_same_area(areas):
    demo = data.release(kind=Source.Kind.SYNTHETIC)
    data.series(demo, "kent", "2024-Q1", [1, 1, 1, 1])
    official = data.release()
    data.series(official, "kent", "2024-Q1", [9, 9, 9, 9])
    series = series_for("kent")
    assert [p.value for p in series.points] == [9, 9, 9, 9]
    assert not series.synthetic


def test_series_refuses_a_grain_it_does_not_know(areas):
    with pytest.raises(ValueError, match="grain must be quarter or year"):
        series_for("kent", grain="month")


def test_group_figures_count_only_areas_with_both_periods_complete(areas):
    official = data.release()
    data.series(official, "kent", "2024-Q1", [5] * 8)
    data.series(official, "surrey", "2024-Q1", [3] * 7 + ["suppressed"])
    data.series(official, "essex", "2024-Q1", [2] * 8)
    window = national.national_window(None, "nrm_referrals")
    group = national.group_figures(window, "South East", ["kent", "surrey", "essex"])
    assert group.counted == 2
    assert (group.last, group.previous) == (28, 28)
    assert not group.complete
    assert group.change.verdict == "no clear change"


def test_funnel_needs_three_areas_with_counts_and_populations(areas):
    official = data.release()
    for slug in ("kent", "surrey"):
        data.series(official, slug, "2024-Q1", [5] * 4)
        data.add(official, slug, "2024", 1_000_000, measure="population")
    assert national.funnel(national.national_window(None, "nrm_referrals")) is None


def test_funnel_places_each_area_against_limits_for_its_own_population(areas):
    data.populate()
    found = national.funnel(national.national_window(None, "nrm_referrals"))
    assert len(found.points) == 43
    assert found.left_out == []
    counts = sum(p.count for p in found.points)
    people = sum(p.population for p in found.points)
    assert found.overall_rate == pytest.approx(counts * 100_000 / people)


def test_one_area_running_ahead_does_not_move_every_area_s_window(areas):
    official = data.release()
    for slug in ("kent", "surrey", "essex"):
        data.series(official, slug, "2024-Q1", [5] * 8)
    ahead = data.release(title="Kent's own newer figures")
    data.add(ahead, "kent", "2026-Q1", 7)
    assert str(national.national_window(None, "nrm_referrals").latest) == "2025-Q4"


def test_the_window_ends_with_the_latest_quarter_most_areas_have(areas):
    official = data.release()
    for slug in ("kent", "surrey", "essex"):
        data.series(official, slug, "2024-Q1", [5] * 8)
    newer = data.release(title="Newer quarter")
    for slug in ("kent", "surrey"):
        data.add(newer, slug, "2026-Q1", 6)
    assert str(national.national_window(None, "nrm_referrals").latest) == "2026-Q1"


def test_a_stray_upload_of_one_quarter_does_not_displace_a_full_series(areas):
    demo = data.release(kind=Source.Kind.SYNTHETIC)
    data.series(demo, "kent", "2024-Q1", [3] * 8)
    stray = data.release(title="One official quarter")
    data.add(stray, "kent", "2025-Q4", 40)
    assert [p.value for p in series_for("kent").points] == [3] * 8
    window = national.national_window(None, "nrm_referrals")
    assert (window.total("kent").last, window.total("kent").previous) == (12, 12)
