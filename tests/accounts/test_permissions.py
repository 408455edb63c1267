"""Who may do what: the permission module, and the pages that ask it."""

import html

import pytest
from django.urls import reverse

from antislavery.accounts import permissions
from antislavery.accounts.models import AuditEntry, Role
from antislavery.areas.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def test_office_editor_may_edit_only_their_own_area(areas, essex_editor):
    assert permissions.can_edit_for_area(essex_editor, areas["essex"])
    assert not permissions.can_edit_for_area(essex_editor, areas["surrey"])


def test_office_viewer_may_read_but_not_edit_their_area(areas, essex_viewer):
    assert permissions.can_view_private(essex_viewer, areas["essex"])
    assert not permissions.can_edit_for_area(essex_viewer, areas["essex"])
    assert not permissions.can_view_private(essex_viewer, areas["surrey"])


def test_coordinator_reads_every_area_but_does_not_write_for_an_office(areas, coordinator):
    assert permissions.can_view_private(coordinator, areas["surrey"])
    assert not permissions.can_edit_for_area(coordinator, areas["surrey"])
    assert permissions.can_view_audit(coordinator)


def test_public_may_do_nothing_private(areas):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not permissions.can_view_private(anonymous, areas["essex"])
    assert not permissions.can_edit_for_area(anonymous, areas["essex"])
    assert not permissions.can_view_audit(anonymous)


def test_a_deactivated_editor_loses_every_permission(areas, essex_editor):
    essex_editor.is_active = False
    essex_editor.save()
    assert not permissions.can_edit_for_area(essex_editor, areas["essex"])


def test_office_staff_must_belong_to_an_organisation(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.UserFactory(role=Role.OFFICE_EDITOR, organisation=None)


def test_editor_of_one_area_gets_403_on_another_areas_edit_page_and_it_is_audited(
        client, areas, essex_editor):
    client.force_login(essex_editor)
    office = areas["surrey"].office
    before = office.holder_name

    response = client.post(reverse("areas:office-edit", args=["surrey"]),
                           {"holder_name": "Intruder", "holder_title": "x",
                            "contact_emails": "", "website": ""})

    assert response.status_code == 403
    assert "Only editors in the office for Surrey can change this." in response.content.decode()
    office.refresh_from_db()
    assert office.holder_name == before
    entry = AuditEntry.objects.get(action="access.denied")
    assert entry.actor == essex_editor
    assert entry.path == "POST /areas/surrey/office/edit/"


def test_editor_of_one_area_gets_403_on_another_areas_edit_form(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.get(reverse("areas:office-edit", args=["surrey"]))
    assert response.status_code == 403
    assert AuditEntry.objects.filter(action="access.denied", actor=essex_editor).count() == 1


def test_signed_out_visitor_is_sent_to_sign_in_from_an_edit_page(client, areas):
    response = client.get(reverse("areas:office-edit", args=["essex"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_signed_out_visitor_sees_no_audit_log(client, areas, essex_editor):
    client.force_login(essex_editor)
    client.post(reverse("areas:office-edit", args=["essex"]),
                {"holder_name": "Private Name", "holder_title": "t", "contact_emails": "",
                 "website": ""})
    client.logout()
    response = client.get(reverse("accounts:audit"))
    assert response.status_code == 302
    assert b"Private Name" not in response.content


def test_office_viewer_gets_403_on_the_audit_log(client, essex_viewer):
    client.force_login(essex_viewer)
    assert client.get(reverse("accounts:audit")).status_code == 403


def test_editor_saves_their_own_office_and_the_audit_log_keeps_before_and_after(
        client, areas, essex_editor, coordinator):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:office-edit", args=["essex"]), {
        "holder_name": "New Commissioner", "holder_title": "PFCC for Essex",
        "contact_emails": "office@essex.test.example\nsecond@essex.test.example",
        "website": "essex.pfcc.test.example"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.before["holder_name"] == ""
    assert entry.after["holder_name"] == "New Commissioner"
    assert entry.after["website"] == "https://essex.pfcc.test.example"
    assert entry.area == areas["essex"]
    # and a coordinator sees the change in the audit log page
    client.force_login(coordinator)
    page = client.get(reverse("accounts:audit"), {"action": "organisation"}).content.decode()
    assert "New Commissioner" in page


def test_office_form_refuses_a_bad_email_and_changes_nothing(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:office-edit", args=["essex"]), {
        "holder_name": "Someone", "holder_title": "", "contact_emails": "not-an-address",
        "website": ""})
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert "There is a problem" in body
    assert "'not-an-address' is not an email address" in body
    assert Organisation.objects.get(area=areas["essex"]).holder_name == ""
    assert not AuditEntry.objects.filter(action="organisation.update").exists()


def test_forged_post_without_csrf_token_is_refused(areas, essex_editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(essex_editor)
    response = strict.post(reverse("areas:office-edit", args=["essex"]),
                           {"holder_name": "Forged"})
    assert response.status_code == 403
    assert Organisation.objects.get(area=areas["essex"]).holder_name == ""
