"""Public provision entries and the practice library through the API: only public entries,
whoever asks, filtered, paged, as JSON and CSV, with caching validators."""

from __future__ import annotations

import csv
import io

import pytest

from antislavery.api import conditional
from antislavery.api.app import api
from antislavery.provision import services
from tests.provision import factories as provision

pytestmark = pytest.mark.django_db

SCHEMA = api.get_openapi_schema(path_prefix="/api")
LISTS = [path for path in SCHEMA["paths"] if "{" not in path]


def titles(answer) -> list[str]:
    return [row["title"] for row in answer.json()["results"]]


def test_public_entries_are_served_with_their_codes(client, register):
    answer = client.get("/api/provision")

    assert answer.status_code == 200
    rows = answer.json()["results"]
    assert [r["id"] for r in rows] == [register.essex.pk, register.kent.pk]
    essex = rows[0]
    assert essex["area"] == "essex"
    assert essex["areas"] == ["essex"]
    assert essex["nrm_stages"] == ["before_nrm", "during_nrm"]
    assert essex["languages"] == ["Romanian"]
    assert essex["start"] == "2023-04-01"
    assert essex["url"] == "http://testserver" + register.essex.get_absolute_url()
    assert rows[1]["areas"] == ["kent", "essex"]


def test_no_api_answer_holds_a_private_draft_or_withdrawn_entry(client, register):
    answers = []
    for path in LISTS:
        for fmt in ("json", "csv"):
            answers.append(client.get(f"{path}?format={fmt}&page_size=1000"))
    for query in ("q=Quillfeather", "q=Marrowgate", "area=essex", "status=planned",
                  "evaluation=none"):
        answers += [client.get(f"/api/provision?{query}"), client.get(f"/api/practice?{query}")]

    for answer in answers:
        text = answer.content.decode()
        for word in register.secrets:
            assert word not in text, f"{answer.request['PATH_INFO']} shows {word}"


@pytest.mark.parametrize("name", ["private", "withdrawn", "unpublished", "draft"])
def test_a_hidden_entry_answers_404_like_one_that_never_was(client, register, name):
    hidden = client.get(f"/api/provision/{register.hidden[name].pk}")
    absent = client.get("/api/provision/999999")

    assert hidden.status_code == absent.status_code == 404
    assert hidden.json() == absent.json()


def test_signed_in_staff_get_only_public_entries_too(client, register, coordinator):
    client.force_login(coordinator)

    listed = client.get("/api/provision?page_size=1000").content.decode()
    one = client.get(f"/api/provision/{register.hidden['private'].pk}")

    assert all(word not in listed for word in register.secrets)
    assert one.status_code == 404


