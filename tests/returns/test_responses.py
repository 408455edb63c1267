"""A response's states, versions and conflicts, through the services."""

from __future__ import annotations

import pytest

from antislavery.accounts.models import AuditEntry
from antislavery.errors import Conflict, InvalidTransition, NotPermitted, ToolkitError
from antislavery.returns import services
from antislavery.returns.models import Response, ResponseVersion
from tests.returns import factories

pytestmark = pytest.mark.django_db


def _save(response, user, text, based_on, consent=True):
    return services.save_answers(response=response, actor=user,
                                 answers=factories.answer_text(text), consent=consent,
                                 based_on=based_on)


def test_first_save_makes_version_one_and_a_draft(essex_response, essex_editor):
    version = _save(essex_response, essex_editor, "We fund a navigator.", 0)

    essex_response.refresh_from_db()
    assert version.number == 1
    assert version.kind == ResponseVersion.Kind.SAVED
    assert essex_response.state == Response.State.DRAFT
    assert essex_response.current_version == version
    assert version.answers == {"q1": {"text": "We fund a navigator."}}


def test_every_save_is_kept(essex_response, essex_editor):
    _save(essex_response, essex_editor, "First.", 0)
    _save(essex_response, essex_editor, "Second.", 1)

    texts = [v.answers["q1"]["text"] for v in essex_response.versions.order_by("number")]
    assert texts == ["First.", "Second."]


def test_stale_save_is_refused_and_its_text_is_kept_as_a_conflict_version(
        essex_response, essex_editor, areas):
    from tests import factories as shared

    colleague = shared.office_user(areas["essex"])
    _save(essex_response, essex_editor, "Colleague A's text.", 0)

    with pytest.raises(Conflict) as caught:
        _save(essex_response, colleague, "Colleague B's text.", 0)

    assert "Nothing was overwritten" in caught.value.message
    assert caught.value.kept.kind == ResponseVersion.Kind.CONFLICT
    essex_response.refresh_from_db()
    assert essex_response.version_number == 1
    assert essex_response.current_version.answers["q1"]["text"] == "Colleague A's text."
    assert sorted(v.answers["q1"]["text"] for v in essex_response.versions.all()) == [
        "Colleague A's text.", "Colleague B's text."]
    assert AuditEntry.objects.filter(action="response.save_conflict").count() == 1


def test_versions_cannot_be_changed_or_deleted(essex_response, essex_editor):
    version = _save(essex_response, essex_editor, "Kept.", 0)

    with pytest.raises(PermissionError):
        version.save()
    with pytest.raises(PermissionError):
        version.delete()
    with pytest.raises(PermissionError):
        ResponseVersion.objects.all().update(note="changed")
    with pytest.raises(PermissionError):
        ResponseVersion.objects.all().delete()
    assert ResponseVersion.objects.get().answers == {"q1": {"text": "Kept."}}


def test_other_office_cannot_save(essex_response, surrey_editor):
    with pytest.raises(NotPermitted, match="Only editors in the office for Essex"):
        _save(essex_response, surrey_editor, "Not ours.", 0)
    assert essex_response.versions.count() == 0


def test_office_viewer_cannot_save(essex_response, essex_viewer):
    with pytest.raises(NotPermitted):
        _save(essex_response, essex_viewer, "Viewer text.", 0)
    assert essex_response.versions.count() == 0


def test_submit_needs_every_required_answer(apcc_coordinator, three_areas, essex_editor):
    request = factories.issued_request(apcc_coordinator, areas=three_areas, kinds=True)
    response = request.responses.get(area__slug="essex")
    _save(response, essex_editor, "Only the first.", 0)

    with pytest.raises(ToolkitError) as caught:
        services.submit_response(response=response, actor=essex_editor, based_on=1)

    assert caught.value.message == (
        "Answer every question before submitting. Not yet answered: “Can victims who decline "
        "the NRM get support?”; “Which stages does your support reach?”.")
    assert "Specialist posts funded" not in caught.value.message
    response.refresh_from_db()
    assert response.state == Response.State.DRAFT


def test_answers_of_each_kind_are_checked_and_kept(apcc_coordinator, three_areas,
                                                   essex_editor):
    request = factories.issued_request(apcc_coordinator, areas=three_areas, kinds=True)
    response = request.responses.get(area__slug="essex")

    version = services.save_answers(response=response, actor=essex_editor, consent=True,
                                    based_on=0, answers={
        "q1": {"text": "Para one.\n\n* bullet"},
        "q2": {"choice": "yes", "text": "Through Victim Support."},
        "q3": {"choice": ["Before referral", "Outside the NRM"]},
        "q4": {"number": "2"},
    })

    assert version.answers == {
        "q1": {"text": "Para one.\n\n- bullet"},
        "q2": {"choice": "yes", "text": "Through Victim Support."},
        "q3": {"choice": ["Before referral", "Outside the NRM"]},
        "q4": {"number": "2"},
    }
    services.submit_response(response=response, actor=essex_editor, based_on=1)
    response.refresh_from_db()
    assert response.state == Response.State.SUBMITTED


