"""Links from requests to their analysis and report, the reports in the navigation, and the
area page's list of requests as each viewer may see it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from antislavery.accounts.models import Role
from antislavery.reports.services import publish_report, start_report
from antislavery.returns import services
from antislavery.returns.models import Response
from tests import factories as shared
from tests.returns import factories

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def respond(request, area, *, text="We fund two navigators.", submit=True):
    """The area's office saves (and submits) an answer agreeing to publication."""
    response = Response.objects.get(request=request, area=area)
    editor = shared.office_user(area)
    services.save_answers(response=response, actor=editor, consent=True, based_on=0,
                          answers=factories.answer_text(text))
    response.refresh_from_db()
    if submit:
        services.submit_response(response=response, actor=editor,
                                 based_on=response.version_number)
        response.refresh_from_db()
    return response


def published(request, area, coordinator):
    response = respond(request, area)
    services.accept_response(response=response, actor=coordinator)
    return services.publish_response(response=response, actor=coordinator)


# --- the request page -------------------------------------------------------------------------


def test_request_page_links_its_coordinators_to_the_analysis_and_the_report(
        client, apcc_coordinator, issued):
    client.force_login(apcc_coordinator)

    html = page(client, issued.get_absolute_url())

    assert f'href="{reverse("themes:analysis", args=[issued.slug])}"' in html
    assert f'href="{reverse("reports:collated", args=[issued.slug])}"' in html
    assert "Analyse and code the responses" in html


def test_request_page_links_other_national_coordinators_to_the_analysis(
        client, iasc_coordinator, issued):
    client.force_login(iasc_coordinator)

    html = page(client, issued.get_absolute_url())

    assert f'href="{reverse("themes:analysis", args=[issued.slug])}"' in html


def test_public_and_offices_get_no_analysis_link_and_no_report_until_it_is_published(
        client, apcc_coordinator, issued, areas):
    analysis = reverse("themes:analysis", args=[issued.slug])
    report_url = reverse("reports:collated", args=[issued.slug])
    start_report(request=issued, actor=apcc_coordinator)
    for viewer in (None, shared.office_user(areas["essex"])):
        if viewer:
            client.force_login(viewer)
        html = page(client, issued.get_absolute_url())
        assert analysis not in html
        assert report_url not in html
    # when the report is published, everyone is linked to it
    publish_report(report=issued.collated_report, actor=apcc_coordinator)
    client.logout()
    html = page(client, issued.get_absolute_url())
    assert f'href="{report_url}"' in html
    assert analysis not in html


def test_a_draft_request_links_to_no_analysis(client, apcc_coordinator, areas):
    draft = factories.draft_request(apcc_coordinator, areas=[areas["essex"]])
    client.force_login(apcc_coordinator)

    html = page(client, draft.get_absolute_url())

    assert reverse("themes:analysis", args=[draft.slug]) not in html


# --- the navigation ---------------------------------------------------------------------------


def test_reports_are_in_the_navigation_for_coordinators_only(client, apcc_coordinator, areas):
    reports = f'href="{reverse("reports:index")}"'
    assert reports not in page(client, "/")
    client.force_login(shared.office_user(areas["essex"]))
    assert reports not in page(client, "/")
    client.force_login(apcc_coordinator)
    home = page(client, "/")
    assert re.search(r'href="/reports/">\s*Reports\s*</a>', home)


# --- the area page ----------------------------------------------------------------------------


@pytest.fixture
def essex_page(areas):
    return reverse("areas:detail", args=["essex"])


def test_area_page_shows_the_public_only_published_responses(
        client, apcc_coordinator, issued, areas, essex_page):
    # given Essex published, and a second request to which Essex has only a draft
    published(issued, areas["essex"], apcc_coordinator)
    other = factories.issued_request(apcc_coordinator, areas=[areas["essex"]],
                                     title="Language support")
    respond(other, areas["essex"], submit=False)
    # when the public reads the area page
    html = page(client, essex_page)
    # then it lists the published response and nothing of the draft
    assert "National requests" in html
    assert f'href="{reverse("returns:response", args=[issued.slug, "essex"])}"' in html
    assert "Language support" not in html
    assert "Draft" not in html


def test_area_page_has_no_requests_section_for_the_public_when_nothing_is_published(
        client, issued, essex_page):
    assert "National requests" not in page(client, essex_page)


def test_area_page_shows_coordinators_each_requests_response_state(
        client, apcc_coordinator, issued, areas, essex_page):
    # given Essex submitted to one request and has a draft for another
    respond(issued, areas["essex"])
    other = factories.issued_request(apcc_coordinator, areas=[areas["essex"]],
                                     title="Language support")
    respond(other, areas["essex"], text="Draft words kept in the office.", submit=False)
    client.force_login(apcc_coordinator)
    # when a coordinator reads the area page
    html = page(client, essex_page)
    # then both requests show with their states; only the submitted one opens the response
    assert "Support outside the NRM" in html
    assert "Language support" in html
    assert ">Submitted</strong>" in html
    assert ">Draft</strong>" in html
    assert f'href="{reverse("returns:response", args=[issued.slug, "essex"])}"' in html
    assert f'href="{reverse("returns:response", args=[other.slug, "essex"])}"' not in html
    assert f'href="{other.get_absolute_url()}"' in html
    assert "Draft words kept in the office." not in html


def test_area_page_shows_an_office_its_own_tasks_but_another_office_only_published(
        client, apcc_coordinator, issued, areas, essex_page):
    respond(issued, areas["essex"], submit=False)
    client.force_login(shared.office_user(areas["essex"], role=Role.OFFICE_VIEWER))
    html = page(client, essex_page)
    assert "Requests for your office" in html
    assert ">Draft</strong>" in html
    client.force_login(shared.office_user(areas["surrey"]))
    assert "National requests" not in page(client, essex_page)