def test_entry_withdrawn_after_publication_leaves_every_answer(client, register,
                                                              essex_editor):
    etag = client.get("/api/provision")["ETag"]

    services.withdraw_entry(actor=essex_editor, entry=register.essex, reason="Ended early.")

    again = client.get("/api/provision", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert [r["id"] for r in again.json()["results"]] == [register.kent.pk]
    assert client.get("/api/practice").json()["results"][0]["id"] == register.kent.pk
    assert client.get(f"/api/provision/{register.essex.pk}").status_code == 404


@pytest.mark.parametrize(("query", "expected"), [
    ("area=essex", ["Victim navigators for adults",
                    "Training for frontline staff on child exploitation"]),
    ("area=Kent Police", ["Training for frontline staff on child exploitation"]),
    ("kind=training", ["Training for frontline staff on child exploitation"]),
    ("stage=during_nrm", ["Victim navigators for adults"]),
    ("group=child", ["Training for frontline staff on child exploitation"]),
    ("exploitation=labour", ["Victim navigators for adults"]),
    ("theme=prevention", ["Training for frontline staff on child exploitation"]),
    ("status=pilot", ["Training for frontline staff on child exploitation"]),
    ("evaluation=independent", ["Victim navigators for adults"]),
    ("min_evidence=4", ["Training for frontline staff on child exploitation"]),
    ("min_evidence=3", ["Victim navigators for adults",
                        "Training for frontline staff on child exploitation"]),
    ("q=navigators adults", ["Victim navigators for adults"]),
    ("q=justice", ["Victim navigators for adults"]),
    ("stage=after_nrm", []),
])
def test_entries_filter(client, register, query, expected):
    assert titles(client.get(f"/api/provision?{query}")) == expected
    assert titles(client.get(f"/api/practice?{query}")) == expected


@pytest.mark.parametrize(("query", "parameter"), [
    ("kind=navigator", "kind"),
    ("stage=before", "stage"),
    ("group=elderly", "group"),
    ("exploitation=theft", "exploitation"),
    ("theme=online_recruitment", "theme"),
    ("status=closed", "status"),
    ("evaluation=external", "evaluation"),
    ("min_evidence=5", "min_evidence"),
    ("min_evidence=strong", "min_evidence"),
    ("page_size=0", "page_size"),
    ("cursor=bad!", "cursor"),
    ("cursor=Zm9vOjE", "cursor"),
    ("format=xml", "format"),
])
def test_bad_parameters_get_422_naming_the_parameter(client, register, query, parameter):
    for path in ("/api/provision", "/api/practice"):
        answer = client.get(f"{path}?{query}")

        assert answer.status_code == 422
        body = answer.json()
        assert body["code"] == "invalid_parameter"
        assert body["parameter"] == parameter
        assert f"'{parameter}'" in body["message"]


def test_bad_entry_id_gets_422(client, register):
    answer = client.get("/api/provision/0")

    assert answer.status_code == 422
    assert answer.json()["parameter"] == "entry_id"


def test_unknown_area_gets_404_with_the_closest_candidates(client, register):
    answer = client.get("/api/provision?area=Esex")

    assert answer.status_code == 404
    body = answer.json()
    assert body["code"] == "unknown_area"
    assert "Essex" in body["candidates"]
    assert "Esex" in body["message"]


def test_entries_come_a_page_at_a_time_in_a_stable_order(client, register):
    first = client.get("/api/provision?page_size=1").json()
    second = client.get(first["next"].replace("http://testserver", "")).json()

    assert [r["id"] for r in first["results"]] == [register.essex.pk]
    assert [r["id"] for r in second["results"]] == [register.kent.pk]
    assert second["next"] is None


def test_entries_as_csv_join_lists_with_semicolons(client, register):
    answer = client.get("/api/provision?format=csv")

    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert [(r["title"], r["areas"], r["nrm_stages"]) for r in rows] == [
        ("Victim navigators for adults", "essex", "before_nrm;during_nrm"),
        ("Training for frontline staff on child exploitation", "kent;essex", "before_nrm")]


def test_practice_entries_carry_their_evidence_rating(client, register):
    rows = client.get("/api/practice").json()["results"]
    as_csv = list(csv.DictReader(io.StringIO(
        client.get("/api/practice", HTTP_ACCEPT="text/csv").content.decode())))

    assert [(r["title"], r["evidence"], r["evidence_label"]) for r in rows] == [
        ("Victim navigators for adults", 3, "Independently evaluated"),
        ("Training for frontline staff on child exploitation", 4,
         "Independently evaluated with published results")]
    assert [r["evidence"] for r in as_csv] == ["3", "4"]


@pytest.mark.parametrize("path", ["/api/provision", "/api/practice?min_evidence=1",
                                  "/api/provision?format=csv", "/api/provision/{essex}"])
def test_same_etag_gets_304(client, register, path):
    url = path.format(essex=register.essex.pk)
    first = client.get(url)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert first.status_code == 200
    assert (again.status_code, again.content) == (304, b"")
    assert since.status_code == 304


def test_a_new_public_entry_changes_the_etag(client, register, areas):
    etag = client.get("/api/provision")["ETag"]
    provision.entry(areas["surrey"], title="Surrey navigator")

    again = client.get("/api/provision", HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 200
    assert "Surrey navigator" in titles(again)


def test_private_work_changes_neither_etag_nor_last_modified(client, register, areas,
                                                            essex_editor):
    before = client.get("/api/provision")
    state = conditional.provision_state()

    provision.entry(areas["essex"], actor=essex_editor, title="Private plan", public=False)

    assert conditional.provision_state() == state
    assert client.get("/api/provision", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304


def test_withdrawing_a_public_entry_moves_last_modified_on(register, essex_editor):
    _state, before = conditional.provision_state()

    services.withdraw_entry(actor=essex_editor, entry=register.essex, reason="Ended early.")

    register.essex.refresh_from_db()
    _state, after = conditional.provision_state()
    assert after == register.essex.modified_at
    assert after > before


def test_a_kind_coordinators_added_is_accepted_as_a_filter(client, register, coordinator):
    from antislavery.provision import codes
    from antislavery.themes.services import add_code

    # given a kind of intervention that did not exist when the site started
    assert client.get("/api/provision?kind=peer_mentoring").status_code == 422
    add_code(actor=coordinator, kind="facet_value", facet="intervention",
             code="peer_mentoring", label="Peer mentoring", definition="Survivors mentoring.")
    codes.forget_codebook()

    # when the API is asked for it, then it answers (no entry carries it yet)
    answer = client.get("/api/provision?kind=peer_mentoring")
    assert answer.status_code == 200
    assert answer.json()["results"] == []
