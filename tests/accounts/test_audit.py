"""The audit log records before and after values and cannot be changed."""

import pytest

from antislavery.accounts import audit
from antislavery.accounts.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_and_the_values_before_and_after(areas, coordinator):
    office = areas["kent"].office
    before = audit.snapshot(office, ["holder_name"])
    office.holder_name = "Changed"
    entry = audit.record(coordinator, "organisation.update", office, before=before,
                         after=audit.snapshot(office, ["holder_name"]))
    entry.refresh_from_db()
    assert entry.actor == coordinator
    assert entry.actor_label == coordinator.username
    assert entry.object_repr == office.name
    assert entry.changed_fields == [("holder_name", "", "Changed")]


def test_an_audit_entry_cannot_be_changed_or_deleted(areas, coordinator):
    entry = audit.record(coordinator, "thing.happen", areas["kent"])
    entry.note = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(note="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).note == ""


def test_system_actions_are_recorded_as_system(areas):
    entry = audit.record(None, "area.create", areas["kent"])
    assert entry.actor is None
    assert entry.actor_label == "system"
    assert entry.area == areas["kent"]


def test_administrators_cannot_edit_audit_entries_in_the_admin(client, administrator, areas):
    entry = audit.record(None, "area.create", areas["kent"])
    client.force_login(administrator)
    response = client.post(f"/admin/accounts/auditentry/{entry.pk}/change/", {"note": "x"})
    assert response.status_code == 403
    assert client.post(f"/admin/accounts/auditentry/{entry.pk}/delete/",
                       {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_audit_log_page_says_when_the_installation_holds_demo_data(client, coordinator,
                                                                      areas):
    from django.urls import reverse

    from antislavery.core.demo_state import mark_demo_loaded

    client.force_login(coordinator)
    assert "This page shows demonstration data" not in client.get(
        reverse("accounts:audit")).content.decode()
    mark_demo_loaded()
    assert "This page shows demonstration data" in client.get(
        reverse("accounts:audit")).content.decode()