@pytest.mark.parametrize(("answer", "message"), [
    ({"q2": {"choice": "maybe"}}, "with yes or no"),
    ({"q3": {"choice": ["Somewhere else"]}}, "Choose from the options"),
    ({"q4": {"number": "two"}}, "must be a number"),
])
def test_invalid_answers_are_refused_and_nothing_is_saved(apcc_coordinator, three_areas,
                                                          essex_editor, answer, message):
    request = factories.issued_request(apcc_coordinator, areas=three_areas, kinds=True)
    response = request.responses.get(area__slug="essex")

    with pytest.raises(ToolkitError, match=message):
        services.save_answers(response=response, actor=essex_editor, answers=answer,
                              consent=False, based_on=0)
    assert response.versions.count() == 0


def test_the_whole_cycle_moves_through_every_state(essex_response, essex_editor,
                                                   apcc_coordinator):
    _save(essex_response, essex_editor, "Draft.", 0)
    services.submit_response(response=essex_response, actor=essex_editor, based_on=1)
    services.return_response(response=essex_response, actor=apcc_coordinator,
                             note="Add accommodation.")
    essex_response.refresh_from_db()
    _save(essex_response, essex_editor, "Draft with accommodation.", 2)
    services.submit_response(response=essex_response, actor=essex_editor, based_on=3)
    services.accept_response(response=essex_response, actor=apcc_coordinator)
    services.publish_response(response=essex_response, actor=apcc_coordinator)
    services.withdraw_response(response=essex_response, actor=apcc_coordinator,
                               reason="The office asked.")

    essex_response.refresh_from_db()
    assert essex_response.state == Response.State.WITHDRAWN
    assert essex_response.withdrawn_reason == "The office asked."
    assert [v.kind for v in essex_response.versions.order_by("number")] == [
        "saved", "submitted", "saved", "submitted"]
    actions = list(AuditEntry.objects.filter(object_id=str(essex_response.pk),
                                             action__startswith="response.")
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["response.save", "response.submit", "response.return", "response.save",
                       "response.submit", "response.accept", "response.publish",
                       "response.withdraw"]


@pytest.mark.parametrize("move", ["accept", "publish", "return"])
def test_reviewing_a_draft_is_an_invalid_transition(essex_response, essex_editor,
                                                    apcc_coordinator, move):
    _save(essex_response, essex_editor, "Draft.", 0)
    call = {"accept": lambda: services.accept_response(response=essex_response,
                                                       actor=apcc_coordinator),
            "publish": lambda: services.publish_response(response=essex_response,
                                                         actor=apcc_coordinator),
            "return": lambda: services.return_response(response=essex_response,
                                                       actor=apcc_coordinator, note="x")}[move]
    with pytest.raises(InvalidTransition):
        call()
    essex_response.refresh_from_db()
    assert essex_response.state == Response.State.DRAFT


def test_submitted_response_cannot_be_edited(essex_response, essex_editor):
    _save(essex_response, essex_editor, "Draft.", 0)
    services.submit_response(response=essex_response, actor=essex_editor, based_on=1)

    with pytest.raises(InvalidTransition, match="return it for changes"):
        _save(essex_response, essex_editor, "Sneaky edit.", 2)
    assert essex_response.versions.count() == 2


def test_publishing_without_the_office_consent_is_refused(essex_response, essex_editor,
                                                          apcc_coordinator):
    _save(essex_response, essex_editor, "Draft.", 0, consent=False)
    services.submit_response(response=essex_response, actor=essex_editor, based_on=1)
    services.accept_response(response=essex_response, actor=apcc_coordinator)

    with pytest.raises(InvalidTransition, match="has not agreed to publication"):
        services.publish_response(response=essex_response, actor=apcc_coordinator)
    essex_response.refresh_from_db()
    assert essex_response.state == Response.State.ACCEPTED


def test_withdrawing_needs_a_reason(essex_response, essex_editor):
    _save(essex_response, essex_editor, "Draft.", 0)
    with pytest.raises(ToolkitError, match="Say why"):
        services.withdraw_response(response=essex_response, actor=essex_editor, reason=" ")
    essex_response.refresh_from_db()
    assert essex_response.state == Response.State.DRAFT


def test_withdrawn_response_can_be_reopened_by_its_office(essex_response, essex_editor):
    _save(essex_response, essex_editor, "Draft.", 0)
    services.withdraw_response(response=essex_response, actor=essex_editor, reason="Mistake")

    services.reopen_response(response=essex_response, actor=essex_editor)

    essex_response.refresh_from_db()
    assert essex_response.state == Response.State.DRAFT
    assert essex_response.versions.count() == 1
