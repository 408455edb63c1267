"""A member of the public finds an area from the home page."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_public_visitor_finds_an_area_and_its_office(page, areas):
    # given the home page
    page.goto("/")
    # when the visitor follows "Find your area" and picks Cumbria
    page.get_by_role("link", name="Find your area").click()
    page.get_by_role("link", name="Cumbria", exact=True).click()
    # then the area page names the area, its force and its commissioner's office
    assert page.get_by_role("heading", level=1).inner_text() == "Cumbria"
    assert page.get_by_text("Cumbria Constabulary").is_visible()
    title = "Police, Fire and Crime Commissioner for Cumbria"
    assert page.get_by_text(title, exact=True).is_visible()


def test_skip_link_moves_focus_to_main_content(page, areas):
    # given the areas page
    page.goto("/areas/")
    # when a keyboard user tabs to the first element and follows it
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    # then the first stop is the skip link and it lands on the main content
    assert focused == "Skip to main content"
    assert page.evaluate("location.hash") == "#main-content"


def test_pages_run_no_inline_script_under_the_content_security_policy(page, areas):
    # given a listener for CSP violations
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy"
            in msg.text else None)
    # when the home page and an area page load
    page.goto("/")
    page.goto("/areas/essex/")
    # then the browser reports no violation and GOV.UK Frontend started
    assert violations == []
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")


PHONE = {"width": 375, "height": 812}


def test_area_list_and_area_pages_fit_a_375_pixel_phone(browser, live_server, areas):
    # given a phone-sized browser
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    page = context.new_page()
    # when the list of areas opens
    page.goto("/areas/")
    # then it is grouped by region, Wales among them, and does not scroll sideways
    regions = page.get_by_role("heading", level=2).all_inner_texts()
    assert regions[:2] == ["East Midlands", "East of England"]
    assert "Wales" in regions
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for slug in ("greater-manchester", "dyfed-powys", "avon-and-somerset"):
        # when an area page opens, then it fits too and shows its peers
        page.goto(f"/areas/{slug}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, slug
        assert page.get_by_role("heading", name="Compare with").is_visible()
    context.close()


def test_sign_in_errors_are_summarised_and_lead_to_their_field(page, areas):
    # given the sign-in page
    page.goto("/account/sign-in/")
    # when the form is sent empty
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    # then the page title says so, the summary has focus and each link leads to its field
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    page.get_by_role("link", name="Enter your password").click()
    assert page.evaluate("document.activeElement.id") == "id_password"
