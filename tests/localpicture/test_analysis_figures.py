"""local_figures: the contract other apps read an area's picture through."""

from __future__ import annotations

import pytest

from antislavery.localpicture.figures import LocalFigures, local_figures
from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data


@pytest.fixture(autouse=True)
def _fresh_cache():
    data.clear_cache()


@pytest.fixture
def essex_figures(areas):
    official = data.release(title="NRM statistics, quarter 3 2025")
    data.series(official, "essex", "2023-Q4", [100, 110, 90, 100, 120, 130, 140, 150])
    for breakdown, values in {
        "age_group=child": [40, 40, 30, 40, 50, 50, 60, 60],
        "age_group=adult": [60, 70, 60, 60, 70, 80, 80, 90],
        "exploitation=criminal": [50, 50, 40, 50, 60, 70, 70, 80],
        "exploitation=labour": [50, 60, 50, 50, 60, 60, 70, 70],
    }.items():
        data.series(official, "essex", "2023-Q4", values, breakdown=breakdown)
    for slug in ("kent", "surrey"):
        data.series(official, slug, "2023-Q4", [50] * 8)
        data.series(official, slug, "2023-Q4", [10] * 8, breakdown="age_group=child")
        data.series(official, slug, "2023-Q4", [40] * 8, breakdown="age_group=adult")
    return official


def test_local_figures_give_the_last_four_quarters_against_the_four_before(essex_figures, areas):
    figures = local_figures(areas["essex"])
    assert isinstance(figures, LocalFigures)
    assert figures.area_slug == "essex"
    assert figures.referrals == 120 + 130 + 140 + 150
    assert figures.previous_referrals == 100 + 110 + 90 + 100
    assert figures.period_label == "2024 Q4 to 2025 Q3"
    assert figures.child_share == pytest.approx(220 / 540)
    # national: Essex 220 + Kent 40 + Surrey 40 children of 540 + 200 + 200 referrals
    assert figures.national_child_share == pytest.approx(300 / 940)
    assert [s.value for s in figures.exploitation] == ["criminal", "labour"]
    assert figures.exploitation[0].count == 280
    assert figures.exploitation[0].share == pytest.approx(280 / 540)
    assert figures.national_exploitation["labour"] == pytest.approx(260 / 540)
    assert figures.synthetic is False
    assert figures.sources == ["NRM statistics, quarter 3 2025"]


def test_local_figures_are_marked_synthetic_when_demonstration_figures_are_behind_them(areas):
    demo = data.release(kind=Source.Kind.SYNTHETIC, title="Synthetic quarterly figures")
    data.series(demo, "essex", "2024-Q1", [10] * 8)
    figures = local_figures(areas["essex"])
    assert figures.synthetic is True
    assert figures.referrals == 40


def test_local_figures_of_an_area_without_figures_are_empty(areas):
    figures = local_figures(areas["cumbria"])
    assert figures.referrals is None
    assert figures.previous_referrals is None
    assert figures.nationalities == []


def test_a_suppressed_quarter_makes_the_four_quarter_total_unknown_not_smaller(areas):
    official = data.release()
    data.series(official, "essex", "2024-Q4", [100, 100, "suppressed", 100])
    data.series(official, "essex", "2024-Q4", [30, 30, 30, 30], breakdown="age_group=child")
    figures = local_figures(areas["essex"])
    assert figures.referrals is None
    assert figures.child_share is None


def test_private_office_figures_are_left_out_for_the_public_and_other_offices(
        areas, essex_editor, surrey_editor):
    private = data.release(kind=Source.Kind.LOCAL, visibility="private",
                           owner_area=areas["essex"])
    data.series(private, "essex", "2024-Q4", [5, 5, 5, 5])
    assert local_figures(areas["essex"]).referrals is None
    assert local_figures(areas["essex"], user=surrey_editor).referrals is None
    assert local_figures(areas["essex"], user=essex_editor).referrals == 20
