"""The demonstration requests: what the README's first command loads."""

from __future__ import annotations

import io

import pytest

from antislavery.accounts import demo as accounts_demo
from antislavery.areas import demo as areas_demo
from antislavery.returns import demo, selectors
from antislavery.returns.models import Request, Response, ResponseVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    out = io.StringIO()
    areas_demo.load(stdout=out)
    accounts_demo.load(stdout=out)
    demo.load(stdout=out)
    return out.getvalue()


def _counts(slug: str) -> tuple[int, int]:
    tracker = selectors.tracker(Request.objects.get(slug=slug))
    return tracker.received, tracker.recipients


def test_demo_loads_the_two_requests_with_the_seed_totals(loaded):
    assert _counts("hmicfrs-support-outside-nrm") == (38, 43)
    assert _counts("iasc-vru-priorities") == (16, 18)
    assert "38 of 43 responses received" in loaded


def test_demo_has_responses_in_every_state(loaded):
    states = set(Response.objects.filter(request__slug="hmicfrs-support-outside-nrm")
                 .values_list("state", flat=True))

    assert states == {"not_started", "draft", "submitted", "returned", "accepted", "published"}


def test_loading_again_changes_nothing(loaded):
    before = (Request.objects.count(), Response.objects.count(),
              ResponseVersion.objects.count())

    again = io.StringIO()
    demo.load(stdout=again)

    assert (Request.objects.count(), Response.objects.count(),
            ResponseVersion.objects.count()) == before
    assert "already loaded" in again.getvalue()


def test_everything_loaded_is_marked_as_demonstration(loaded):
    assert not Request.objects.filter(is_demo=False).exists()
    assert not Response.objects.filter(is_demo=False).exists()
    assert set(ResponseVersion.objects.values_list("note", flat=True)) == {demo.DEMO_NOTE}


def test_demo_answers_are_deterministic(loaded):
    essex = Response.objects.get(request__slug="hmicfrs-support-outside-nrm",
                                 area__slug="essex")
    text = essex.submitted_version.answers["q1"]["text"]

    assert text.startswith("The commissioner has supported the recruitment of independent "
                           "Victim Care Navigators")
    assert "- emergency housing where it is needed;" in text


def test_demo_texts_cover_the_themes_of_the_collated_report(loaded):
    texts = selectors.analysable_texts(Request.objects.get(slug="hmicfrs-support-outside-nrm"))
    corpus = " ".join(t.text for t in texts).lower()

    assert len({t.area_slug for t in texts}) == 38
    for theme in ("navigator", "language", "accommodation", "pandemic", "partnership",
                  "hold the chief constable to account", "evaluat"):
        assert theme in corpus, theme
    assert all(t.is_demo for t in texts)


@pytest.mark.parametrize("url", [
    "/requests/", "/requests/hmicfrs-support-outside-nrm/",
    "/requests/hmicfrs-support-outside-nrm/published/",
    "/requests/hmicfrs-support-outside-nrm/responses/essex/",
    "/areas/essex/",
])
def test_pages_showing_demo_responses_carry_the_demo_notice(client, loaded, url):
    page = client.get(url)

    assert page.status_code == 200
    assert "data-demo-notice" in page.content.decode()
