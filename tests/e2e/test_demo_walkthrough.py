"""The demonstration, walked in a browser as the public and as a coordinator, on a desktop and
on a phone: each main page shows its real content, says it shows demonstration data, and fits
a phone's screen."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REQUEST = "hmicfrs-support-outside-nrm"
REQUEST_TITLE = ("Progress on the HMICFRS recommendation: support for victims before, after "
                 "and outside the NRM")
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(areas) -> str:
    """Loads the demonstration data; returns the demo accounts' password."""
    from antislavery.accounts.demo import demo_password

    call_command("demo", "--quiet-accounts")
    return demo_password()


def h1(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def shows_demo_notice(page) -> bool:
    return page.get_by_text("This page shows demonstration data.").is_visible()


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def nav(page, name: str) -> None:
    """Follow a link of the service navigation (behind the Menu button on a phone)."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible() and menu.get_attribute("aria-expanded") != "true":
        menu.click()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=name,
                                                          exact=True).click()


def test_public_visitor_walks_the_demo(page, demo):
    # given a visitor on the home page
    page.goto("/")
    assert h1(page) == "Anti-Slavery Local Response Toolkit"

    # when they open the areas and then Essex
    nav(page, "Areas")
    assert h1(page) == "Police force areas"
    page.get_by_role("link", name="Essex", exact=True).click()
    # then the area page shows its local picture, with a figure, marked as demonstration data
    assert h1(page) == "Essex"
    assert page.get_by_role("heading", name="Local picture", exact=True).is_visible()
    assert page.get_by_text(re.compile(r"Essex had \d+ referrals in the four quarters")).first \
        .is_visible()
    assert shows_demo_notice(page)
    # and its published responses to national requests, but no drafts
    assert page.get_by_role("heading", name="Published responses", exact=True).is_visible()
    assert page.get_by_text("Draft", exact=True).count() == 0

    # when they open the statistics
    nav(page, "Statistics")
    assert h1(page) == "Every area at a glance"
    assert page.get_by_role("link", name="Essex", exact=True).first.is_visible()
    assert shows_demo_notice(page)

    # when they open the requests and the HMICFRS request
    nav(page, "Requests")
    assert h1(page) == "Requests"
    page.get_by_role("link", name=REQUEST_TITLE).click()
    assert h1(page) == REQUEST_TITLE
    assert page.get_by_text("responses received").count() == 0  # the tracker is not public
    # then they can read a published response
    page.get_by_role("link", name=re.compile(r"^\d+ published responses$")).click()
    assert h1(page) == "Published responses"
    assert page.get_by_role("heading", name="Essex", exact=True).is_visible()
    assert shows_demo_notice(page)

    # when they read the codebook
    nav(page, "Codebook")
    assert h1(page) == "Codebook"
    assert page.get_by_role("heading", name="Themes", exact=True).is_visible()
    assert page.get_by_role("term").filter(has_text="Victim support services").is_visible()

    # when they open the provision register, the gaps of Essex and the practice library
    nav(page, "Provision")
    assert h1(page) == "Provision register"
    assert page.get_by_text(re.compile(r"^\d+ entries$")).first.is_visible()
    assert shows_demo_notice(page)
    page.goto("/provision/gaps/essex/")
    assert h1(page) == "Gaps in provision"
    assert page.get_by_role("heading", name=re.compile(r"^\d+ findings?$")).is_visible()
    assert page.get_by_text("The figure:").first.is_visible()
    nav(page, "Practice library")
    assert h1(page) == "Practice library"
    assert shows_demo_notice(page)

    # when they open the API documentation
    nav(page, "Open data")
    assert h1(page) == "Open data and the public API"
    # then the public never sees the coordinators' reports entry
    assert page.get_by_role("link", name="Reports", exact=True).count() == 0


def test_coordinator_walks_the_demo_and_drafts_provision_from_a_passage(page, demo):
    # given the APCC coordinator signed in
    sign_in(page, "coordinator@demo.example", demo)

    # when they open the HMICFRS request
    nav(page, "Requests")
    page.get_by_role("link", name=REQUEST_TITLE).click()
    # then the tracker counts the responses received
    assert page.get_by_text("38 of 43 responses received").is_visible()
    assert shows_demo_notice(page)

    # when they follow the link to the analysis and coding
    page.get_by_role("link", name="Analyse and code the responses").click()
    assert h1(page) == REQUEST_TITLE
    assert page.get_by_text(re.compile(r"^0 of \d+ passages coded$")).is_visible()
    page.get_by_role("link", name="Start coding").click()
    # then the first passage is shown with its suggested codes
    assert page.get_by_text(re.compile(r"^0 of \d+ passages coded")).is_visible()
    assert page.get_by_role("group", name="Suggested codes").is_visible()

    # when they turn the passage into a draft provision entry
    area = h1(page).removeprefix("Passage from ")
    page.get_by_role("button", name="Make a draft provision entry").click()
    # then a private draft entry for the passage's area opens, linked back to the passage
    assert page.get_by_text("A draft entry was made from the passage.").is_visible()
    assert page.get_by_text("Draft to check").first.is_visible()
    assert page.get_by_text(area, exact=True).first.is_visible()
    page.get_by_role("link", name=re.compile(f"^{re.escape(REQUEST_TITLE)}, {area}")).click()
    assert h1(page) == f"Passage from {area}"

    # when they open the collated report from the request page
    page.goto(f"/requests/{REQUEST}/")
    page.get_by_role("link", name="The collated report of the responses").click()
    assert h1(page) == f"{REQUEST_TITLE}: collated report"
    assert page.get_by_text("38 of 43 areas responded.").is_visible()
    assert page.get_by_role("heading", name="Victim support services",
                            exact=True).first.is_visible()

    # when they open the reports from the navigation
    nav(page, "Reports")
    assert h1(page) == "Reports"

    # when they open an area: the state of its response to each request shows
    page.goto("/areas/essex/")
    assert page.get_by_role("heading", name="National requests", exact=True).is_visible()
    assert page.get_by_role("link", name=REQUEST_TITLE).is_visible()

    # when they open the provision register: the new draft is there, for them to see
    nav(page, "Provision")
    assert page.get_by_text("Draft to check").first.is_visible()


PUBLIC_PAGES = ("/", "/areas/essex/", "/statistics/", "/requests/", f"/requests/{REQUEST}/",
                f"/requests/{REQUEST}/published/", "/themes/codebook/", "/provision/",
                "/provision/matrix/", "/provision/gaps/essex/", "/provision/library/",
                "/statistics/format/")


def test_public_pages_fit_a_phone_screen(browser, live_server, demo):
    # given a phone-sized browser
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    page = context.new_page()
    for address in PUBLIC_PAGES:
        # when a page of the demo is opened
        page.goto(address)
        # then it has a heading and does not scroll sideways (wide tables scroll on their own)
        assert h1(page), address
        assert fits_the_screen(page), address
    context.close()


def test_coordinator_pages_fit_a_phone_screen(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    page = context.new_page()
    sign_in(page, "coordinator@demo.example", demo)
    for address in (f"/requests/{REQUEST}/", f"/themes/requests/{REQUEST}/",
                    f"/themes/requests/{REQUEST}/code/", f"/reports/collated/{REQUEST}/",
                    "/requests/", "/themes/"):
        page.goto(address)
        assert fits_the_screen(page), address
    context.close()
