"""An office answers a national request in the browser; the coordinator sees it arrive."""

from __future__ import annotations

import re

import pytest

from tests import factories as shared
from tests.e2e.conftest import sign_in
from tests.returns import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWER = ("Our navigator supports every adult victim, before and after any NRM referral.\n\n"
          "- Emergency accommodation fund\n- Interpreters on request")


@pytest.fixture
def request_to_three_areas(areas):
    coordinator = shared.coordinator(username="coordinator@test.example")
    editor = shared.office_user(areas["essex"], username="editor@essex.test.example")
    request = factories.issued_request(
        coordinator, areas=[areas["essex"], areas["surrey"], areas["cumbria"]])
    return request, coordinator, editor


def test_office_editor_answers_and_submits_and_coordinator_sees_it_received(
        page, request_to_three_areas):
    request, coordinator, editor = request_to_three_areas

    # given the Essex editor signed in, on their office's list of requests
    sign_in(page, editor.username)
    page.get_by_role("link", name="Requests", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^Requests for us")).click()

    # when they start the response, answer the question and save
    page.get_by_role("link", name=re.compile("Start the response")).click()
    page.get_by_label("Support before and after the NRM").fill(ANSWER)
    page.get_by_role("button", name="Save draft").click()
    # then the draft is saved as version 1
    assert page.get_by_text("Your answers were saved as version 1.").is_visible()

    # when they continue to submit, check the answers and submit
    page.get_by_role("button", name="Save and continue to submit").click()
    assert page.get_by_role("heading", name="Check your answers and submit").is_visible()
    assert page.get_by_text("Emergency accommodation fund").is_visible()
    page.get_by_role("button", name="Submit the response").click()
    # then the office is told it went to the issuing body
    assert page.get_by_text(
        "Your response was submitted to Association of Police and Crime Commissioners"
    ).is_visible()

    # when the coordinator signs in and opens the request
    page.get_by_role("button", name=re.compile("^Sign out")).click()
    sign_in(page, coordinator.username)
    page.goto(request.get_absolute_url())
    # then the tracker counts one response of three, and the answer can be read
    assert page.get_by_text("1 of 3 responses received").is_visible()
    page.get_by_role("link", name="Essex", exact=True).click()
    assert page.get_by_role("heading", name="Response from Essex").is_visible()
    assert page.get_by_role("listitem").filter(has_text="Interpreters on request").is_visible()


def test_answers_are_saved_automatically_while_typing(page, request_to_three_areas):
    request, _coordinator, editor = request_to_three_areas
    response = request.responses.get(area__slug="essex")

    # given the editor on the answer form, with the autosave pause shortened for the test
    sign_in(page, editor.username)
    page.goto(f"/requests/{request.slug}/responses/essex/edit/")
    page.locator('form[data-autosave-ready="true"]').wait_for()
    page.evaluate("document.querySelector('form[data-autosave]').dataset.autosavePause = '300'")

    # when they type and pause
    page.get_by_label("Support before and after the NRM").fill("Typed, not yet saved by hand.")

    # then the page says it saved a version, and the server kept it
    status = page.locator("#autosave-status")
    status.filter(has_text="Saved automatically as version 1.").wait_for()
    assert response.versions.get().answers == {"q1": {"text": "Typed, not yet saved by hand."}}
    # and a later save by hand is based on that version, not refused as a conflict
    page.get_by_role("button", name="Save draft").click()
    assert page.get_by_text("Your answers were saved as version 2.").is_visible()


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_returns_pages_fit_a_phone_screen(page, request_to_three_areas):
    request, coordinator, editor = request_to_three_areas
    page.set_viewport_size({"width": 375, "height": 800})

    # given the Essex editor on a phone, on the answer form and the list of tasks
    sign_in(page, editor.username)
    for url in ("/requests/for-us/", f"/requests/{request.slug}/responses/essex/edit/",
                f"/requests/{request.slug}/responses/essex/attach/"):
        page.goto(url)
        # then nothing is wider than the screen
        assert _page_width(page) <= 375, url

    # given the coordinator on a phone, on the tracker and the form for a posted response
    page.context.clear_cookies()
    sign_in(page, coordinator.username)
    page.goto(request.get_absolute_url())
    assert page.get_by_text("0 of 3 responses received").is_visible()
    assert _page_width(page) <= 375
    # the tracker's table scrolls inside its own box, its caption in view
    caption_right = page.locator(".govuk-table__caption").evaluate(
        "caption => { const r = document.createRange(); r.selectNodeContents(caption);"
        " return r.getBoundingClientRect().right; }")
    assert caption_right <= 375
    page.goto(f"/requests/{request.slug}/receive/")
    page.get_by_role("button", name=re.compile("Record")).click()
    # an empty form gets an error summary that names each missing answer
    summary = page.get_by_role("alert")
    assert summary.get_by_text("Choose the area the response is from.").is_visible()
    assert _page_width(page) <= 375
