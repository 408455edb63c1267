"""The codebook through the API: themes and facet values, the codes coordinators added
included, with labels and definitions."""

from __future__ import annotations

import csv
import io

import pytest

from antislavery.themes.models import CodebookEntry
from antislavery.themes.services import add_code

pytestmark = pytest.mark.django_db


def codes(answer) -> dict[str, dict]:
    return {row["key"]: row for row in answer.json()["results"]}


def test_codebook_lists_themes_and_facet_values_with_labels_and_definitions(client):
    found = codes(client.get("/api/codebook?page_size=1000"))

    assert len(found) == CodebookEntry.objects.count()
    theme = found["victim_support"]
    assert (theme["kind"], theme["label"], theme["group"], theme["group_label"]) == (
        "theme", "Victim support services", "response", "Responses")
    assert theme["definition"].startswith("Help for victims")
    assert theme["builtin"] is True
    stage = found["nrm_stage:before_nrm"]
    assert (stage["kind"], stage["facet"], stage["code"]) == ("facet_value", "nrm_stage",
                                                              "before_nrm")
    assert stage["facet_label"] == "Stage of the National Referral Mechanism"


def test_codes_coordinators_added_are_listed_and_marked(client, added_codes):
    everything = codes(client.get("/api/codebook?page_size=1000"))
    added = codes(client.get("/api/codebook?builtin=false"))

    assert set(added) == {"online_recruitment", "exploitation:forced_marriage"}
    theme = everything["online_recruitment"]
    assert (theme["label"], theme["group"], theme["builtin"]) == (
        "Online recruitment", "challenge", False)
    assert theme["definition"] == "Victims recruited through social media or job sites."
    assert everything["exploitation:forced_marriage"]["facet"] == "exploitation"


def test_codebook_filters_by_kind_facet_and_group(client, added_codes):
    values = codes(client.get("/api/codebook?facet=exploitation"))
    challenges = codes(client.get("/api/codebook?kind=theme&group=challenge"))

    assert {row["facet"] for row in values.values()} == {"exploitation"}
    assert "exploitation:forced_marriage" in values
    assert {row["group"] for row in challenges.values()} == {"challenge"}
    assert "online_recruitment" in challenges


@pytest.mark.parametrize(("query", "parameter"), [
    ("facet=colour", "facet"), ("kind=tag", "kind"), ("group=other", "group"),
    ("builtin=maybe", "builtin"), ("page_size=1001", "page_size")])
def test_bad_codebook_parameters_get_422_naming_the_parameter(client, query, parameter):
    answer = client.get(f"/api/codebook?{query}")

    assert answer.status_code == 422
    assert answer.json()["parameter"] == parameter


def test_codebook_as_csv_has_one_code_per_line(client, added_codes):
    rows = list(csv.DictReader(io.StringIO(
        client.get("/api/codebook?format=csv&page_size=1000").content.decode())))

    added = [r for r in rows if r["builtin"] == "false"]
    assert [(r["key"], r["label"]) for r in added] == [
        ("online_recruitment", "Online recruitment"),
        ("exploitation:forced_marriage", "Forced marriage")]
    assert len(rows) == CodebookEntry.objects.count()


def test_codebook_etag_gets_304_until_a_code_is_added(client, coordinator):
    first = client.get("/api/codebook")

    unchanged = client.get("/api/codebook", HTTP_IF_NONE_MATCH=first["ETag"])
    add_code(actor=coordinator, kind="theme", code="debt_bondage", label="Debt bondage",
             definition="Work to pay off a debt that never ends.", group="challenge")
    changed = client.get("/api/codebook", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
