"""The API's documentation page: server-rendered from the schema, in the site's frame."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_docs_page_lists_every_operation_with_its_parameters(client, areas):
    schema = client.get("/api/openapi.json").json()

    html = client.get("/api/").content.decode()

    for path in schema["paths"]:
        assert f"GET {path}" in html
    assert "<code>period_from</code>" in html
    assert 'href="/api/openapi.json"' in html
    assert 'href="/api/open-data.zip"' in html


def test_docs_page_loads_nothing_from_elsewhere(client, areas):
    html = client.get("/api/").content.decode()

    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert not [s for s in sources if s.startswith(("http://", "https://", "//"))
                and "testserver" not in s]
    assert "<script>" not in html


def test_docs_page_explains_the_disclosure_rule(client, areas, settings):
    settings.DISCLOSURE_THRESHOLD = 5

    html = client.get("/api/").content.decode()

    assert "rounded down to a multiple of 5" in html


def test_open_data_is_in_the_navigation(client, areas):
    html = client.get("/").content.decode()

    assert re.search(r'href="/api/"[^>]*>\s*Open data', html)


def test_every_operation_is_described_in_docs_api_md(client):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    schema = client.get("/api/openapi.json").json()

    missing = [path for path in schema["paths"] if f"GET {path}`" not in text]

    assert not missing, f"docs/api.md does not describe {missing}"
