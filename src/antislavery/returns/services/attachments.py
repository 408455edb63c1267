"""Documents attached to responses, and responses that arrived by post or email.

A file is checked and its text extracted (:func:`antislavery.documents.inspect`) before
anything is stored; a refused file leaves no trace but the error.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from antislavery import documents
from antislavery.accounts import audit, permissions
from antislavery.errors import InvalidTransition, ToolkitError

from .. import formatting
from ..models import EDITABLE_STATES, Attachment, Question, Request, Response, ResponseVersion
from .responses import _attachment_ids, _check_open_for_office, _lock, _next_number, _user

MAX_ATTACHMENTS = 20


def max_bytes() -> int:
    return int(getattr(settings, "ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def _store(response: Response, *, data: bytes, filename: str, document: documents.Document,
           actor: Any, role: str) -> Attachment:
    safe_name = get_valid_filename(filename)[-120:] or "document"
    attachment = Attachment(
        response=response, original_name=filename[-200:], kind=document.kind, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), text=document.text, role=role,
        uploaded_by=_user(actor),
    )
    attachment.file.save(safe_name, ContentFile(data), save=False)
    attachment.save()
    return attachment


def attach_document(*, response: Response, actor: Any, data: bytes,
                    filename: str) -> Attachment:
    """Attach a document to the office's own response while it can still change."""
    permissions.require_can_edit_response(actor, response)
    if response.state not in EDITABLE_STATES:
        raise InvalidTransition(_("Documents can be attached only while the response is being "
                                  "drafted."))
    document = documents.inspect(data, filename, max_bytes=max_bytes())
    with transaction.atomic():
        locked = _lock(response)
        _check_open_for_office(locked.request)
        if locked.state not in EDITABLE_STATES:
            raise InvalidTransition(_("Documents can be attached only while the response is "
                                      "being drafted."))
        if len(_attachment_ids(locked)) >= MAX_ATTACHMENTS:
            raise ToolkitError(_("A response can have at most %(n)s documents attached.")
                               % {"n": MAX_ATTACHMENTS}, code="too_many")
        attachment = _store(locked, data=data, filename=filename, document=document,
                            actor=actor, role=Attachment.Role.ATTACHMENT)
        locked.last_activity_at = attachment.uploaded_at
        locked.save(update_fields=["last_activity_at"])
        audit.record(actor, "response.attach", locked,
                     after=audit.snapshot(attachment, ["original_name", "kind", "size",
                                                       "sha256"]))
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, actor: Any) -> Attachment:
    """Take a document off a draft; the file and its record are kept."""
    response = attachment.response
    permissions.require_can_edit_response(actor, response)
    _check_open_for_office(response.request)
    if response.state not in EDITABLE_STATES:
        raise InvalidTransition(_("Documents can be removed only while the response is being "
                                  "drafted."))
    if attachment.removed_at is None:
        attachment.removed_at = timezone.now()
        attachment.removed_by = _user(actor)
        attachment.save(update_fields=["removed_at", "removed_by"])
        audit.record(actor, "response.remove_attachment", response,
                     before={"attachment": attachment.original_name})
    return attachment


# --- Responses received by post or email ---------------------------------------------------

def _heading_match(paragraph: str, question: Question, number: int) -> bool:
    """Whether a paragraph heads the section answering a question: "Question 2", "Q2", or
    (nearly) the question's title, optionally numbered."""
    line = paragraph.strip().lower()
    if re.fullmatch(rf"(question|q)\s*{number}[.):]?", line):
        return True
    if len(paragraph) > len(question.title) + 40:
        return False
    text = re.sub(r"^(question\s*)?\d+[.):]?\s*", "", line).rstrip(":?. ")
    title = question.title.lower().rstrip(":?. ")
    return bool(text) and (
        text == title or difflib.SequenceMatcher(None, text, title).ratio() >= 0.85)


def split_into_answers(paragraphs: tuple[str, ...] | list[str],
                       questions: list[Question]) -> dict[str, dict[str, str]]:
    """Share a document's paragraphs among the questions whose titles head its sections.

    Text before the first recognised heading, or the whole text when there is none, goes to
    the first question.
    """
    if not questions:
        return {}
    sections: dict[str, list[str]] = {q.key: [] for q in questions}
    current = questions[0].key
    for paragraph in paragraphs:
        heading = next((q for n, q in enumerate(questions, 1)
                        if _heading_match(paragraph, q, n)), None)
        if heading is not None:
            current = heading.key
            continue
        sections[current].append(paragraph)
    return {key: {"text": formatting.from_paragraphs(parts)}
            for key, parts in sections.items() if parts}


def record_received_response(*, response: Response, actor: Any, data: bytes, filename: str,
                             channel: str, received_on: datetime.date | None = None,
                             consent: bool = False) -> ResponseVersion:
    """A coordinator enters, for an area, a response that came by post or email.

    The document is kept; its text fills the answers; the response counts as submitted.
    """
    permissions.require_can_review_response(actor, response)
    if channel not in (Response.Channel.POST, Response.Channel.EMAIL):
        raise ToolkitError(_("Say whether the response came by post or by email."),
                           code="bad_channel")
    document = documents.inspect(data, filename, max_bytes=max_bytes())
    with transaction.atomic():
        locked = _lock(response)
        if locked.request.state == Request.State.DRAFT:
            raise InvalidTransition(_("This request has not been issued."))
        if locked.state not in EDITABLE_STATES:
            raise InvalidTransition(_("%(area)s has already submitted a response to this "
                                      "request.") % {"area": locked.area.name})
        source = _store(locked, data=data, filename=filename, document=document, actor=actor,
                        role=Attachment.Role.SOURCE)
        questions = list(locked.request.question_set.questions.all())
        when = (timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(12)))
                if received_on else timezone.now())
        version = ResponseVersion.objects.create(
            response=locked, number=_next_number(locked), kind=ResponseVersion.Kind.RECEIVED,
            based_on=locked.version_number, state=Response.State.SUBMITTED,
            question_set=locked.request.question_set,
            answers=split_into_answers(document.paragraphs, questions),
            consent_to_publish=consent, attachment_ids=_attachment_ids(locked),
            saved_by=_user(actor), saved_at=when,
            note=_("Received %(channel)s as %(file)s; text taken from the document.")
            % {"channel": Response.Channel(channel).label.lower(), "file": source.original_name},
        )
        before = audit.snapshot(locked, ["state", "version_number"])
        locked.state = Response.State.SUBMITTED
        locked.version_number = version.number
        locked.current_version = locked.submitted_version = version
        locked.consent_to_publish = consent
        locked.received_via = channel
        locked.submitted_at = locked.last_activity_at = when
        locked.save()
        audit.record(actor, "response.receive", locked, before=before,
                     after=audit.snapshot(locked, ["state", "version_number", "received_via"]),
                     note=source.original_name)
    return version
