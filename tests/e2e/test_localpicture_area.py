"""A visitor reads an area's local picture, compares it, and takes the report away."""

from __future__ import annotations

import docx
import pytest

from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures(areas):
    data.clear_cache()
    return data.populate(kind=Source.Kind.SYNTHETIC, title="Synthetic figures for every area")


def test_visitor_reads_the_local_picture_of_an_area(page, figures):
    violations = []
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    # given the area page of Essex
    page.goto("/areas/essex/")
    # when the visitor reaches the local picture
    section = page.get_by_role("region", name="Local picture")
    # then it gives the headline in words, marked as synthetic, with charts named for people
    assert "Essex had" in section.inner_text()
    assert section.get_by_text("Synthetic figures", exact=True).is_visible()
    assert page.locator("[data-demo-notice]").is_visible()
    trend = section.get_by_role("img", name="Bar chart of NRM referrals in Essex each quarter")
    assert trend.is_visible()
    assert section.get_by_role("img", name="Funnel plot of the rate").is_visible()
    assert section.get_by_role("table", name="NRM referrals in Essex, each quarter").is_visible()
    assert violations == []


def test_visitor_compares_an_area_with_a_chosen_group(page, figures):
    # given the area page of Essex
    page.goto("/areas/essex/")
    # when the visitor picks the VRU areas as a group to compare with
    page.get_by_label("Compare with a group of areas as well as the region").select_option(
        label="Areas with a Violence Reduction Unit")
    page.get_by_role("button", name="Compare", exact=True).click()
    # then the breakdown tables gain that group's shares
    assert "peers=vru-areas" in page.url
    assert page.get_by_role("columnheader", name="Share in rest of Areas with a Violence "
                                                 "Reduction Unit").first.is_visible()


def test_visitor_downloads_the_report_for_the_board(page, figures, tmp_path):
    # given the area page of Essex
    page.goto("/areas/essex/")
    # when the visitor presses the report button
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report (Word)").click()
    path = tmp_path / "report.docx"
    download.value.save_as(path)
    # then the file is a Word report on Essex that says its figures are synthetic
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "Local picture: Essex"
    assert document.sections[0].header.paragraphs[0].text.startswith("Synthetic figures")


def test_the_picture_works_without_javascript(browser, live_server, figures):
    # given a browser with JavaScript turned off
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    # when the visitor opens Essex and asks for a comparison with its region's neighbours
    page.goto("/areas/essex/")
    page.get_by_label("Compare with a group of areas as well as the region").select_option(
        label="All Welsh areas")
    page.get_by_role("button", name="Compare", exact=True).click()
    # then the charts are there as images and the comparison has been made
    assert page.get_by_role("img", name="Bar chart of NRM referrals in Essex each quarter")\
        .is_visible()
    assert page.get_by_role("columnheader", name="Share in rest of All Welsh areas")\
        .first.is_visible()
    context.close()


def test_visitor_sees_every_area_and_goes_to_one(page, figures):
    # given the statistics page
    page.goto("/statistics/")
    # when the visitor asks for NRM referrals and follows Kent
    page.get_by_label("Figures to show").select_option(label="NRM referrals")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("table", name="Every police force area of England and Wales, "
                                          "by name").is_visible()
    page.get_by_role("link", name="Kent", exact=True).click()
    # then the Kent page opens at its local picture
    assert page.get_by_role("heading", level=1).inner_text() == "Kent"
    assert page.url.endswith("/areas/kent/#local-picture")


@pytest.mark.parametrize("path", ["/areas/essex/", "/statistics/",
                                  "/statistics/compare/?group=region-east-of-england"])
def test_statistics_pages_fit_a_phone_screen(browser, live_server, figures, path):
    # given sources with long web addresses, and a phone-sized window
    Source.objects.update(url="https://www.gov.uk/government/collections/"
                              "national-referral-mechanism-statistics")
    context = browser.new_context(base_url=live_server.url,
                                  viewport={"width": 375, "height": 800})
    page = context.new_page()
    # when the visitor opens a page of figures
    page.goto(path)
    # then the page does not scroll sideways: wide tables scroll inside their own box
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.get_by_text("Download these figures:").first.is_visible()
    context.close()
