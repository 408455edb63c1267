"""A coordinator codes passages by keyboard and shapes the collated report in the browser."""

from __future__ import annotations

import re

import pytest

from antislavery.themes import selectors
from antislavery.themes.models import Passage
from antislavery.themes.services import analyse_request, sync_builtin_codebook
from tests import factories as shared
from tests.e2e.conftest import sign_in
from tests.returns import factories
from tests.themes.conftest import CUMBRIA_ANSWER, ESSEX_ANSWER, SURREY_ANSWER, submit


def shortcuts_ready(page) -> None:
    """Wait until the page's keyboard shortcuts are attached (module scripts load late)."""
    page.locator('form[data-shortcuts-ready="true"]').wait_for()


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def analysed_request(areas):
    # Browser tests empty the database between tests, data migrations included.
    sync_builtin_codebook()
    coordinator = shared.coordinator(username="coordinator@test.example")
    request = factories.issued_request(
        coordinator, areas=[areas[s] for s in ("essex", "surrey", "cumbria", "dorset")],
        title="Support outside the NRM")
    submit(request, areas["essex"], ESSEX_ANSWER)
    submit(request, areas["surrey"], SURREY_ANSWER)
    submit(request, areas["cumbria"], CUMBRIA_ANSWER)
    analyse_request(request=request)
    return request, coordinator


def test_coordinator_codes_passages_with_the_keyboard(page, analysed_request):
    request, coordinator = analysed_request

    # given the coordinator on the request's analysis page
    sign_in(page, coordinator.username)
    page.goto(f"/themes/requests/{request.slug}/")
    assert page.get_by_text("0 of 6 passages coded").is_visible()

    # when they start coding and press "s" to accept what is ticked
    page.get_by_role("link", name="Start coding").click()
    first = page.url
    assert page.get_by_role("heading", name=re.compile("^Passage from")).is_visible()
    shortcuts_ready(page)
    page.keyboard.press("s")

    # then the next passage opens and the progress has moved on
    page.wait_for_url(lambda url: url != first)
    assert page.get_by_text("1 of 6 passages coded").is_visible()

    # when they untick the first suggestion with "1" and save with "s"
    shortcuts_ready(page)
    box = page.locator('input[data-shortcut="1"]')
    label = box.get_attribute("value")
    assert box.is_checked()
    page.keyboard.press("1")
    assert not box.is_checked()
    second = page.url
    page.keyboard.press("s")

    # then that code is recorded as rejected for the passage
    page.wait_for_url(lambda url: url != second)
    assert page.get_by_text("2 of 6 passages coded").is_visible()
    coded = Passage.objects.get(pk=int(second.rstrip("/").split("/")[-2]))
    assert label not in selectors.decided_codes(coded)


def test_coding_works_without_javascript(browser, live_server, analysed_request):
    request, coordinator = analysed_request
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()

    # given the coordinator on a passage, with JavaScript off
    sign_in(page, coordinator.username)
    page.goto(f"/themes/requests/{request.slug}/code/")

    # when they tick another theme and press the save button
    page.get_by_text("Add other codes").click()
    page.get_by_label("Challenge: the pandemic").check()
    page.get_by_role("button", name="Save and next").click()

    # then the passage is coded with it
    assert page.get_by_text("1 of 6 passages coded").is_visible()
    context.close()


def test_coordinator_rewords_an_example_in_the_report(page, analysed_request):
    request, coordinator = analysed_request
    passage = Passage.objects.get(area__slug="surrey", position=0)

    # given the coordinator on the collated report
    sign_in(page, coordinator.username)
    page.goto(f"/reports/collated/{request.slug}/")
    assert page.get_by_text("3 of 4 areas responded.").is_visible()

    # when they keep the default examples for accommodation and reword Surrey's
    page.get_by_role("button", name="Choose these examples (Challenge: accommodation)").click()
    page.get_by_role("link", name="Reword Surrey").click()
    page.get_by_label("Wording in the report").fill("Surrey relies on hotels for now.")
    page.get_by_role("button", name="Save wording").click()

    # then the report quotes the new wording, led by the area in bold, and the passage is as
    # the response wrote it
    example = page.locator("#theme-accommodation + ul li").first
    assert example.inner_text() == "Surrey: Surrey relies on hotels for now."
    assert example.locator("strong").inner_text() == "Surrey"
    passage.refresh_from_db()
    assert passage.text.startswith("Finding somewhere safe for potential victims")
