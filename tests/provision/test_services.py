"""Changing entries: versions, audit, permissions, ending, withdrawing, drafting from a passage."""

from __future__ import annotations

import datetime

import pytest

from antislavery.accounts.models import AuditEntry, Role
from antislavery.errors import InvalidTransition, NotPermitted
from antislavery.provision import services
from antislavery.provision.fields import EntryFields
from antislavery.provision.models import Entry, EntryVersion
from tests import factories as shared
from tests.provision.factories import entry, fields

pytestmark = pytest.mark.django_db


def counts():
    return (Entry.objects.count(), EntryVersion.objects.count(),
            AuditEntry.objects.filter(action__startswith="provision.").count())


def test_office_editor_creates_an_entry_with_first_version_and_audit(areas, essex_editor):
    made = services.create_entry(actor=essex_editor, area=areas["essex"], data=fields(
        title="  Victim  navigators ", kind="Specialist post",
        nrm_stages=["after_nrm", "before_nrm"], languages=["romanian", "Romanian"]))
    assert made.title == "Victim navigators"
    assert made.kind == "specialist_post"
    assert made.nrm_stages == ["before_nrm", "after_nrm"]
    assert made.languages == ["Romanian"]
    assert list(made.areas.all()) == [areas["essex"]]
    (version,) = made.versions.all()
    assert (version.number, version.action, version.created_by) == (1, "create", essex_editor)
    assert version.data["title"] == "Victim navigators"
    assert version.data["areas"] == ["essex"]
    audit = AuditEntry.objects.get(action="provision.create")
    assert audit.actor == essex_editor
    assert audit.area == areas["essex"]
    assert audit.after["title"] == "Victim navigators"


def test_regional_entry_covers_several_areas(areas, coordinator):
    made = entry(areas["leicestershire"], other_areas=[areas["lincolnshire"],
                                                        areas["nottinghamshire"]])
    assert {a.slug for a in made.areas.all()} == {"leicestershire", "lincolnshire",
                                                   "nottinghamshire"}
    assert made.area == areas["leicestershire"]
    assert made.versions.get().data["areas"] == ["leicestershire", "lincolnshire",
                                                  "nottinghamshire"]


@pytest.mark.parametrize("who", ["surrey_editor", "essex_viewer", "coordinator"])
def test_only_the_areas_editors_may_add_its_entries(request, areas, who):
    actor = request.getfixturevalue(who)
    before = counts()
    with pytest.raises(NotPermitted, match="Only editors in the office for Essex"):
        services.create_entry(actor=actor, area=areas["essex"], data=fields())
    assert counts() == before


def test_invalid_values_name_every_problem_and_change_nothing(areas, essex_editor):
    before = counts()
    bad = fields(title="", kind="navigator", nrm_stages=["sometime"], status="paused",
                 evaluation="published", start=datetime.date(2025, 2, 1),
                 end=datetime.date(2025, 1, 1))
    with pytest.raises(services.EntryInvalid) as caught:
        services.create_entry(actor=essex_editor, area=areas["essex"], data=bad)
    problem_fields = [name for name, _message in caught.value.problems]
    assert problem_fields == ["title", "kind", "nrm_stages", "status", "evaluation_url", "end"]
    assert "'navigator' is not a kind of intervention" in caught.value.message
    assert counts() == before


def test_change_saves_a_new_version_with_before_and_after(areas, essex_editor):
    made = entry(areas["essex"], actor=essex_editor, title="Navigator")
    data = EntryFields.from_entry(made)
    version = services.update_entry(
        actor=essex_editor, entry=made,
        data=EntryFields(**{**data.__dict__, "status": "pilot", "title": "Navigators"}))
    assert version.number == 2
    assert made.versions.count() == 2
    first = made.versions.get(number=1)
    assert (first.data["title"], version.data["title"]) == ("Navigator", "Navigators")
    audit = AuditEntry.objects.get(action="provision.change")
    assert audit.before["status"] == "running"
    assert audit.after["status"] == "pilot"


def test_saving_unchanged_values_makes_no_version(areas, essex_editor):
    made = entry(areas["essex"], actor=essex_editor, other_areas=[areas["kent"]])
    before = counts()
    assert services.update_entry(actor=essex_editor, entry=made,
                                 data=EntryFields.from_entry(made)) is None
    assert counts() == before


def test_another_office_cannot_change_an_entry(areas, surrey_editor):
    made = entry(areas["essex"])
    before = counts()
    with pytest.raises(NotPermitted):
        services.update_entry(actor=surrey_editor, entry=made,
                              data=fields(title="Taken over"))
    made.refresh_from_db()
    assert made.title != "Taken over"
    assert counts() == before


def test_end_marks_the_entry_ended_and_keeps_it(areas, essex_editor):
    made = entry(areas["essex"], start=datetime.date(2024, 1, 1))
    services.end_entry(actor=essex_editor, entry=made, end=datetime.date(2025, 3, 31),
                       note="Contract finished")
    made.refresh_from_db()
    assert (made.status, made.end) == ("ended", datetime.date(2025, 3, 31))
    assert made.versions.first().action == "end"
    assert AuditEntry.objects.filter(action="provision.end").count() == 1
    with pytest.raises(InvalidTransition, match="already ended"):
        services.end_entry(actor=essex_editor, entry=made, end=datetime.date(2025, 4, 1))


