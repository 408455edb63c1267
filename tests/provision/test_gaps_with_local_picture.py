"""The gap report over real local figures: statistics imported into the store, read back
through the local picture's ``local_figures``, and findings that appear exactly when they
should, with the figure behind them."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from antislavery.localpicture.services import ImportOptions, import_statistics
from antislavery.provision import gapreport
from tests.provision.factories import entry

pytestmark = pytest.mark.django_db

QUARTERS = ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")
# Per quarter. Essex: 50 referrals, half of them children, mostly labour, Albanians first.
# Kent: 50 referrals, a fifth children; between them the national child share is 35%.
FIGURES = {
    "Essex": {"": 50, "age_group=child": 25, "age_group=adult": 25,
              "nationality=albania": 20, "nationality=uk": 15, "nationality=vietnam": 10,
              "nationality=romania": 5,
              "exploitation=labour": 30, "exploitation=criminal": 10,
              "exploitation=sexual": 10},
    "Kent": {"": 50, "age_group=child": 10, "age_group=adult": 40, "nationality=uk": 50,
             "exploitation=criminal": 50},
}


@pytest.fixture
def local_picture(areas):
    lines = ["source,period,area,measure,breakdown,value,flag"]
    for area, cells in FIGURES.items():
        for quarter in QUARTERS:
            lines += [f"test-nrm,{quarter},{area},nrm_referrals,{breakdown},{value},"
                      for breakdown, value in cells.items()]
    import_statistics(data="\n".join(lines).encode(), file_name="figures.csv", actor=None,
                      options=ImportOptions(source_name="Test NRM figures",
                                            title="Test release"))
    cache.clear()
    yield
    cache.clear()


def codes(report, code):
    return [finding for finding in report.findings if finding.code == code]


def test_figures_reach_the_gap_report_from_the_store(local_picture, areas):
    report = gapreport.gap_report(areas["essex"], everything=True)
    assert report.period
    assert report.sources == ["Test release"]
    (before,) = codes(report, "no_support_before_nrm")
    assert before.figure.value == 200
    (child,) = codes(report, "child_support_gap")
    assert child.figure.value == pytest.approx(0.5)
    assert child.figure.comparison == pytest.approx(140 / 400)
    labour = [f for f in codes(report, "exploitation_gap") if f.subject == "labour"]
    assert labour[0].figure.value == pytest.approx(0.6)
    assert [f.subject for f in codes(report, "language_gap")] == ["Albania", "Vietnam"]
    assert report.not_assessed == []


def test_provision_closes_the_figure_gaps_it_answers(local_picture, areas):
    entry(areas["essex"], victim_groups=["child"], exploitation=["labour"],
          languages=["Albanian"])
    report = gapreport.gap_report(areas["essex"], everything=True)
    assert codes(report, "child_support_gap") == []
    assert "labour" not in [f.subject for f in codes(report, "exploitation_gap")]
    assert [f.subject for f in codes(report, "language_gap")] == ["Vietnam"]


def test_an_area_below_the_thresholds_has_no_figure_gaps(local_picture, areas):
    report = gapreport.gap_report(areas["kent"], everything=True)
    assert codes(report, "child_support_gap") == []  # 20% against 35% nationally
    assert codes(report, "language_gap") == []  # only UK nationals
    assert [f.subject for f in codes(report, "exploitation_gap")] == ["criminal"]


def test_an_area_without_figures_lists_the_figure_checks_as_not_checked(local_picture,
                                                                        areas):
    report = gapreport.gap_report(areas["cumbria"], everything=True)
    assert report.period == ""
    assert {item.code for item in report.not_assessed} == {
        "language_gap", "child_support_gap", "exploitation_gap"}
    assert codes(report, "no_support_before_nrm")[0].figure is None


def test_page_and_command_show_the_figure_behind_each_finding(local_picture, areas, client):
    page = client.get(reverse("provision:gaps", args=["essex"])).content.decode()
    assert "Children were 50% of the area&#x27;s referrals" in page
    assert "against 35% nationally" in page
    out = StringIO()
    call_command("gaps", "essex", stdout=out)
    data = json.loads(out.getvalue())
    child = next(f for f in data["findings"] if f["code"] == "child_support_gap")
    assert child["figure"]["value"] == pytest.approx(0.5)
    assert child["figure"]["comparison"] == pytest.approx(0.35)
