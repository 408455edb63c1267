"""Creating, issuing, extending and closing requests; question sets once issued."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from antislavery.accounts.models import AuditEntry
from antislavery.areas.models import Organisation, PeerGroup
from antislavery.errors import InvalidTransition, NotPermitted, ToolkitError
from antislavery.returns import services
from antislavery.returns.models import Question, Request, Response
from tests.returns import factories

pytestmark = pytest.mark.django_db


def test_create_makes_a_draft_with_an_empty_first_question_set_and_an_audit_entry(
        apcc_coordinator):
    request = services.create_request(
        actor=apcc_coordinator, title="Victim support update",
        issuing_body=Organisation.objects.get(slug="apcc"),
        due_on=timezone.localdate() + datetime.timedelta(days=180))

    assert request.state == Request.State.DRAFT
    assert request.slug == "victim-support-update"
    assert request.question_set.number == 1
    assert AuditEntry.objects.filter(action="request.create", object_id=str(request.pk)).exists()


def test_office_editor_cannot_create_a_request(essex_editor):
    with pytest.raises(NotPermitted):
        services.create_request(actor=essex_editor, title="x",
                                issuing_body=Organisation.objects.get(slug="apcc"),
                                due_on=timezone.localdate())
    assert not Request.objects.exists()


def test_due_date_before_opening_is_refused_and_nothing_is_made(apcc_coordinator):
    today = timezone.localdate()
    with pytest.raises(ToolkitError, match="due date must be on or after the opening date"):
        services.create_request(actor=apcc_coordinator, title="x",
                                issuing_body=Organisation.objects.get(slug="apcc"),
                                opens_on=today, due_on=today - datetime.timedelta(days=1))
    assert not Request.objects.exists()


def test_unknown_letter_placeholder_is_refused_with_the_known_ones(apcc_coordinator):
    with pytest.raises(ToolkitError) as caught:
        services.create_request(actor=apcc_coordinator, title="x",
                                issuing_body=Organisation.objects.get(slug="apcc"),
                                due_on=timezone.localdate(),
                                letter_template="Dear {{ chief_constable }}")
    assert "{{ chief_constable }}" in caught.value.message
    assert "{{ commissioner_name }}" in caught.value.message
    assert not Request.objects.exists()


@pytest.mark.parametrize(("rule", "expected"), [(Request.Recipients.ALL, 43),
                                                (Request.Recipients.VRU, 18)])
def test_issue_creates_one_not_started_response_per_recipient(apcc_coordinator, rule, expected):
    request = factories.draft_request(apcc_coordinator, recipients_rule=rule)

    services.issue_request(request=request, actor=apcc_coordinator)

    assert request.responses.count() == expected
    assert set(request.responses.values_list("state", flat=True)) == {"not_started"}
    request.refresh_from_db()
    assert request.state == Request.State.ISSUED


def test_issue_to_a_peer_group_sends_to_its_areas(apcc_coordinator):
    group = PeerGroup.objects.get(slug="wales")
    request = factories.draft_request(apcc_coordinator)
    services.update_request(request=request, actor=apcc_coordinator,
                            recipients_rule=Request.Recipients.PEER_GROUP, peer_group=group)

    services.issue_request(request=request, actor=apcc_coordinator)

    assert sorted(request.responses.values_list("area__slug", flat=True)) == [
        "dyfed-powys", "gwent", "north-wales", "south-wales"]


def test_issue_without_questions_is_refused(apcc_coordinator):
    request = services.create_request(actor=apcc_coordinator, title="Empty",
                                      issuing_body=Organisation.objects.get(slug="apcc"),
                                      due_on=timezone.localdate())
    with pytest.raises(InvalidTransition, match="Add at least one question"):
        services.issue_request(request=request, actor=apcc_coordinator)
    request.refresh_from_db()
    assert request.state == Request.State.DRAFT
    assert not Response.objects.exists()


def test_coordinator_of_another_body_cannot_issue(apcc_coordinator, iasc_coordinator):
    request = factories.draft_request(apcc_coordinator)
    with pytest.raises(NotPermitted, match="Association of Police and Crime Commissioners"):
        services.issue_request(request=request, actor=iasc_coordinator)
    assert not Response.objects.exists()


def test_issuing_twice_is_an_invalid_transition(apcc_coordinator, issued):
    with pytest.raises(InvalidTransition):
        services.issue_request(request=issued, actor=apcc_coordinator)
    assert issued.responses.count() == 3


def test_issued_details_stay_as_sent(apcc_coordinator, issued):
    with pytest.raises(InvalidTransition, match="stay as sent"):
        services.update_request(request=issued, actor=apcc_coordinator, title="Changed")
    issued.refresh_from_db()
    assert issued.title == "Support outside the NRM"


def test_changing_an_issued_request_question_makes_a_new_set_and_keeps_the_old(
        apcc_coordinator, issued):
    services.change_question(request=issued, actor=apcc_coordinator, key="q1",
                             title="Support before, after and outside the NRM",
                             kind=Question.Kind.TEXT, note="Added 'outside'.")

    sets = list(issued.question_sets.order_by("number"))
    assert [s.number for s in sets] == [1, 2]
    assert sets[0].questions.get().title == "Support before and after the NRM"
    assert sets[1].questions.get().title == "Support before, after and outside the NRM"
    assert sets[1].note == "Added 'outside'."


def test_recipients_see_changed_questions_and_earlier_answers_keep_theirs(
        client, apcc_coordinator, issued, essex_editor, surrey_editor):
    # given Surrey submitted against the first questions
    surrey = Response.objects.get(request=issued, area__slug="surrey")
    services.save_answers(response=surrey, actor=surrey_editor, consent=False, based_on=0,
                          answers=factories.answer_text("Answer from Surrey."))
    services.submit_response(response=surrey, actor=surrey_editor, based_on=1)

    # when the coordinator changes the question on the web page, saying why
    client.force_login(apcc_coordinator)
    changed = client.post(f"/requests/{issued.slug}/questions/q1/edit/", {
        "title": "Support before, after and outside the NRM", "kind": "text",
        "required": "on", "note": "We added support outside the NRM."})
    assert changed.status_code == 302

    # then Essex, still drafting, answers the new question and is told what changed
    client.force_login(essex_editor)
    edit = client.get(f"/requests/{issued.slug}/responses/essex/edit/").content.decode()
    assert "The questions changed (version 2):" in edit
    assert "We added support outside the NRM." in edit
    assert "Support before, after and outside the NRM" in edit
    # and Surrey's submitted answer is still shown under the question it answered
    client.force_login(apcc_coordinator)
    page = client.get(f"/requests/{issued.slug}/responses/surrey/").content.decode()
    assert "Answer from Surrey." in page
    assert "Support before and after the NRM" in page
    assert "Support before, after and outside the NRM" not in page


def test_changing_an_issued_question_needs_a_note_and_changes_nothing_without(
        apcc_coordinator, issued):
    with pytest.raises(ToolkitError, match="Say what changed"):
        services.add_question(request=issued, actor=apcc_coordinator, title="Another")
    assert issued.question_sets.count() == 1


def test_draft_question_changes_stay_in_the_first_set(apcc_coordinator):
    request = factories.draft_request(apcc_coordinator, kinds=True)
    services.move_question(request=request, actor=apcc_coordinator, key="q3", up=True)

    assert request.question_sets.count() == 1
    assert [q.key for q in request.question_set.questions.order_by("position")] == [
        "q1", "q3", "q2", "q4"]


def test_choice_question_needs_two_options(apcc_coordinator):
    request = factories.draft_request(apcc_coordinator)
    with pytest.raises(ToolkitError, match="at least two options"):
        services.add_question(request=request, actor=apcc_coordinator, title="Pick",
                              kind=Question.Kind.CHOICE, options=["Only one"])
    assert request.question_set.questions.count() == 1


def test_extend_moves_the_due_date_and_remembers_the_original(apcc_coordinator, issued):
    first_due = issued.due_on
    later = first_due + datetime.timedelta(days=14)

    services.extend_request(request=issued, actor=apcc_coordinator, due_on=later,
                            reason="Elections")

    issued.refresh_from_db()
    assert issued.due_on == later
    assert issued.original_due_on == first_due
    assert AuditEntry.objects.get(action="request.extend").note == "Elections"


def test_extend_to_an_earlier_date_is_refused(apcc_coordinator, issued):
    due = issued.due_on
    with pytest.raises(ToolkitError, match="must be after the current one"):
        services.extend_request(request=issued, actor=apcc_coordinator,
                                due_on=due - datetime.timedelta(days=1))
    issued.refresh_from_db()
    assert issued.due_on == due


def test_close_stops_office_saves(apcc_coordinator, issued, essex_editor, essex_response):
    services.close_request(request=issued, actor=apcc_coordinator)

    with pytest.raises(InvalidTransition, match="has closed"):
        services.save_answers(response=essex_response, actor=essex_editor,
                              answers=factories.answer_text("Late"), consent=False, based_on=0)
    assert essex_response.versions.count() == 0


def test_extending_and_closing_through_the_web(client, apcc_coordinator, issued, essex_editor):
    client.force_login(apcc_coordinator)
    extend = f"/requests/{issued.slug}/extend/"
    first_due = issued.due_on

    # an earlier date is refused on the page, with the reason, and nothing changes
    earlier = client.post(extend, {"due_on": (first_due - datetime.timedelta(days=1))
                                   .isoformat()})
    assert earlier.status_code == 400
    assert "<title>Error:" in earlier.content.decode()
    issued.refresh_from_db()
    assert (issued.due_on, issued.original_due_on) == (first_due, None)

    # a later date moves the due date and keeps the first one
    later = first_due + datetime.timedelta(days=14)
    assert client.post(extend, {"due_on": later.isoformat(), "reason": "Elections"}
                       ).status_code == 302
    issued.refresh_from_db()
    assert (issued.due_on, issued.original_due_on) == (later, first_due)
    assert "Extended from" in client.get(issued.get_absolute_url()).content.decode()

    # closing asks first, then stops the offices' changes with a clear message
    assert "Close this request?" in client.get(f"/requests/{issued.slug}/close/"
                                               ).content.decode()
    assert client.post(f"/requests/{issued.slug}/close/").status_code == 302
    issued.refresh_from_db()
    assert issued.state == Request.State.CLOSED
    client.force_login(essex_editor)
    refused = client.post(f"/requests/{issued.slug}/responses/essex/edit/",
                          {"based_on": 0, "q1-text": "Too late.", "save": ""})
    assert refused.status_code == 400
    assert "This request has closed" in refused.content.decode()
    assert not Response.objects.get(request=issued, area__slug="essex").versions.exists()
