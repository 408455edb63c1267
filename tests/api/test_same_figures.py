"""The API answers the same figures as the area page, for the same area and period."""

from __future__ import annotations

import pytest

from tests.disclosure import scenario as sc
from tests.disclosure.outputs import as_int, html_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def store(areas, settings):
    settings.DISCLOSURE_THRESHOLD = sc.K
    return sc.build(areas)


def page_quarters(client, slug: str, name: str) -> dict[str, str]:
    html = client.get(f"/areas/{slug}/").content.decode()
    rows = html_table(html, f"NRM referrals in {name}, each quarter")[1:]
    return {row[0].replace(" ", "-"): row[1] for row in rows}


def api_quarters(client, slug: str) -> dict[str, str]:
    first, last = sc.QUARTERS[0], sc.QUARTERS[-1]
    answer = client.get(f"/api/observations?area={slug}&measure=nrm_referrals&breakdown=total"
                        f"&grain=quarter&period_from={first}&period_to={last}").json()
    return {row["period"]: row["display"] for row in answer["results"]}


@pytest.mark.parametrize(("slug", "name"), [("essex", "Essex"), ("kent", "Kent"),
                                            ("surrey", "Surrey")])
def test_api_figures_match_the_area_page_quarter_by_quarter(client, store, slug, name):
    on_page = page_quarters(client, slug, name)

    from_api = api_quarters(client, slug)

    assert from_api == on_page
    assert len(from_api) == len(sc.QUARTERS)


@pytest.mark.parametrize(("slug", "name"), [("kent", "Kent"), ("surrey", "Surrey")])
def test_api_picture_headline_matches_the_area_page(client, store, slug, name):
    html = client.get(f"/areas/{slug}/").content.decode()
    rows = html_table(html, f"NRM referrals in {name} beside its peers")

    picture = client.get(f"/api/areas/{slug}/picture").json()

    own = next(r for r in rows if r[0] == name)
    assert (as_int(own[2]), as_int(own[3])) == (picture["headline"]["last"],
                                                 picture["headline"]["previous"])
    page = page_quarters(client, slug, name)
    assert {p["period"]: p["display"] for p in picture["quarterly"]
            if p["period"] in page} == page


def test_no_headline_from_page_or_api_when_a_quarter_is_withheld(client, store):
    html = client.get("/areas/essex/").content.decode()

    picture = client.get("/api/areas/essex/picture").json()

    assert "There is no complete figure for Essex for the four quarters" in html
    assert picture["headline"]["last"] is None
    assert picture["headline"]["previous"] == 50
