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


ROLES = ("editor", "viewer", "other_office", "coordinator", "iasc", "public")
OUTSIDE_THE_OFFICE = ("other_office", "coordinator", "iasc", "public")
NOT_THE_PUBLIC = ("other_office", "public")

# What each person gets on the response's own page, in each kind of state.
WITH_THE_OFFICE = {"editor": 200, "viewer": 200, "other_office": 404, "coordinator": 403,
                   "iasc": 403, "public": 404}
WITH_THE_COORDINATORS = {**WITH_THE_OFFICE, "coordinator": 200, "iasc": 200}
PUBLISHED = dict.fromkeys(ROLES, 200)


def _everything_seen_by(people: People, name: str, request: Request,
                        response: Response) -> str:
    """All that one person can read about the request and Essex's response: its page, the
    request's page and tracker, the published responses, the area page, the public API and,
    for coordinators, the exports of every answer."""
    urls = [response.get_absolute_url(), request.get_absolute_url(),
            reverse("returns:published", args=[request.slug]),
            reverse("areas:detail", args=["essex"]), f"/api/responses?request={request.slug}"]
    if name in ("coordinator", "iasc"):
        urls += [reverse("returns:export", args=[request.slug, what, "csv"])
                 for what in ("answers", "tracker")]
    seen = []
    for url in urls:
        reply = people[name].get(url)
        if reply.status_code == 200:
            body = (b"".join(reply.streaming_content) if reply.streaming else reply.content)
            seen.append(body.decode())
    return "\n".join(seen)


def _check_who_sees_what(people: People, request: Request, *, statuses: dict[str, int],
                         office_only: tuple[str, ...] = (), not_public: tuple[str, ...] = (),
                         seen: dict[str, tuple[str, ...]] | None = None) -> None:
    """The response page's status for each person, texts nobody outside the office may read
    anywhere, texts the public and other offices may not read anywhere, and texts that a
    person does read on the response's page."""
    response = Response.objects.get(request=request, area__slug="essex")
    page = response.get_absolute_url()
    assert {name: people.status(name, page) for name in ROLES} == statuses
    for name in ROLES:
        everything = _everything_seen_by(people, name, request, response)
        if name in OUTSIDE_THE_OFFICE:
            for text in office_only:
                assert text not in everything, (name, text)
        if name in NOT_THE_PUBLIC:
            for text in not_public:
                assert text not in everything, (name, text)
    for name, texts in (seen or {}).items():
        for text in texts:
            assert people.sees(name, page, text), (name, text)


