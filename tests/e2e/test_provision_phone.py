"""The register's pages on a phone-width screen: nothing wider than the screen, and the
coverage matrix keeps each row's area in view while its stages scroll."""

import pytest

from tests.provision.factories import entry

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


@pytest.mark.parametrize("path", ["/provision/", "/provision/matrix/", "/provision/library/",
                                  "/provision/gaps/essex/"])
def test_provision_pages_fit_a_phone_screen(page, areas, path):
    # given entries in the register, and a visitor on a phone
    entry(areas["essex"], title="Independent victim care navigators",
          nrm_stages=["before_nrm", "after_nrm"], languages=["Romanian"])
    entry(areas["northamptonshire"], title="Place of safety", kind="accommodation",
          nrm_stages=["before_nrm"], status="planned")
    page.set_viewport_size(PHONE)
    # when the page opens
    page.goto(path)
    # then the page is no wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_matrix_keeps_the_area_in_view_while_the_stages_scroll(page, areas):
    # given Northamptonshire, the longest area name, covers the last stage
    entry(areas["northamptonshire"], title="Outreach", nrm_stages=["outside_nrm"])
    page.set_viewport_size(PHONE)
    page.goto("/provision/matrix/")
    table = page.get_by_role("table")
    area = table.get_by_role("rowheader", name="Northamptonshire")
    # when the reader scrolls the table to its last column
    page.locator(".app-table-scroll").evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    # then the area's name is still on screen, as is the count under "Outside"
    box = area.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert table.get_by_role("columnheader", name="Outside").bounding_box()["x"] < PHONE["width"]
    row = table.get_by_role("row").filter(has_text="Northamptonshire")
    assert row.get_by_role("cell").last.inner_text().startswith("1")
