"""An office editor closes a gap: adding support before the NRM removes that finding."""

import pytest

from tests import factories
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def finding(page, title):
    return page.get_by_role("heading", name=title, level=3)


def test_editor_adds_support_before_the_nrm_and_the_gap_list_loses_it(page, areas):
    # given an Essex office editor looking at Essex's gaps, which lack support before the NRM
    editor = factories.office_user(areas["essex"])
    sign_in(page, editor.username)
    page.goto("/provision/gaps/essex/")
    assert finding(page, "No support before a referral to the NRM").is_visible()
    assert finding(page, "No support after an NRM decision").is_visible()

    # when the editor adds a running entry covering "before the NRM"
    page.get_by_role("link", name="Add an entry").click()
    page.get_by_label("Title").fill("Reception support at first contact")
    page.get_by_label("Kind of intervention").select_option(label="A dedicated post "
                                                            "(navigator, advocate, "
                                                            "coordinator, liaison officer)")
    page.get_by_role("group", name="Stages of the NRM covered").get_by_label(
        "Before a referral", exact=False).check()
    page.get_by_role("group", name="Status").get_by_label("Running").check()
    page.get_by_role("button", name="Save entry").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Reception support at first contact")

    # then the area's gap list no longer has that finding, and still has the others
    page.get_by_role("link", name="Gaps in provision for Essex").click()
    assert finding(page, "No support before a referral to the NRM").count() == 0
    assert finding(page, "No support after an NRM decision").is_visible()
    assert page.get_by_text("Checked against 1 running or pilot entry").is_visible()


def test_public_visitor_never_sees_a_private_entry_in_the_register(page, areas):
    # given a private and a public entry for Essex
    from tests.provision.factories import entry

    entry(areas["essex"], title="Public navigator")
    entry(areas["essex"], title="Private safe house", public=False)
    # when a signed-out visitor searches the register
    page.goto("/provision/")
    page.get_by_label("Search").fill("safe house")
    page.get_by_role("button", name="Apply filters").click()
    # then nothing is found, and the full list shows only the public entry
    assert page.get_by_text("0 entries").is_visible()
    page.goto("/provision/")
    assert page.get_by_role("link", name="Public navigator").is_visible()
    assert page.get_by_role("link", name="Private safe house").count() == 0
