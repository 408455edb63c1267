"""The returns rules of accounts/permissions (returns.py), rule by rule."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from antislavery.accounts import permissions
from antislavery.errors import InvalidTransition
from antislavery.returns import services
from tests.returns import factories

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_draft_request_is_seen_only_by_its_managers(apcc_coordinator, iasc_coordinator,
                                                    administrator, essex_editor):
    request = factories.draft_request(apcc_coordinator)

    assert permissions.can_view_request(apcc_coordinator, request)
    assert permissions.can_view_request(administrator, request)
    assert not permissions.can_view_request(iasc_coordinator, request)
    assert not permissions.can_view_request(essex_editor, request)
    assert not permissions.can_view_request(PUBLIC, request)


def test_other_bodies_coordinators_track_but_do_not_manage(issued, iasc_coordinator):
    assert permissions.can_view_request(PUBLIC, issued)
    assert permissions.can_track_request(iasc_coordinator, issued)
    assert not permissions.can_manage_request(iasc_coordinator, issued)
    assert not permissions.can_track_request(PUBLIC, issued)


def test_only_the_area_editors_write_its_response(essex_response, essex_editor, essex_viewer,
                                                  surrey_editor, administrator,
                                                  apcc_coordinator):
    assert permissions.can_edit_response(essex_editor, essex_response)
    for other in (essex_viewer, surrey_editor, administrator, apcc_coordinator, PUBLIC):
        assert not permissions.can_edit_response(other, essex_response)


def test_a_draft_stays_in_its_office(essex_response, essex_editor, essex_viewer,
                                     surrey_editor, apcc_coordinator, administrator):
    services.save_answers(response=essex_response, actor=essex_editor, consent=True,
                          answers=factories.answer_text("Draft"), based_on=0)
    essex_response.refresh_from_db()

    assert permissions.can_view_response(essex_viewer, essex_response)
    for outsider in (surrey_editor, apcc_coordinator, administrator, PUBLIC):
        assert not permissions.can_view_response(outsider, essex_response)


def test_submitted_response_reaches_coordinators_not_the_public(essex_response, essex_editor,
                                                                apcc_coordinator,
                                                                iasc_coordinator,
                                                                surrey_editor):
    services.save_answers(response=essex_response, actor=essex_editor, consent=True,
                          answers=factories.answer_text("Done"), based_on=0)
    services.submit_response(response=essex_response, actor=essex_editor, based_on=1)
    essex_response.refresh_from_db()

    assert permissions.can_view_response(apcc_coordinator, essex_response)
    assert permissions.can_view_response(iasc_coordinator, essex_response)
    assert not permissions.can_view_response(surrey_editor, essex_response)
    assert not permissions.can_view_response(PUBLIC, essex_response)
    assert permissions.can_review_response(apcc_coordinator, essex_response)
    assert not permissions.can_review_response(iasc_coordinator, essex_response)


def test_public_sees_a_published_response_only_when_the_request_publishes(
        apcc_coordinator, three_areas, essex_editor):
    request = factories.issued_request(apcc_coordinator, areas=three_areas, publish=False)
    response = request.responses.get(area__slug="essex")
    services.save_answers(response=response, actor=essex_editor, consent=True,
                          answers=factories.answer_text("Done"), based_on=0)
    services.submit_response(response=response, actor=essex_editor, based_on=1)
    services.accept_response(response=response, actor=apcc_coordinator)

    with pytest.raises(InvalidTransition, match="does not publish"):
        services.publish_response(response=response, actor=apcc_coordinator)
    response.refresh_from_db()
    assert not permissions.is_public_response(response)


def test_admin_lists_responses_and_versions_but_cannot_change_or_delete_them(
        client, administrator, essex_response, essex_editor):
    services.save_answers(response=essex_response, actor=essex_editor, consent=False,
                          answers=factories.answer_text("Kept"), based_on=0)
    version = essex_response.versions.get()
    client.force_login(administrator)

    assert client.get("/admin/returns/responseversion/").status_code == 200
    assert client.get("/admin/returns/response/").status_code == 200
    assert client.post(f"/admin/returns/responseversion/{version.pk}/delete/",
                       {"post": "yes"}).status_code == 403
    assert essex_response.versions.count() == 1