def test_end_before_the_start_is_refused(areas, essex_editor):
    made = entry(areas["essex"], start=datetime.date(2024, 1, 1))
    before = counts()
    with pytest.raises(services.EntryInvalid, match="on or after the start"):
        services.end_entry(actor=essex_editor, entry=made, end=datetime.date(2023, 1, 1))
    assert counts() == before


def test_withdraw_keeps_the_entry_on_record_and_refuses_further_change(areas, essex_editor):
    made = entry(areas["essex"])
    services.withdraw_entry(actor=essex_editor, entry=made, reason="Entered twice")
    made.refresh_from_db()
    assert made.is_withdrawn
    assert made.withdrawn_reason == "Entered twice"
    assert Entry.objects.filter(pk=made.pk).exists()
    assert made.versions.first().data["withdrawn_reason"] == "Entered twice"
    with pytest.raises(InvalidTransition, match="withdrawn entry cannot be changed"):
        services.update_entry(actor=essex_editor, entry=made, data=fields())
    with pytest.raises(InvalidTransition, match="already been withdrawn"):
        services.withdraw_entry(actor=essex_editor, entry=made, reason="again")


def test_withdraw_needs_a_reason(areas, essex_editor):
    made = entry(areas["essex"])
    before = counts()
    with pytest.raises(services.EntryInvalid, match="Say why"):
        services.withdraw_entry(actor=essex_editor, entry=made, reason="  ")
    assert counts() == before


def test_entries_and_versions_cannot_be_deleted_or_rewritten(areas):
    made = entry(areas["essex"])
    version = made.versions.get()
    with pytest.raises(PermissionError):
        made.delete()
    with pytest.raises(PermissionError):
        Entry.objects.all().delete()
    with pytest.raises(PermissionError):
        version.save()
    with pytest.raises(PermissionError):
        EntryVersion.objects.update(note="rewritten")
    with pytest.raises(PermissionError):
        version.delete()
    assert EntryVersion.objects.count() == 1


# --- a passage of a response becomes a draft entry ---

CAMBRIDGESHIRE = (
    "Cambridgeshire has a Lithuanian and a Romanian-speaking member of staff, so the victim "
    "hub can support potential victims in their own language before they enter the NRM."
)


def test_coordinator_drafts_an_entry_from_a_passage_in_one_step(areas, coordinator):
    made = services.draft_entry_from_text(
        actor=coordinator, area=areas["cambridgeshire"], text=CAMBRIDGESHIRE,
        source_label="APCC update, languages", source_url="/requests/1/responses/7#p3")
    assert made.draft
    assert not made.public
    assert made.status == "planned"
    assert made.area == areas["cambridgeshire"]
    assert made.summary == CAMBRIDGESHIRE
    assert made.title.startswith("Cambridgeshire has a Lithuanian")
    assert made.kind == "specialist_post"
    assert made.languages == ["Lithuanian", "Romanian"]
    assert "before_nrm" in made.nrm_stages
    assert made.source_label == "APCC update, languages"
    assert made.source_url == "/requests/1/responses/7#p3"
    assert made.versions.get().action == "draft"
    assert AuditEntry.objects.filter(action="provision.draft", actor=coordinator).exists()


def test_a_draft_does_not_count_until_the_office_saves_it(areas, coordinator):
    editor = shared.office_user(areas["cambridgeshire"])
    made = services.draft_entry_from_text(actor=coordinator, area=areas["cambridgeshire"],
                                          text=CAMBRIDGESHIRE, source_label="", source_url="")
    assert not made.counts_as_provision
    data = EntryFields.from_entry(made)
    services.update_entry(actor=editor, entry=made,
                          data=EntryFields(**{**data.__dict__, "status": "running"}))
    made.refresh_from_db()
    assert not made.draft
    assert made.counts_as_provision


def test_another_office_cannot_draft_for_an_area(areas, essex_editor):
    before = counts()
    with pytest.raises(NotPermitted):
        services.draft_entry_from_text(actor=essex_editor, area=areas["cambridgeshire"],
                                       text=CAMBRIDGESHIRE, source_label="", source_url="")
    assert counts() == before


def test_an_empty_passage_is_refused(areas, coordinator):
    before = counts()
    with pytest.raises(services.EntryInvalid, match="passage is empty"):
        services.draft_entry_from_text(actor=coordinator, area=areas["essex"], text="  ",
                                       source_label="", source_url="")
    assert counts() == before


def test_office_viewer_role_cannot_draft(areas):
    viewer = shared.office_user(areas["essex"], role=Role.OFFICE_VIEWER)
    with pytest.raises(NotPermitted):
        services.draft_entry_from_text(actor=viewer, area=areas["essex"], text="A fund.",
                                       source_label="", source_url="")