def test_whole_cycle_through_the_web_with_what_each_role_sees(people):
    # given a request created by the APCC's coordinator: a draft is theirs alone
    request = _create_and_issue(people)
    request_url = reverse("returns:request", args=[request.slug])
    assert people.status("coordinator", request_url) == 200
    for name in ("public", "editor", "viewer", "other_office", "iasc"):
        assert people.status(name, request_url) == 404, name
    assert not Response.objects.exists()

    # when it is issued: one response per area, not started, seen by its office only
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})
    response = Response.objects.get(request=request, area__slug="essex")
    edit = reverse("returns:edit", args=[request.slug, "essex"])
    assert people.status("public", request_url) == 200
    assert request.responses.count() == 3
    _check_who_sees_what(people, request, statuses=WITH_THE_OFFICE)

    # when the office drafts and saves twice: every save a version, the text its own
    _post_ok(people["editor"], edit, {"based_on": 0, "q1-text": FIRST_DRAFT, "consent": "on",
                                      "save": ""})
    _post_ok(people["editor"], edit, {"based_on": 1, "q1-text": SECOND_DRAFT, "consent": "on",
                                      "save": ""})
    assert response.versions.count() == 2
    assert people.status("viewer", edit) == 403
    _check_who_sees_what(people, request, statuses=WITH_THE_OFFICE,
                         office_only=(FIRST_DRAFT, SECOND_DRAFT),
                         seen={"editor": (SECOND_DRAFT,), "viewer": (SECOND_DRAFT,)})
    tracker_page = people["coordinator"].get(request_url).content.decode()
    assert "0 of 3 responses received" in tracker_page
    assert "Draft" in tracker_page

    # when the office attaches a real DOCX: its text is read, and stays with the office
    docx = files.docx_bytes(paragraphs=[ATTACHED_TEXT], bullets=["Engagement rose"])
    _post_ok(people["editor"], reverse("returns:attach", args=[request.slug, "essex"]),
             {"file": SimpleUploadedFile("evaluation.docx", docx)})
    attachment = Attachment.objects.get()
    assert attachment.text == f"{ATTACHED_TEXT}\n\n- Engagement rose"
    download = attachment.get_absolute_url()
    assert {name: people.status(name, download) for name in ROLES} == WITH_THE_OFFICE
    _check_who_sees_what(people, request, statuses=WITH_THE_OFFICE,
                         office_only=(SECOND_DRAFT, "evaluation.docx"),
                         seen={"viewer": ("evaluation.docx",)})

    # when the office submits: coordinators of any body read it; nobody else outside
    _post_ok(people["editor"], reverse("returns:submit", args=[request.slug, "essex"]),
             {"based_on": 2})
    _check_who_sees_what(people, request, statuses=WITH_THE_COORDINATORS,
                         office_only=(FIRST_DRAFT,), not_public=(SECOND_DRAFT,),
                         seen={"coordinator": (SECOND_DRAFT, "evaluation.docx"),
                               "iasc": (SECOND_DRAFT,)})
    assert people.status("coordinator", download) == 200
    assert people.status("public", download) == 404
    assert "1 of 3 responses received" in people["coordinator"].get(request_url).content.decode()

    # when it is returned for changes (by the issuing body only) and the office edits again
    return_url = reverse("returns:return", args=[request.slug, "essex"])
    assert people["iasc"].post(return_url, {"note": "No"}).status_code == 403
    _post_ok(people["coordinator"], return_url, {"note": "Please add accommodation."})
    assert "0 of 3 responses received" in people["coordinator"].get(request_url).content.decode()
    _post_ok(people["editor"], edit, {"based_on": 3, "q1-text": RESUBMITTED, "consent": "on",
                                      "save": ""})
    # then coordinators still read what was submitted, never the new draft
    _check_who_sees_what(people, request, statuses=WITH_THE_COORDINATORS,
                         office_only=(RESUBMITTED,), not_public=(SECOND_DRAFT,),
                         seen={"editor": (RESUBMITTED, "Please add accommodation."),
                               "viewer": ("Please add accommodation.",),
                               "coordinator": (SECOND_DRAFT,)})

    # when the office submits again: the new text reaches the coordinators, not the public
    _post_ok(people["editor"], reverse("returns:submit", args=[request.slug, "essex"]),
             {"based_on": 4})
    _check_who_sees_what(people, request, statuses=WITH_THE_COORDINATORS,
                         not_public=(RESUBMITTED, SECOND_DRAFT),
                         seen={"coordinator": (RESUBMITTED,), "iasc": (RESUBMITTED,)})

    # when it is accepted: still not public
    _post_ok(people["coordinator"], reverse("returns:accept", args=[request.slug, "essex"]), {})
    _check_who_sees_what(people, request, statuses=WITH_THE_COORDINATORS,
                         not_public=(RESUBMITTED, SECOND_DRAFT))

    # when it is published: everyone reads the version submitted last, and nothing earlier
    _post_ok(people["coordinator"], reverse("returns:publish", args=[request.slug, "essex"]),
             {})
    published_page = reverse("returns:published", args=[request.slug])
    _check_who_sees_what(people, request, statuses=PUBLISHED,
                         office_only=(FIRST_DRAFT,),
                         not_public=(SECOND_DRAFT, "Please add accommodation."),
                         seen={"public": (RESUBMITTED,), "other_office": (RESUBMITTED,)})
    assert people.sees("public", published_page, RESUBMITTED)
    published_on = timezone.localdate()
    assert people.sees("public", published_page,
                       f"Published on {published_on.day} {published_on:%B %Y}")
    assert people.sees("public", published_page, '<h2 class="govuk-heading-l">Essex</h2>')

    # when it is withdrawn: off every public page, the reason recorded, nothing deleted
    _post_ok(people["coordinator"], reverse("returns:withdraw", args=[request.slug, "essex"]),
             {"note": "The office asked for it to come down."})
    _check_who_sees_what(people, request, statuses=WITH_THE_COORDINATORS,
                         not_public=(RESUBMITTED, SECOND_DRAFT),
                         seen={"editor": (RESUBMITTED,), "coordinator": (RESUBMITTED,)})
    response.refresh_from_db()
    assert response.state == Response.State.WITHDRAWN
    assert response.versions.count() == 5
    assert Attachment.objects.count() == 1
    assert AuditEntry.objects.get(action="response.withdraw").note == (
        "The office asked for it to come down.")
    assert [e.action for e in AuditEntry.objects.filter(action__startswith="response.")
            .order_by("pk")] == [
        "response.save", "response.save", "response.attach", "response.submit",
        "response.return", "response.save", "response.submit", "response.accept",
        "response.publish", "response.withdraw"]


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
    assert page.count("Enter a title for the request.") == 2  # the summary and the field
    assert 'value="None"' not in page
    assert not Request.objects.exists()


def test_received_form_says_what_each_missing_answer_is(people, coordinator):
    request = _create_and_issue(people)
    _post_ok(people["coordinator"], reverse("returns:issue", args=[request.slug]), {})

    reply = people["coordinator"].post(reverse("returns:receive", args=[request.slug]),
                                       {"area": ""})

    page = reply.content.decode()
    assert reply.status_code == 400
    assert "<title>Error:" in page
    for message in ("Choose the area the response is from.",
                    "Choose the document with the response.",
                    "Say whether the response came by post or by email.",
                    "Enter the date the response was received."):
        assert page.count(message) == 2, message
    assert "This field is required." not in page


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
