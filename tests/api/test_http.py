"""HTTP behaviour of the API: caching validators, the rate limit, CORS, errors."""

from __future__ import annotations

import pytest
from django.utils.http import http_date

from antislavery.localpicture.services import import_statistics
from tests.localpicture.store_helpers import tidy_csv

pytestmark = pytest.mark.django_db

URL = "/api/observations?area=essex&breakdown=total"


def test_answer_carries_etag_and_last_modified(client, official):
    response = client.get(URL)

    assert response["ETag"].startswith('"')
    assert response["Last-Modified"] == http_date(official.imported_at.timestamp())


def test_same_etag_gets_304_without_a_body(client, official):
    etag = client.get(URL)["ETag"]

    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_if_modified_since_gets_304_when_nothing_was_imported_since(client, official):
    last_modified = client.get(URL)["Last-Modified"]

    again = client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified)

    assert again.status_code == 304


def test_a_new_release_changes_the_etag(client, official):
    etag = client.get(URL)["ETag"]
    import_statistics(data=tidy_csv([["home-office-nrm", "2025-Q1", "Essex", "nrm_referrals",
                                      "", "160", ""]]), file_name="new.csv", actor=None)

    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 200
    assert again["ETag"] != etag
    assert again.json()["results"][-1]["value"] == 160


def test_csv_and_json_of_the_same_query_have_different_etags(client, official):
    assert client.get(URL)["ETag"] != client.get(URL + "&format=csv")["ETag"]


def test_anonymous_clients_over_the_limit_get_429_with_retry_after(client, official, settings):
    settings.API_RATE_LIMIT_REQUESTS = 3
    settings.API_RATE_LIMIT_SECONDS = 60

    statuses = [client.get("/api/areas").status_code for _ in range(4)]
    refused = client.get("/api/areas")

    assert statuses == [200, 200, 200, 429]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["code"] == "rate_limited"
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_signed_in_staff_are_not_rate_limited(client, official, settings, coordinator):
    settings.API_RATE_LIMIT_REQUESTS = 1
    client.force_login(coordinator)

    assert {client.get("/api/areas").status_code for _ in range(3)} == {200}


def test_limit_counts_each_client_address_apart(client, official, settings):
    settings.API_RATE_LIMIT_REQUESTS = 1

    first = client.get("/api/areas", REMOTE_ADDR="10.0.0.1").status_code
    second = client.get("/api/areas", REMOTE_ADDR="10.0.0.2").status_code
    again = client.get("/api/areas", REMOTE_ADDR="10.0.0.1").status_code

    assert (first, second, again) == (200, 200, 429)


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_added(client, official,
                                                                        settings):
    # A client writing its own X-Forwarded-For entries cannot pass for someone new.
    settings.API_RATE_LIMIT_REQUESTS = 1
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = {"REMOTE_ADDR": "127.0.0.1"}

    first = client.get("/api/areas", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code
    forged = client.get("/api/areas", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9",
                        **proxy).status_code
    other = client.get("/api/areas", HTTP_X_FORWARDED_FOR="203.0.113.10", **proxy).status_code

    assert (first, forged, other) == (200, 429, 200)


def test_gets_allow_any_origin(client, official):
    response = client.get("/api/areas", HTTP_ORIGIN="https://example.org")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_offers_read_methods_only(client, official):
    response = client.options("/api/observations", HTTP_ORIGIN="https://example.org",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")

    assert response.status_code == 204
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_writes_are_refused_and_not_offered_to_other_sites(client, official):
    response = client.post("/api/areas", HTTP_ORIGIN="https://example.org")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Origin" not in response


def test_head_answers_like_get_without_a_body(client, official):
    got = client.get(URL)
    head = client.head(URL)

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == got["ETag"]
    assert int(head["Content-Length"]) == len(got.content)


def test_pages_outside_the_api_get_no_cors_header(client, areas):
    assert "Access-Control-Allow-Origin" not in client.get("/areas/")


def test_unknown_api_address_is_json_404(client, areas):
    response = client.get("/api/nowhere")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_openapi_schema_describes_every_operation(client, areas):
    schema = client.get("/api/openapi.json").json()

    assert set(schema["paths"]) >= {"/api/areas", "/api/areas/{area}", "/api/peer-groups",
                                    "/api/releases", "/api/sources", "/api/observations",
                                    "/api/vocabulary", "/api/areas/{area}/picture"}
    assert "text/csv" in schema["paths"]["/api/observations"]["get"]["responses"]["200"][
        "content"]


LATER = "Wed, 01 Jan 2098 00:00:00 GMT"


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/areas/Esex", 404, "unknown_area"),
    ("/api/peer-groups/nowhere", 404, "unknown_peer_group"),
    ("/api/releases/999999", 404, "unknown_release"),
    ("/api/requests/nothing-asked", 404, "unknown_request"),
    ("/api/provision/999999", 404, "no_such_entry"),
    ("/api/observations?area=Surey", 404, "unknown_area"),
    ("/api/observations?cursor=abc", 422, "invalid_parameter"),
    ("/api/areas?cursor=abc", 422, "invalid_parameter"),
    ("/api/releases?source=nobody", 422, "invalid_parameter"),
    ("/api/responses?area=Surey", 404, "unknown_area"),
    ("/api/provision?kind=nonsense", 422, "invalid_parameter"),
    ("/api/codebook?cursor=abc", 422, "invalid_parameter"),
])
@pytest.mark.parametrize("header", ["HTTP_IF_MODIFIED_SINCE", "HTTP_IF_NONE_MATCH"])
def test_a_bad_request_is_refused_whatever_validators_the_client_sends(
        client, official, url, status, code, header):
    validator = LATER if header == "HTTP_IF_MODIFIED_SINCE" else "*"

    response = client.get(url, **{header: validator})

    assert response.status_code == status
    assert response.json()["code"] == code


def test_unknown_peer_group_kind_is_422_naming_it(client, areas):
    response = client.get("/api/peer-groups?kind=regional")

    assert response.status_code == 422
    assert response.json()["parameter"] == "kind"
    assert "Input should be 'preset' or 'custom'" in response.json()["message"]
