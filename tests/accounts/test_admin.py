"""Django's admin is for administrators, and what it changes reaches the audit log."""

import pytest
from django.core.management import call_command

from antislavery.accounts.models import AuditEntry, Role, User
from antislavery.areas.models import AreaAlias, Organisation
from antislavery.areas.selectors import resolve

pytestmark = pytest.mark.django_db


def test_createsuperuser_makes_an_administrator_who_opens_the_admin(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long enough pass phrase 42")
    call_command("createsuperuser", "--no-input", username="ops@example.org",
                 email="ops@example.org", verbosity=0)
    operator = User.objects.get(username="ops@example.org")
    assert operator.role == Role.ADMINISTRATOR
    client.force_login(operator)
    assert client.get("/admin/").status_code == 200


def test_only_administrators_open_the_admin_whatever_their_flags(client, coordinator):
    coordinator.is_staff = True
    coordinator.save()
    coordinator.refresh_from_db()
    assert coordinator.is_staff is False
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_giving_someone_the_administrator_role_opens_the_admin_to_them(client, coordinator):
    coordinator.role = Role.ADMINISTRATOR
    coordinator.save(update_fields=["role"])
    coordinator.refresh_from_db()
    assert (coordinator.is_staff, coordinator.is_superuser) == (True, True)
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_a_change_made_in_the_admin_is_audited_with_before_and_after(
        client, administrator, areas):
    office = areas["kent"].office
    client.force_login(administrator)
    response = client.post(f"/admin/areas/organisation/{office.pk}/change/", {
        "slug": office.slug, "name": office.name, "short_name": office.short_name,
        "kind": office.kind, "area": office.area_id, "holder_name": "Named In Admin",
        "holder_title": office.holder_title, "contact_emails": office.contact_emails,
        "website": office.website})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.actor == administrator
    assert entry.area == areas["kent"]
    assert ("holder_name", "", "Named In Admin") in entry.changed_fields
    assert entry.note == "Changed in the admin site"


def test_an_alias_added_in_the_admin_is_audited_and_resolves(client, administrator, areas):
    area = areas["devon-and-cornwall"]
    aliases = list(area.aliases.all())
    data = {"slug": area.slug, "code": area.code, "name": area.name,
            "force_name": area.force_name, "country": area.country, "region": area.region,
            "territorial": "on", "governance": area.governance,
            "governance_note": area.governance_note, "has_vru": "on" if area.has_vru else "",
            "population": area.population or "", "population_year": area.population_year or "",
            "sources": area.sources,
            "aliases-TOTAL_FORMS": len(aliases) + 1, "aliases-INITIAL_FORMS": len(aliases),
            "aliases-MIN_NUM_FORMS": 0, "aliases-MAX_NUM_FORMS": 1000}
    for index, alias in enumerate(aliases):
        data |= {f"aliases-{index}-id": alias.pk, f"aliases-{index}-area": area.pk,
                 f"aliases-{index}-text": alias.text}
    data |= {f"aliases-{len(aliases)}-area": area.pk, f"aliases-{len(aliases)}-text": "Kernow"}
    client.force_login(administrator)

    response = client.post(f"/admin/areas/area/{area.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    alias = AreaAlias.objects.get(text="Kernow")
    entry = AuditEntry.objects.get(action="area_alias.create")
    assert entry.object_id == str(alias.pk)
    assert entry.after["text"] == "Kernow"
    assert resolve("Kernow").slug == "devon-and-cornwall"


def test_an_office_editor_without_an_office_is_refused_in_the_admin(client, administrator):
    client.force_login(administrator)
    response = client.post("/admin/accounts/user/add/", {
        "username": "new.editor@test.example", "email": "new.editor@test.example",
        "role": Role.OFFICE_EDITOR, "organisation": "", "usable_password": "true",
        "password1": "a long enough pass phrase 42", "password2": "a long enough pass phrase 42"})
    assert response.status_code == 200
    assert "need the office they work for" in response.content.decode()
    assert not User.objects.filter(username="new.editor@test.example").exists()
    assert not AuditEntry.objects.filter(action="user.create").exists()


def test_a_user_added_in_the_admin_is_audited_without_the_password(client, administrator,
                                                                   areas):
    office = Organisation.objects.get(area=areas["essex"])
    client.force_login(administrator)
    response = client.post("/admin/accounts/user/add/", {
        "username": "new.editor@test.example", "email": "new.editor@test.example",
        "role": Role.OFFICE_EDITOR, "organisation": office.pk, "usable_password": "true",
        "password1": "a long enough pass phrase 42", "password2": "a long enough pass phrase 42"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.create")
    assert entry.after["role"] == Role.OFFICE_EDITOR
    assert "password" not in entry.after


def test_the_user_pages_of_the_admin_offer_the_role_not_djangos_flags(client, administrator,
                                                                      essex_editor):
    client.force_login(administrator)
    change = client.get(f"/admin/accounts/user/{essex_editor.pk}/change/")
    add = client.get("/admin/accounts/user/add/")
    assert change.status_code == add.status_code == 200
    for page in (change, add):
        body = page.content.decode()
        assert 'name="role"' in body
        assert 'name="organisation"' in body
        assert 'name="is_superuser"' not in body
