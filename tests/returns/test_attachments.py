"""Documents attached to a response, or sent by post or email: what is refused, and the text
read from real DOCX, ODT and PDF files made here.

Every refusal is checked through the web page that receives the file: the page says why, and
nothing is stored (no attachment, no file, no version, no audit entry, no change of state).
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from antislavery.accounts.models import AuditEntry
from antislavery.returns import services
from antislavery.returns.models import Attachment, Response
from tests.documents import files

pytestmark = pytest.mark.django_db

LIMIT = 100_000
OVER = b"Many words. " * 10_000


def _corrupt_docx() -> bytes:
    whole = files.docx_bytes(paragraphs=["A response cut short in the post."])
    return whole[: len(whole) // 2]


REFUSED = {
    "lies about its type": (
        "response.docx", lambda: files.pdf_bytes(["A PDF in disguise"]),
        "response.docx is named as a Word document (DOCX) but it is a PDF."),
    "is a PDF that is really text": (
        "notes.pdf", lambda: b"Just some words typed into a file.",
        "notes.pdf is named as a PDF but it is plain text."),
    "is corrupt": (
        "cut-short.docx", _corrupt_docx,
        "cut-short.docx could not be read: it may be damaged or incomplete."),
    "is empty": (
        "blank.txt", lambda: b"",
        "blank.txt is empty. Choose the file that has your text in it."),
    "is an encrypted PDF": (
        "locked.pdf", lambda: files.encrypted_pdf_bytes(["Secret"]),
        "locked.pdf is protected by a password, so its text cannot be read."),
    "is an encrypted DOCX": (
        "locked.docx", files.encrypted_docx_bytes,
        "locked.docx is protected by a password, so its text cannot be read."),
    "is over the limit": (
        "long.txt", lambda: OVER,
        f"long.txt is {filesizeformat(len(OVER))}. Files must be {filesizeformat(LIMIT)} or "
        "smaller"),
    "is of a kind not accepted": (
        "picture.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "picture.png is not a type of file the toolkit accepts."),
}


def _stored_files(settings) -> list:
    root = settings.MEDIA_ROOT / "returns"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _state(response: Response) -> tuple:
    response.refresh_from_db()
    return (response.state, response.version_number, response.last_activity_at,
            response.versions.count(), response.attachments.count(),
            AuditEntry.objects.count())


@pytest.fixture
def limited(settings):
    settings.ATTACHMENT_MAX_BYTES = LIMIT
    return settings


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_office_attachment_that_is_refused_says_why_and_stores_nothing(
        client, limited, essex_response, essex_editor, case):
    # given the Essex editor with a draft response
    filename, make, message = case
    client.force_login(essex_editor)
    before = _state(essex_response)

    # when they attach the file
    reply = client.post(reverse("returns:attach", args=[essex_response.request.slug, "essex"]),
                        {"file": SimpleUploadedFile(filename, make())})

    # then the page says why, in its error summary and by the field
    page = reply.content.decode()
    assert reply.status_code == 400
    assert "<title>Error:" in page
    assert "govuk-error-summary" in page
    assert page.count(message) == 2, page
    # and nothing was stored
    assert _state(essex_response) == before
    assert not Attachment.objects.exists()
    assert _stored_files(limited) == []


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_response_received_by_post_that_is_refused_says_why_and_stores_nothing(
        client, limited, essex_response, apcc_coordinator, case):
    # given a coordinator entering, for Essex, a response that came by email
    filename, make, message = case
    client.force_login(apcc_coordinator)
    before = _state(essex_response)

    # when the file is refused
    reply = client.post(reverse("returns:receive", args=[essex_response.request.slug]), {
        "area": "essex", "file": SimpleUploadedFile(filename, make()), "channel": "email",
        "received_on": "2026-01-05"})

    # then the page says why and Essex's response is as it was
    assert reply.status_code == 400
    assert message in reply.content.decode()
    assert _state(essex_response) == before
    assert essex_response.state == Response.State.NOT_STARTED
    assert _stored_files(limited) == []


EXTRACTED = {
    "docx": ("plan.docx", lambda: files.docx_bytes(
        paragraphs=["Our plan has three parts."], bullets=["Navigators", "Safe housing"],
        numbered=["Train staff", "Review cases"]),
        "Our plan has three parts.\n\n- Navigators\n\n- Safe housing\n\n1. Train staff\n\n"
        "2. Review cases"),
    "odt": ("plan.odt", lambda: files.odt_bytes(
        heading="Our plan", paragraphs=["It has two parts."], bullets=["Navigators", "Housing"]),
        "Our plan\n\nIt has two parts.\n\n- Navigators\n\n- Housing"),
    "pdf": ("plan.pdf", lambda: files.pdf_bytes(["Our plan has two parts.", "Navigators help."]),
            "Our plan has two parts.\n\nNavigators help."),
    "text": ("plan.txt", lambda: b"Our plan.\n\n- Navigators\n- Housing\n",
             "Our plan.\n\n- Navigators\n\n- Housing"),
}


@pytest.mark.parametrize("case", EXTRACTED.values(), ids=EXTRACTED.keys())
def test_attached_document_is_kept_with_its_text_extracted(
        client, settings, essex_response, essex_editor, case):
    filename, make, text = case
    data = make()
    client.force_login(essex_editor)

    reply = client.post(reverse("returns:attach", args=[essex_response.request.slug, "essex"]),
                        {"file": SimpleUploadedFile(filename, data)})

    assert reply.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.text == text
    assert attachment.original_name == filename
    assert attachment.size == len(data)
    assert attachment.file.read() == data
    assert AuditEntry.objects.filter(action="response.attach").count() == 1


def test_choosing_no_file_asks_for_one(client, essex_response, essex_editor):
    client.force_login(essex_editor)

    reply = client.post(reverse("returns:attach", args=[essex_response.request.slug, "essex"]),
                        {"file": ""})

    assert reply.status_code == 400
    assert "Choose a document to attach." in reply.content.decode()
    assert not Attachment.objects.exists()


def test_nothing_can_be_attached_or_removed_once_the_request_has_closed(
        client, settings, essex_response, essex_editor, apcc_coordinator):
    # given a draft with one document, on a request that then closes
    client.force_login(essex_editor)
    attach = reverse("returns:attach", args=[essex_response.request.slug, "essex"])
    client.post(attach, {"file": SimpleUploadedFile("first.txt", b"First document.")})
    kept = Attachment.objects.get()
    services.close_request(request=essex_response.request, actor=apcc_coordinator)
    before = _state(essex_response)

    # when the office attaches another, then tries to remove the first
    reply = client.post(attach, {"file": SimpleUploadedFile("late.txt", b"Too late.")})
    removal = client.post(reverse("returns:attachment-remove", args=[
        essex_response.request.slug, "essex", kept.pk]), follow=True)

    # then both are refused with the reason, and nothing changed
    assert reply.status_code == 400
    assert "This request has closed" in reply.content.decode()
    assert "This request has closed" in removal.content.decode()
    assert _state(essex_response) == before
    kept.refresh_from_db()
    assert kept.removed_at is None
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["first.txt"]
