"""Observations: filters, formats, pages, and parameters refused with a message naming them."""

from __future__ import annotations

import csv
import io

import pytest

from antislavery.localpicture.services import import_statistics
from tests.localpicture.store_helpers import tidy_csv

from .conftest import OFFICIAL, QUARTERS

pytestmark = pytest.mark.django_db


def results(client, query: str) -> list[dict]:
    response = client.get(f"/api/observations?{query}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_filters_by_area_measure_breakdown_and_period_range(client, official):
    found = results(client, "area=essex&measure=nrm_referrals&breakdown=total"
                            "&period_from=2023-Q3&period_to=2024-Q2")

    assert [(r["period"], r["value"]) for r in found] == list(zip(QUARTERS[2:6], OFFICIAL[2:6],
                                                                  strict=True))
    assert {r["area"] for r in found} == {"essex"}
    assert all(r["protected"] is False and r["exact"] is True for r in found)


def test_a_year_as_period_to_includes_its_quarters(client, official):
    found = results(client, "area=kent&period_from=2024&period_to=2024")

    assert [r["period"] for r in found] == QUARTERS[4:]


def test_breakdown_by_dimension_or_pair(client, official):
    by_dimension = results(client, "area=essex&breakdown=age_group&page_size=50")
    by_pair = results(client, "area=essex&breakdown=age_group=child&page_size=50")

    assert {r["breakdown"] for r in by_dimension} == {"age_group=child"}
    assert by_pair == by_dimension
    assert [r["value"] for r in by_pair] == [v // 3 for v in OFFICIAL]


def test_area_may_be_named_and_national_geographies_are_places(client, official):
    import_statistics(data=tidy_csv([["home-office-nrm", "2024", "UK", "nrm_referrals", "",
                                      "19125", ""]]), file_name="uk.csv", actor=None)

    named = results(client, "area=Kent Police&breakdown=total")
    national = results(client, "area=United Kingdom")

    assert {r["geography"] for r in named} == {"kent"}
    assert [(r["geography"], r["area"], r["value"]) for r in national] == [("uk", None, 19125)]


def test_revised_figures_only_when_asked(client, official):
    import_statistics(data=tidy_csv([["home-office-nrm", "2023-Q1", "Essex", "nrm_referrals",
                                      "", "105", ""]]), file_name="revision.csv", actor=None)

    current = results(client, "area=essex&period_to=2023-Q1&breakdown=total")
    everything = results(client, "area=essex&period_to=2023-Q1&breakdown=total&current=false")

    assert [(r["value"], r["current"]) for r in current] == [(105, True)]
    assert sorted((r["value"], r["current"]) for r in everything) == [(101, False), (105, True)]
    assert current[0]["revises"] == next(r["id"] for r in everything if not r["current"])


def test_private_figures_are_never_served(client, official, private_release):
    found = results(client, "measure=recorded_crimes")
    by_release = client.get(f"/api/observations?release={private_release.pk}").json()

    assert found == []
    assert by_release["results"] == []


def test_pages_follow_each_other_without_gaps_or_repeats(client, official):
    seen, url = [], "/api/observations?page_size=5"
    while url:
        answer = client.get(url).json()
        seen += [r["id"] for r in answer["results"]]
        url = answer["next"]

    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == 3 * len(QUARTERS)


def test_csv_by_format_or_accept_header_with_the_next_page_in_a_link(client, official):
    by_format = client.get("/api/observations?format=csv&page_size=3")
    by_accept = client.get("/api/observations?page_size=3", HTTP_ACCEPT="text/csv")

    rows = list(csv.DictReader(io.StringIO(by_format.content.decode())))
    assert by_format.content == by_accept.content
    assert by_format["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == 3
    assert rows[0]["protected"] == "false"
    assert 'rel="next"' in by_format["Link"]
    assert "format=csv" in by_format["Link"]


@pytest.mark.parametrize(("query", "parameter", "words"), [
    ("measure=referrals", "measure", "Input should be 'nrm_referrals'"),
    ("period_from=2023-Q5", "period_from", "give a year (2023), a quarter (2023-Q2) or a "
                                           "month (2023-04)"),
    ("period_to=last year", "period_to", "give a year (2023)"),
    ("area=Es%01sex", "area", "control characters are not allowed"),
    ("period_from=2024&period_to=2023", "period_to", "comes before the first"),
    ("breakdown=age", "breakdown", "'age' is not a breakdown dimension"),
    ("breakdown=age_group=elderly", "breakdown", "'elderly' is not a value of age_group"),
    ("grain=week", "grain", "Input should be 'year', 'quarter' or 'month'"),
    ("source=nobody", "source", "'nobody' is not a source with public figures"),
    ("release=0", "release", "greater than or equal to 1"),
    ("page_size=5000", "page_size", "less than or equal to 1000"),
    ("cursor=abc", "cursor", "not a cursor this API gave out"),
    ("current=perhaps", "current", "valid boolean"),
])
def test_bad_parameter_is_422_with_a_message_naming_it(client, official, query, parameter,
                                                        words):
    response = client.get(f"/api/observations?{query}")

    body = response.json()
    assert response.status_code == 422
    assert body["code"] == "invalid_parameter"
    assert body["parameter"] == parameter
    assert f"Parameter '{parameter}'" in body["message"]
    assert words in body["message"]


def test_unknown_area_is_404_with_candidates(client, official):
    response = client.get("/api/observations?area=Surey")

    assert response.status_code == 404
    assert "Surrey" in response.json()["candidates"]


def test_threshold_is_given_with_the_figures(client, official, settings):
    settings.DISCLOSURE_THRESHOLD = 5

    assert client.get("/api/observations").json()["threshold"] == 5


def test_protected_figures_are_rounded_in_the_api(client, protected_public):
    found = results(client, "measure=helpline_cases")

    assert [(r["value"], r["flag"], r["display"]) for r in found] == [
        (None, "fewer_than", "fewer than 10"), (None, "fewer_than", "fewer than 10"),
        (None, "fewer_than", "fewer than 10"), (10, "", "10"), (10, "", "10"), (20, "", "20")]
    assert [r["exact"] for r in found] == [False, False, False, True, False, False]
