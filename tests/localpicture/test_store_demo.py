"""Demonstration statistics: real national figures, synthetic area figures that add up to them."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import pytest
from django.db.models import Sum

from antislavery.localpicture import demo
from antislavery.localpicture.models import Observation, Release, Source

from .store_helpers import store_dump

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(areas):
    demo.load(stdout=io.StringIO())


def _latest_quarters() -> dict[str, int]:
    with (demo.DATA / "nrm_national_quarterly.csv").open() as handle:
        return {f"{r['year']}-{r['quarter']}": int(r["referrals"])
                for r in csv.DictReader(handle) if r["is_latest_seen"] == "true"}


def test_loading_twice_changes_nothing(loaded):
    before = store_dump()

    demo.load(stdout=io.StringIO())

    assert store_dump() == before


def test_area_figures_add_up_to_the_real_national_total_every_quarter(loaded):
    real = _latest_quarters()
    sums = dict(Observation.objects.filter(
        source__slug=demo.SYNTHETIC, measure="nrm_referrals", breakdown="")
        .values_list("period").annotate(total=Sum("value")))

    assert len(sums) == 28
    assert min(sums) == "2019-Q1"
    assert max(sums) == "2025-Q4"
    assert all(sums[period] == real[period] for period in sums)


def test_every_breakdown_adds_up_to_the_area_total(loaded):
    totals = {}
    parts: dict[tuple[str, str, str], int] = defaultdict(int)
    for geography, period, breakdown, value in Observation.objects.filter(
            source__slug=demo.SYNTHETIC, measure="nrm_referrals").values_list(
            "geography", "period", "breakdown", "value"):
        if breakdown:
            parts[(geography, period, breakdown.split("=")[0])] += value
        else:
            totals[(geography, period)] = value

    assert len(totals) == 43 * 28
    assert {d for (_g, _p, d) in parts} == {"age_group", "gender", "exploitation",
                                             "nationality", "first_responder", "county_lines"}
    assert all(parts[key] == totals[key[:2]] for key in parts)


def test_synthetic_figures_are_flagged_and_real_ones_are_not(loaded):
    synthetic = Source.objects.get(slug=demo.SYNTHETIC)

    assert synthetic.kind == "synthetic"
    assert all(release.synthetic for release in synthetic.releases.all())
    assert not Observation.objects.filter(source=synthetic, synthetic=False).exists()
    assert Observation.objects.filter(source=synthetic, measure="population").count() == 43 * 7
    official = Observation.objects.filter(source__slug="home-office-nrm")
    assert official.exists()
    assert not official.filter(synthetic=True).exists()


def test_real_figures_keep_their_revisions(loaded):
    year = Observation.objects.get(source__slug="home-office-nrm", geography="uk",
                                   period="2023", measure="nrm_referrals", breakdown="",
                                   is_current=True)
    quarter = Observation.objects.get(source__slug="home-office-nrm", geography="uk",
                                      period="2023-Q4", measure="nrm_referrals", breakdown="")

    assert (year.value, year.previous.value) == (16990, 17004)
    assert quarter.value == 4134
    dtn = Observation.objects.get(source__slug="home-office-nrm", period="2024",
                                  measure="dtn_reports")
    assert (dtn.geography, dtn.value) == ("england-and-wales", 5598)
    release = Release.objects.get(title__contains="by quarter, latest seen")
    assert "https://www.gov.uk/government/statistics/" in release.notes


def test_office_demo_figures_are_private_to_the_office(loaded):
    release = Release.objects.get(source__slug="local-essex-demo")

    assert (release.visibility, release.owner_area.slug, release.synthetic) == (
        "private", "essex", True)


def test_allocation_adds_up_and_is_repeatable():
    shares = demo.allocate(10, [1, 1, 1])

    assert shares == [4, 3, 3]
    assert demo.allocate(10, [1, 1, 1]) == shares
    assert sum(demo.allocate(4134, [0.3, 2.7, 11.1, 5.5])) == 4134
    assert demo.allocate(0, [1, 2]) == [0, 0]
