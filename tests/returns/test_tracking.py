"""The tracker, its totals and JSON, reminders by email, and the returns command."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from antislavery.accounts.models import AuditEntry
from antislavery.areas.models import Organisation
from antislavery.errors import NotPermitted
from antislavery.returns import selectors, services
from antislavery.returns.models import Response
from tests import factories as shared
from tests.returns import factories

pytestmark = pytest.mark.django_db


def _submit(response, editor, text="Answer."):
    services.save_answers(response=response, actor=editor, answers=factories.answer_text(text),
                          consent=True, based_on=response.version_number)
    response.refresh_from_db()
    services.submit_response(response=response, actor=editor, based_on=response.version_number)
    response.refresh_from_db()
    return response


@pytest.fixture
def overdue_request(apcc_coordinator, three_areas):
    """Due yesterday: Essex submitted, Surrey drafting, Cumbria not started."""
    today = timezone.localdate()
    request = factories.issued_request(apcc_coordinator, areas=three_areas,
                                       opens_on=today - datetime.timedelta(days=20),
                                       due_on=today - datetime.timedelta(days=1))
    _submit(request.responses.get(area__slug="essex"), shared.office_user(three_areas[0]))
    surrey = request.responses.get(area__slug="surrey")
    services.save_answers(response=surrey, actor=shared.office_user(three_areas[1]),
                          answers=factories.answer_text("Half done."), consent=False,
                          based_on=0)
    return request


def test_tracker_counts_received_and_overdue(overdue_request):
    tracker = selectors.tracker(overdue_request)

    assert (tracker.recipients, tracker.received, tracker.overdue) == (3, 1, 2)
    assert {row.area_slug: row.state for row in tracker.rows} == {
        "cumbria": "not_started", "essex": "submitted", "surrey": "draft"}
    assert {row.days_to_due for row in tracker.rows} == {-1}


def test_returned_response_is_not_counted_as_received(overdue_request, apcc_coordinator):
    essex = overdue_request.responses.get(area__slug="essex")
    services.return_response(response=essex, actor=apcc_coordinator, note="More, please.")

    tracker = selectors.tracker(overdue_request)

    assert tracker.received == 0
    assert tracker.overdue == 3


def test_accepted_and_published_count_as_received(apcc_coordinator, three_areas):
    request = factories.issued_request(apcc_coordinator, areas=three_areas)
    essex = _submit(request.responses.get(area__slug="essex"),
                    shared.office_user(three_areas[0]))
    surrey = _submit(request.responses.get(area__slug="surrey"),
                     shared.office_user(three_areas[1]))
    services.accept_response(response=essex, actor=apcc_coordinator)
    services.accept_response(response=surrey, actor=apcc_coordinator)
    services.publish_response(response=surrey, actor=apcc_coordinator)

    tracker = selectors.tracker(request)

    assert tracker.received == 2
    assert tracker.overdue == 0


def test_tracker_command_prints_exactly_the_documented_json(overdue_request):
    out = io.StringIO()

    call_command("returns", "tracker", overdue_request.slug, "--format", "json", stdout=out)

    data = json.loads(out.getvalue())
    today = timezone.localdate().isoformat()
    assert data == {
        "request": overdue_request.slug, "recipients": 3, "received": 1, "overdue": 2,
        "rows": [
            {"area": "cumbria", "state": "not_started", "last_activity": None,
             "days_to_due": -1},
            {"area": "essex", "state": "submitted", "last_activity": today, "days_to_due": -1},
            {"area": "surrey", "state": "draft", "last_activity": today, "days_to_due": -1},
        ],
    }


def test_tracker_command_prints_csv(overdue_request):
    out = io.StringIO()

    call_command("returns", "tracker", overdue_request.slug, "--format", "csv", stdout=out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["area"] for r in rows] == ["cumbria", "essex", "surrey"]
    assert rows[0] == {"area": "cumbria", "state": "not_started", "last_activity": "",
                       "days_to_due": "-1"}


def test_tracker_command_names_the_known_requests_when_the_slug_is_wrong(overdue_request):
    with pytest.raises(CommandError, match=f"no request 'nope'.*{overdue_request.slug}"):
        call_command("returns", "tracker", "nope")


def test_reminders_go_to_each_overdue_office_contacts(overdue_request, apcc_coordinator):
    Organisation.objects.filter(area__slug="surrey").update(
        contact_emails="opcc@surrey.test\nteam@surrey.test")
    Organisation.objects.filter(area__slug="cumbria").update(contact_emails="cumbria@pcc.test")

    result = services.send_reminders(request=overdue_request, actor=apcc_coordinator,
                                     base_url="https://toolkit.test/")

    assert sorted(a.slug for a, _ in result.sent) == ["cumbria", "surrey"]
    assert sorted(tuple(m.to) for m in mail.outbox) == [
        ("cumbria@pcc.test",), ("opcc@surrey.test", "team@surrey.test")]
    surrey_mail = next(m for m in mail.outbox if "opcc@surrey.test" in m.to)
    assert "1 day overdue" in surrey_mail.body
    assert "draft that has not been submitted" in surrey_mail.body
    assert (f"https://toolkit.test/requests/{overdue_request.slug}/responses/surrey/"
            in surrey_mail.body)
    due = overdue_request.due_on
    assert surrey_mail.subject == (f"Reminder: Support outside the NRM was due on {due.day} "
                                   f"{due:%B %Y}")
    assert AuditEntry.objects.filter(action="response.remind").count() == 2
    assert Response.objects.filter(last_reminded_at__isnull=False).count() == 2


def test_office_without_contact_address_is_reported_not_emailed(overdue_request,
                                                                apcc_coordinator):
    Organisation.objects.filter(area__slug__in=["surrey", "cumbria"]).update(contact_emails="")

    result = services.send_reminders(request=overdue_request, actor=apcc_coordinator)

    assert sorted(a.slug for a in result.without_address) == ["cumbria", "surrey"]
    assert mail.outbox == []


def test_only_the_issuing_body_can_send_reminders(overdue_request, iasc_coordinator):
    Organisation.objects.filter(area__slug="surrey").update(contact_emails="a@surrey.test")

    with pytest.raises(NotPermitted):
        services.send_reminders(request=overdue_request, actor=iasc_coordinator)

    assert mail.outbox == []
    assert not AuditEntry.objects.filter(action="response.remind").exists()


def test_remind_command_sends_as_the_named_coordinator(overdue_request, apcc_coordinator):
    Organisation.objects.filter(area__slug="cumbria").update(contact_emails="c@cumbria.test")
    Organisation.objects.filter(area__slug="surrey").update(contact_emails="")
    out, err = io.StringIO(), io.StringIO()

    call_command("returns", "remind", overdue_request.slug, "--as", apcc_coordinator.username,
                 stdout=out, stderr=err)

    assert "cumbria\tc@cumbria.test" in out.getvalue()
    assert "1 reminder sent." in out.getvalue()
    assert "Surrey has no contact address." in err.getvalue()
    assert AuditEntry.objects.get(action="response.remind").actor == apcc_coordinator


def test_remind_command_refuses_someone_who_may_not(overdue_request, essex_editor):
    with pytest.raises(CommandError, match="Only coordinators"):
        call_command("returns", "remind", overdue_request.slug, "--as", essex_editor.username)
    assert mail.outbox == []


def test_reminders_page_sends_and_reports(client, overdue_request, apcc_coordinator):
    Organisation.objects.filter(area__slug__in=["surrey", "cumbria"]).update(
        contact_emails="x@office.test")
    client.force_login(apcc_coordinator)

    page = client.get(f"/requests/{overdue_request.slug}/reminders/")
    sent = client.post(f"/requests/{overdue_request.slug}/reminders/", follow=True)

    assert "2 offices whose responses are overdue" in page.content.decode()
    tracker = client.get(overdue_request.get_absolute_url()).content.decode()
    assert "1 of 3 responses received" in tracker
    assert "Received means submitted, accepted or published." in tracker
    assert "Reminders were sent to 2 offices." in sent.content.decode()
    assert len(mail.outbox) == 2


def test_office_sees_its_tasks_on_requests_for_us(client, overdue_request, areas):
    client.force_login(shared.office_user(areas["surrey"]))

    page = client.get("/requests/for-us/").content.decode()

    assert "Support outside the NRM" in page
    assert "1 day overdue" in page
    assert "Continue the response" in page


def test_requests_for_us_is_for_office_staff_only(client, apcc_coordinator):
    client.force_login(apcc_coordinator)

    assert client.get("/requests/for-us/").status_code == 403
