"""Requests and published responses through the API: only what the public may read."""

from __future__ import annotations

import csv
import io

import pytest

from antislavery.returns import services
from antislavery.returns.models import Response
from tests import factories as shared
from tests.returns import factories

pytestmark = pytest.mark.django_db


def test_published_response_is_served_with_its_answers(client, request_with_answers):
    answer = client.get("/api/responses").json()

    assert [(r["area"], r["request"]) for r in answer["results"]] == [
        ("essex", request_with_answers.slug)]
    only = answer["results"][0]
    assert only["answers"] == [{"key": "q1", "question": "Support before and after the NRM",
                                "answer": "We fund a navigator."}]
    assert only["published_at"] is not None


def test_unpublished_and_unconsented_responses_are_never_served(client, request_with_answers):
    as_json = client.get("/api/responses?page_size=1000").content.decode()
    as_csv = client.get("/api/responses?format=csv").content.decode()

    for text in ("Draft thoughts", "Ours stays private"):
        assert text not in as_json
        assert text not in as_csv


def test_withdrawn_response_disappears(client, request_with_answers):
    essex = Response.objects.get(request=request_with_answers, area__slug="essex")
    services.withdraw_response(response=essex, actor=shared.coordinator(),
                               reason="The office asked.")

    assert client.get("/api/responses").json()["results"] == []


def test_responses_filter_by_request_and_area(client, request_with_answers):
    by_request = client.get(f"/api/responses?request={request_with_answers.slug}").json()
    by_area = client.get("/api/responses?area=Surrey").json()

    assert len(by_request["results"]) == 1
    assert by_area["results"] == []


def test_responses_as_csv_give_one_line_per_answer(client, request_with_answers):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/responses?format=csv")
                                           .content.decode())))

    assert [(r["area"], r["key"], r["answer"]) for r in rows] == [
        ("essex", "q1", "We fund a navigator.")]


def test_requests_list_says_how_many_responses_are_published(client, request_with_answers):
    listed = client.get("/api/requests").json()["results"]
    one = client.get(f"/api/requests/{request_with_answers.slug}").json()

    assert [(r["slug"], r["published_responses"]) for r in listed] == [
        (request_with_answers.slug, 1)]
    assert one["issuing_body"] == "Association of Police and Crime Commissioners"


def test_draft_request_is_not_served(client, areas):
    draft = factories.draft_request(shared.coordinator(), areas=[areas["essex"]])

    assert client.get("/api/requests").json()["results"] == []
    assert client.get(f"/api/requests/{draft.slug}").status_code == 404


def test_publishing_changes_the_etag(client, request_with_answers):
    etag = client.get("/api/responses")["ETag"]
    essex = Response.objects.get(request=request_with_answers, area__slug="essex")
    services.withdraw_response(response=essex, actor=shared.coordinator(), reason="Asked.")

    assert client.get("/api/responses", HTTP_IF_NONE_MATCH=etag).status_code == 200
