"""A coordinator turns a passage of a response into a draft provision entry in one step."""

from __future__ import annotations

import pytest
from django.urls import reverse

from antislavery.provision.models import Entry
from antislavery.returns.models import ResponseVersion
from antislavery.themes.models import Passage
from tests import factories as shared
from tests.htmlcheck import form_with_button, forms

pytestmark = pytest.mark.django_db

BUTTON = "Make a draft provision entry"


def essex_passage() -> Passage:
    return Passage.objects.get(area__slug="essex", position=0)


def response_state(passage: Passage) -> tuple:
    response = passage.response
    response.refresh_from_db()
    versions = list(ResponseVersion.objects.filter(response=response)
                    .values_list("number", "answers"))
    return response.state, response.last_activity_at, response.version_number, versions


@pytest.mark.parametrize("page", ["themes:passage", "themes:code"])
def test_coordinator_turns_a_passage_into_a_private_draft_for_its_area(client, apcc, analysed,
                                                                      page):
    # given a coordinator reading a passage of Essex's response
    passage = essex_passage()
    before = response_state(passage)
    client.force_login(apcc)
    html = client.get(reverse(page, args=[passage.pk])).content.decode()
    # when they press the button the page shows
    form = form_with_button(html, BUTTON)
    made_page = client.post(form.action, form.fields, follow=True)
    # then a private draft entry for Essex exists, drafted from the passage's words
    entry = Entry.objects.get()
    assert made_page.redirect_chain[-1][0] == entry.get_absolute_url()
    assert (entry.area.slug, entry.draft, entry.public) == ("essex", True, False)
    assert entry.kind == "specialist_post"  # "two independent victim navigators"
    assert "before_nrm" in entry.nrm_stages
    # and it names its source (request, area, question) and links back to the passage
    assert entry.source_url == passage.get_absolute_url()
    assert entry.source_label.startswith("Support outside the NRM, Essex: ")
    assert passage.source_label in entry.source_label
    shown = made_page.content.decode()
    assert f'href="{passage.get_absolute_url()}"' in shown
    assert "Draft to check" in shown
    # and the response it came from is unchanged
    assert response_state(passage) == before
    assert essex_passage().text == passage.text


def test_the_draft_is_hidden_from_the_public_and_other_offices(client, apcc, analysed):
    passage = essex_passage()
    client.force_login(apcc)
    form = form_with_button(client.get(passage.get_absolute_url()).content.decode(), BUTTON)
    client.post(form.action, form.fields)
    entry = Entry.objects.get()
    client.logout()

    assert client.get(entry.get_absolute_url()).status_code == 404
    assert entry.title not in client.get(reverse("provision:index")).content.decode()
    client.force_login(shared.office_user(analysed.responses.get(area__slug="surrey").area))
    assert client.get(entry.get_absolute_url()).status_code == 404
    client.force_login(shared.office_user(passage.area))
    assert client.get(entry.get_absolute_url()).status_code == 200


def test_people_who_may_not_draft_for_the_area_get_no_button(client, analysed, areas):
    passage = essex_passage()
    viewer = shared.office_user(areas["essex"], role="office_viewer")
    client.force_login(viewer)

    page = client.get(passage.get_absolute_url())

    assert page.status_code == 200
    assert not [form for form in forms(page.content.decode()) if BUTTON in form.buttons]
