"""The link back to a passage on a drafted entry only ever leads to a web page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from antislavery.provision.models import Entry

pytestmark = pytest.mark.django_db

PASSAGE = {"area": "wiltshire", "text": "Wiltshire hands out go bags at the point of contact.",
           "source_label": "APCC update"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//elsewhere.example/x",
                                 "data:text/html,hi"])
def test_a_draft_whose_source_is_not_a_web_page_is_refused(client, areas, coordinator, url):
    client.force_login(coordinator)

    response = client.post(reverse("provision:draft-from-passage"),
                           {**PASSAGE, "source_url": url})

    assert response.status_code == 400
    assert "must be a page of this site or a web address" in response.content.decode()
    assert not Entry.objects.exists()


@pytest.mark.parametrize("url", ["/themes/passages/4/", "https://example.org/plan.pdf", ""])
def test_a_draft_links_to_a_page_of_the_site_or_the_web(client, areas, coordinator, url):
    client.force_login(coordinator)

    client.post(reverse("provision:draft-from-passage"), {**PASSAGE, "source_url": url})

    assert Entry.objects.get().source_url == url
