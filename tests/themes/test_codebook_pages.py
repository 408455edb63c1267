"""The codebook in the database: seeded from the packaged file, readable by all, extended by
coordinators without a code change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from antislavery.accounts.models import AuditEntry
from antislavery.errors import Conflict, NotPermitted, ToolkitError
from antislavery.themes import selectors, services
from antislavery.themes.models import CodebookEntry

from .test_codebook import FACET_VALUES, THEME_CODES

pytestmark = pytest.mark.django_db

NEW_CODE = {"kind": "theme", "group": "response", "facet": "", "code": "online_recruitment",
            "label": "Online recruitment",
            "definition": "Exploiters finding victims through social media and job sites."}


def test_migrations_load_every_packaged_code():
    book = selectors.current_codebook()

    assert list(book.themes) == THEME_CODES
    assert {name: list(f.values) for name, f in book.facets.items()} == FACET_VALUES
    assert CodebookEntry.objects.filter(builtin=True).count() == 13 + 22


def test_syncing_again_changes_nothing():
    assert services.sync_builtin_codebook() == 0
    assert CodebookEntry.objects.count() == 35


def test_anyone_can_read_the_codebook(client):
    page = client.get(reverse("themes:codebook"))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Holding the force to account" in html
    assert "victim_engagement" in html
    assert "Add a code" not in html


def test_coordinator_adds_a_theme_through_the_page(client, coordinator):
    client.force_login(coordinator)

    page = client.post(reverse("themes:code-add"), NEW_CODE)

    assert page.status_code == 302
    entry = CodebookEntry.objects.get(code="online_recruitment")
    assert not entry.builtin
    assert entry.created_by == coordinator
    assert "online_recruitment" in selectors.current_codebook().themes
    assert AuditEntry.objects.filter(action="codebook.add", object_id=str(entry.pk)).exists()
    assert "Online recruitment" in client.get(reverse("themes:codebook")).content.decode()


def test_coordinator_adds_a_facet_value(coordinator):
    services.add_code(actor=coordinator, kind="facet_value", facet="exploitation",
                      code="forced_marriage", label="Forced marriage",
                      definition="Marriage without free consent, with exploitation.")

    assert "forced_marriage" in selectors.current_codebook().facets["exploitation"].values


def test_a_theme_needs_a_group_and_nothing_is_added(client, coordinator):
    client.force_login(coordinator)

    page = client.post(reverse("themes:code-add"), {**NEW_CODE, "group": ""})

    assert page.status_code == 400
    assert "Choose the group the theme belongs to." in page.content.decode()
    assert not CodebookEntry.objects.filter(code="online_recruitment").exists()


@pytest.mark.parametrize("code", ["Online", "x", "online-recruitment", "9lives"])
def test_a_malformed_code_is_refused(coordinator, code):
    with pytest.raises(ToolkitError, match="lower-case letters, digits or underscores"):
        services.add_code(actor=coordinator, **{**NEW_CODE, "code": code})

    assert CodebookEntry.objects.count() == 35


def test_an_existing_code_is_refused(coordinator):
    with pytest.raises(Conflict, match="covid is already in the codebook"):
        services.add_code(actor=coordinator, **{**NEW_CODE, "code": "covid"})


def test_office_editors_cannot_add_codes(client, essex_editor):
    client.force_login(essex_editor)

    page = client.post(reverse("themes:code-add"), NEW_CODE)

    assert page.status_code == 403
    assert not CodebookEntry.objects.filter(code="online_recruitment").exists()
    with pytest.raises(NotPermitted):
        services.add_code(actor=essex_editor, **NEW_CODE)


def test_the_public_is_sent_to_sign_in_to_add_a_code(client):
    page = client.get(reverse("themes:code-add"))

    assert page.status_code == 302
    assert "sign-in" in page["Location"]
