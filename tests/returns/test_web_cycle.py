"""The whole cycle through the web pages, checking at each state who can see what.

Create, issue, draft, save twice, attach, submit, return, resubmit, accept, publish, withdraw;
at every step: the office's editor and viewer, another office, the issuing coordinator,
another body's coordinator and the public.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from antislavery.accounts.models import AuditEntry
from antislavery.areas.models import Organisation
from antislavery.returns.models import Attachment, Request, Response
from tests.documents import files

pytestmark = pytest.mark.django_db

FIRST_DRAFT = "Our navigator sees victims before any referral."
SECOND_DRAFT = "Our navigator sees victims before, during and after the NRM."
RESUBMITTED = "We also fund emergency accommodation for people who decline the NRM."
ATTACHED_TEXT = "Navigator evaluation summary"


class People:
    """A client signed in as each person in the story (None: the public)."""

    def __init__(self, **users):
        self.clients = {}
        for name, user in users.items():
            client = Client()
            if user is not None:
                client.force_login(user)
            self.clients[name] = client

    def __getitem__(self, name: str) -> Client:
        return self.clients[name]

    def status(self, name: str, url: str) -> int:
        return self.clients[name].get(url).status_code

    def sees(self, name: str, url: str, text: str) -> bool:
        response = self.clients[name].get(url)
        return response.status_code == 200 and text in response.content.decode()


@pytest.fixture
def people(areas, coordinator, iasc_coordinator, essex_editor, essex_viewer, surrey_editor):
    return People(coordinator=coordinator, iasc=iasc_coordinator, editor=essex_editor,
                  viewer=essex_viewer, other_office=surrey_editor, public=None)


def _post_ok(client: Client, url: str, data: dict, **extra) -> None:
    response = client.post(url, data, **extra)
    assert response.status_code == 302, response.content.decode()[:2000]


def _create_and_issue(people: People) -> Request:
    today = timezone.localdate()
    _post_ok(people["coordinator"], reverse("returns:create"), {
        "title": "Support outside the NRM", "issuing_body": Organisation.objects.get(
            slug="apcc").pk,
        "background": "The inspectorate asked for an update.",
        "recommendation": "Work together to understand victims' needs.",
        "recipients_rule": "chosen", "chosen_areas": ["essex", "surrey", "cumbria"],
        "opens_on": today.isoformat(),
        "due_on": (today + datetime.timedelta(days=30)).isoformat(),
        "publish_responses": "on", "letter_template": "Dear {{ commissioner_name }},",
    })
    request = Request.objects.get()
    _post_ok(people["coordinator"], reverse("returns:question-add", args=[request.slug]), {
        "title": "What support do you commission?", "guidance": "", "kind": "text",
        "options": "", "required": "on"})
    return request


def test_whole_cycle_through_the_web_with_what_each_role_sees(people):
    # Create: a draft request is the coordinator's alone.
    request = _create_and_issue(people)
    request_url = reverse("returns:request", args=[request.slug])
    assert people.status("coordinator", request_url) == 200
    assert people.status("public", request_url) == 404
    assert people.status("editor", request_url) == 404
    assert people.status("iasc", request_url) == 404

    # Issue: one response per area, nothing to read yet outside the office.
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})
    response = Response.objects.get(request=request, area__slug="essex")
    page = response.get_absolute_url()
    edit = reverse("returns:edit", args=[request.slug, "essex"])
    assert people.status("public", request_url) == 200
    assert people.status("editor", page) == 200
    assert people.status("viewer", page) == 200
    assert people.status("coordinator", page) == 403
    assert people.status("other_office", page) == 404
    assert people.status("public", page) == 404

    # Draft, saved twice: every save a version; the text stays with the office.
    _post_ok(people["editor"], edit, {"based_on": 0, "q1-text": FIRST_DRAFT, "consent": "on",
                                      "save": ""})
    _post_ok(people["editor"], edit, {"based_on": 1, "q1-text": SECOND_DRAFT, "consent": "on",
                                      "save": ""})
    assert response.versions.count() == 2
    assert people.sees("viewer", page, SECOND_DRAFT)
    assert people.status("viewer", edit) == 403
    assert people.status("coordinator", page) == 403
    assert people.status("iasc", page) == 403
    assert people.status("other_office", page) == 404
    assert people.status("public", page) == 404
    tracker_page = people["coordinator"].get(request_url).content.decode()
    assert "0 of 3 responses received" in tracker_page
    assert SECOND_DRAFT not in tracker_page
    assert "Draft" in tracker_page

    # Attach: a real DOCX, its text extracted; unseen outside the office before submission.
    docx = files.docx_bytes(paragraphs=[ATTACHED_TEXT], bullets=["Engagement rose"])
    _post_ok(people["editor"], reverse("returns:attach", args=[request.slug, "essex"]),
             {"file": SimpleUploadedFile("evaluation.docx", docx)})
    attachment = Attachment.objects.get()
    assert attachment.text == f"{ATTACHED_TEXT}\n\n- Engagement rose"
    assert people.status("editor", attachment.get_absolute_url()) == 200
    assert people.status("coordinator", attachment.get_absolute_url()) == 403
    assert people.status("public", attachment.get_absolute_url()) == 404

    # Submit: now the coordinators (of any body) can read it; still not the public.
    _post_ok(people["editor"], reverse("returns:submit", args=[request.slug, "essex"]),
             {"based_on": 2})
    assert people.sees("coordinator", page, SECOND_DRAFT)
    assert people.sees("iasc", page, SECOND_DRAFT)
    assert people.status("coordinator", attachment.get_absolute_url()) == 200
    assert people.status("public", page) == 404
    assert people.status("other_office", page) == 404
    assert "1 of 3 responses received" in people["coordinator"].get(request_url).content.decode()

    # Return for changes (the issuing body only), then the office edits again.
    return_url = reverse("returns:return", args=[request.slug, "essex"])
    assert people["iasc"].post(return_url, {"note": "No"}).status_code == 403
    _post_ok(people["coordinator"], return_url, {"note": "Please add accommodation."})
    assert people.sees("editor", page, "Please add accommodation.")
    _post_ok(people["editor"], edit, {"based_on": 3, "q1-text": RESUBMITTED, "consent": "on",
                                      "save": ""})
    # the coordinator still sees what was submitted, not the new draft
    assert people.sees("coordinator", page, SECOND_DRAFT)
    assert not people.sees("coordinator", page, RESUBMITTED)
    assert people.status("public", page) == 404

    # Resubmit, accept: read by coordinators, still not public.
    _post_ok(people["editor"], reverse("returns:submit", args=[request.slug, "essex"]),
             {"based_on": 4})
    assert people.sees("coordinator", page, RESUBMITTED)
    _post_ok(people["coordinator"], reverse("returns:accept", args=[request.slug, "essex"]), {})
    published_page = reverse("returns:published", args=[request.slug])
    assert people.status("public", page) == 404
    assert not people.sees("public", published_page, RESUBMITTED)

    # Publish: the public reads it on the request's public page and its own page.
    _post_ok(people["coordinator"], reverse("returns:publish", args=[request.slug, "essex"]),
             {})
    assert people.sees("public", page, RESUBMITTED)
    assert people.sees("public", published_page, RESUBMITTED)
    assert people.sees("other_office", page, RESUBMITTED)
    assert not people.sees("public", page, "Please add accommodation.")

    # Withdraw: off the public pages; the reason recorded; nothing deleted.
    _post_ok(people["coordinator"], reverse("returns:withdraw", args=[request.slug, "essex"]),
             {"note": "The office asked for it to come down."})
    assert people.status("public", page) == 404
    assert not people.sees("public", published_page, RESUBMITTED)
    response.refresh_from_db()
    assert response.state == Response.State.WITHDRAWN
    assert response.versions.count() == 5
    assert AuditEntry.objects.get(action="response.withdraw").note == (
        "The office asked for it to come down.")


def test_saving_from_a_stale_page_shows_both_texts_and_keeps_the_refused_one(people):
    request = _create_and_issue(people)
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})
    edit = reverse("returns:edit", args=[request.slug, "essex"])
    _post_ok(people["editor"], edit, {"based_on": 0, "q1-text": FIRST_DRAFT, "save": ""})

    stale = people["editor"].post(edit, {"based_on": 0, "q1-text": "My parallel text.",
                                         "save": ""})

    page = stale.content.decode()
    assert stale.status_code == 409
    assert "Nothing was overwritten" in page
    assert FIRST_DRAFT in page
    assert "My parallel text." in page
    assert 'name="based_on" value="1"' in page
    response = Response.objects.get(request=request, area__slug="essex")
    assert response.version_number == 1
    assert response.versions.filter(kind="conflict").get().answers == {
        "q1": {"text": "My parallel text."}}


def test_refused_attachment_shows_the_reason_and_stores_nothing(people, settings):
    request = _create_and_issue(people)
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})

    reply = people["editor"].post(
        reverse("returns:attach", args=[request.slug, "essex"]),
        {"file": SimpleUploadedFile("response.docx", files.pdf_bytes(["Hello"]))})

    assert reply.status_code == 400
    assert "named as a Word document (DOCX) but it is a PDF" in reply.content.decode()
    assert reply.content.decode().startswith("<!DOCTYPE html>")
    assert "<title>Error:" in reply.content.decode()
    assert not Attachment.objects.exists()
    assert not (settings.MEDIA_ROOT / "returns").exists()


def test_attachment_over_the_limit_is_refused_before_it_is_read(people, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    request = _create_and_issue(people)
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})

    reply = people["editor"].post(
        reverse("returns:attach", args=[request.slug, "essex"]),
        {"file": SimpleUploadedFile("long.txt", b"words " * 100)})

    assert reply.status_code == 400
    assert "Files must be 100\xa0bytes or smaller" in reply.content.decode()
    assert not Attachment.objects.exists()


def test_invalid_request_form_shows_errors_and_creates_nothing(people):
    reply = people["coordinator"].post(reverse("returns:create"), {
        "title": "", "issuing_body": Organisation.objects.get(slug="apcc").pk,
        "recipients_rule": "chosen", "opens_on": "2026-01-10", "due_on": "2026-01-01"})

    page = reply.content.decode()
    assert reply.status_code == 400
    assert "<title>Error:" in page
    assert "Choose at least one area." in page
    assert "The due date must be on or after the opening date." in page
    assert not Request.objects.exists()


def test_office_editor_cannot_open_the_create_page(people):
    assert people.status("editor", reverse("returns:create")) == 403
    assert people["public"].get(reverse("returns:create")).status_code == 302


def test_forms_are_protected_by_csrf(people, essex_editor):
    request = _create_and_issue(people)
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(essex_editor)

    reply = strict.post(reverse("returns:edit", args=[request.slug, "essex"]),
                        {"based_on": 0, "q1-text": "Forged"})

    assert reply.status_code == 403
    assert not Response.objects.get(request=request, area__slug="essex").versions.exists()
