"""Responses that came by post or email, entered by a coordinator for the area."""

from __future__ import annotations

import hashlib

import pytest

from antislavery.errors import DocumentRejected, NotPermitted
from antislavery.returns import services
from antislavery.returns.models import Attachment, Response
from antislavery.returns.selectors import analysable_texts
from tests.documents import files
from tests.returns import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_questions(apcc_coordinator, three_areas):
    request = factories.draft_request(apcc_coordinator, areas=three_areas)
    services.add_question(request=request, actor=apcc_coordinator,
                          title="Working with your chief constable")
    return services.issue_request(request=request, actor=apcc_coordinator)


def test_received_docx_fills_answers_by_headings_and_counts_as_submitted(two_questions,
                                                                         apcc_coordinator):
    response = two_questions.responses.get(area__slug="cumbria")
    data = files.docx_bytes(paragraphs=[
        "Dear colleagues, here is our update.",
        "Support before and after the NRM",
        "We fund an advocate.",
    ], bullets=["Emergency rooms"], closing=[
        "Working with your chief constable:",
        "We meet the force every month.",
    ])

    version = services.record_received_response(
        response=response, actor=apcc_coordinator, data=data, filename="cumbria.docx",
        channel="email", consent=True)

    response.refresh_from_db()
    assert response.state == Response.State.SUBMITTED
    assert response.received_via == "email"
    assert response.submitted_version == version
    assert version.kind == "received"
    assert version.answers == {
        "q1": {"text": "Dear colleagues, here is our update.\n\nWe fund an advocate.\n\n"
                       "- Emergency rooms"},
        "q2": {"text": "We meet the force every month."},
    }
    source = Attachment.objects.get(response=response)
    assert source.role == Attachment.Role.SOURCE
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.size == len(data)
    assert source.file.read() == data


def test_received_text_is_analysed_once(two_questions, apcc_coordinator):
    response = two_questions.responses.get(area__slug="cumbria")
    services.record_received_response(
        response=response, actor=apcc_coordinator, data=b"All in one paragraph.",
        filename="letter.txt", channel="post")

    texts = analysable_texts(two_questions)

    assert [(t.source_kind, t.text) for t in texts] == [("answer", "All in one paragraph.")]


def test_refused_document_changes_nothing(two_questions, apcc_coordinator):
    response = two_questions.responses.get(area__slug="cumbria")

    with pytest.raises(DocumentRejected, match="password"):
        services.record_received_response(
            response=response, actor=apcc_coordinator, data=files.encrypted_pdf_bytes(["x"]),
            filename="locked.pdf", channel="email")

    response.refresh_from_db()
    assert response.state == Response.State.NOT_STARTED
    assert not Attachment.objects.exists()
    assert not response.versions.exists()


def test_office_editor_cannot_record_on_behalf(two_questions, essex_editor):
    response = two_questions.responses.get(area__slug="essex")
    with pytest.raises(NotPermitted):
        services.record_received_response(response=response, actor=essex_editor,
                                          data=b"Text", filename="a.txt", channel="post")
    assert not Attachment.objects.exists()


def test_receive_page_records_the_response(client, two_questions, apcc_coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(apcc_coordinator)
    reply = client.post(f"/requests/{two_questions.slug}/receive/", {
        "area": "surrey", "channel": "post", "received_on": "2026-01-05", "consent": "on",
        "file": SimpleUploadedFile("surrey.odt", files.odt_bytes(paragraphs=["By post."]))})

    assert reply.status_code == 302
    response = two_questions.responses.get(area__slug="surrey")
    assert response.state == Response.State.SUBMITTED
    assert response.submitted_at.date().isoformat() == "2026-01-05"
    assert response.current_version.answers == {"q1": {"text": "By post."}}


@pytest.mark.parametrize("heading", ["Question 2", "Q2:", "2. Working with your chief constable",
                                     "Working with your chief constable?"])
def test_sections_are_found_by_number_or_title(two_questions, heading):
    questions = list(two_questions.question_set.questions.order_by("position"))

    answers = services.split_into_answers(["Intro.", heading, "Monthly meetings."], questions)

    assert answers == {"q1": {"text": "Intro."}, "q2": {"text": "Monthly meetings."}}


def test_long_paragraph_mentioning_a_title_is_not_a_heading(two_questions):
    questions = list(two_questions.question_set.questions.order_by("position"))
    paragraph = ("Working with your chief constable is something we do every week through a "
                 "joint board and shared plans.")

    answers = services.split_into_answers([paragraph], questions)

    assert answers == {"q1": {"text": paragraph}}
