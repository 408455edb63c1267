"""Areas and peer groups through the API."""

from __future__ import annotations

import pytest

from antislavery.areas.models import Area

pytestmark = pytest.mark.django_db


def all_pages(client, url: str) -> list[dict]:
    results = []
    while url:
        answer = client.get(url).json()
        results += answer["results"]
        url = answer["next"]
    return results


def test_paging_through_areas_gives_each_area_once_in_a_stable_order(client, areas):
    first = all_pages(client, "/api/areas?page_size=7")
    again = all_pages(client, "/api/areas?page_size=7")

    assert [a["slug"] for a in first] == [a["slug"] for a in again]
    assert sorted(a["slug"] for a in first) == sorted(Area.objects.values_list("slug", flat=True))


def test_areas_filter_by_territorial_and_region(client, areas):
    territorial = client.get("/api/areas?territorial=true&page_size=100").json()["results"]
    east = client.get("/api/areas?region=east of england").json()["results"]

    assert len(territorial) == 43
    assert "essex" in {a["slug"] for a in east}
    assert all(a["region"] == "East of England" for a in east)


def test_area_is_found_by_slug_or_name(client, areas):
    by_slug = client.get("/api/areas/essex").json()
    by_force = client.get("/api/areas/Essex Police").json()

    assert by_slug == by_force
    assert by_slug["name"] == "Essex"
    assert by_slug["url"].endswith("/areas/essex/")


def test_unknown_area_is_404_with_the_closest_candidates(client, areas):
    response = client.get("/api/areas/Esex")

    body = response.json()
    assert response.status_code == 404
    assert body["code"] == "unknown_area"
    assert "Essex" in body["candidates"]
    assert "is not a police force area" in body["message"]


def test_peer_groups_list_their_member_areas(client, areas):
    groups = client.get("/api/peer-groups?kind=preset").json()["results"]
    east = client.get("/api/peer-groups/region-east-of-england").json()

    assert {g["kind"] for g in groups} == {"preset"}
    assert "essex" in east["areas"]


def test_unknown_peer_group_is_404(client, areas):
    response = client.get("/api/peer-groups/nowhere")

    assert response.status_code == 404
    assert response.json()["code"] == "unknown_peer_group"


def test_areas_as_csv(client, areas):
    response = client.get("/api/areas?format=csv&territorial=true&page_size=50")

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0].startswith("slug,code,name,force_name")
    assert len(lines) == 44
