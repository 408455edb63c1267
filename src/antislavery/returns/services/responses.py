"""A response's life: saved as it is drafted, submitted, returned, accepted, published, withdrawn.

Every save is a new immutable version. A save is based on the version the editor loaded; if
someone else saved in between, the save is refused with :class:`SaveConflict` and its text is
kept as a version of kind ``conflict``, so neither person's words are lost.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import Conflict, InvalidTransition, ToolkitError

from .. import answers as answer_rules
from ..models import (
    EDITABLE_STATES,
    Attachment,
    Request,
    Response,
    ResponseVersion,
)

State = Response.State


class SaveConflict(Conflict):
    """The save was based on an old version. ``kept`` is the refused text, kept as a version;
    ``current`` is the version that won."""

    def __init__(self, message: str, *, kept: ResponseVersion, current: ResponseVersion | None):
        super().__init__(message)
        self.kept = kept
        self.current = current


def _lock(response: Response) -> Response:
    return (Response.objects.select_for_update(of=("self",))
            .select_related("request", "area", "current_version").get(pk=response.pk))


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _attachment_ids(response: Response) -> list[int]:
    return list(response.attachments.filter(removed_at__isnull=True,
                                            role=Attachment.Role.ATTACHMENT)
                .order_by("pk").values_list("pk", flat=True))


def _next_number(response: Response) -> int:
    last = response.versions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _check_open_for_office(request: Request) -> None:
    if request.state == Request.State.CLOSED:
        raise InvalidTransition(_("This request has closed, so responses can no longer change. "
                                  "Contact %(body)s.") % {"body": request.issuing_body.name})
    if request.state != Request.State.ISSUED:
        raise InvalidTransition(_("This request has not been issued."))
    if request.opens_on > timezone.localdate():
        raise InvalidTransition(_("This request opens on %(date)s.")
                                % {"date": request.opens_on.isoformat()})


def _keep(response: Response, *, actor: Any, kind: str, answers: dict[str, Any], consent: bool,
          based_on: int | None, state: str, note: str = "",
          saved_at: Any = None) -> ResponseVersion:
    return ResponseVersion.objects.create(
        response=response, number=_next_number(response), kind=kind, based_on=based_on,
        state=state, question_set=response.request.question_set, answers=answers,
        consent_to_publish=consent, attachment_ids=_attachment_ids(response),
        saved_by=_user(actor), saved_at=saved_at or timezone.now(), note=note)


def save_answers(*, response: Response, actor: Any, answers: dict[str, Any], consent: bool,
                 based_on: int, saved_at: Any = None) -> ResponseVersion:
    """Save the office's answers as a new version, or refuse a stale save (``SaveConflict``)."""
    permissions.require_can_edit_response(actor, response)
    questions = list(response.request.question_set.questions.all())
    cleaned = answer_rules.clean_answers(questions, answers)
    with transaction.atomic():
        locked = _lock(response)
        _check_open_for_office(locked.request)
        if locked.state not in EDITABLE_STATES:
            raise InvalidTransition(
                _("This response has been %(state)s, so it cannot be changed. Ask %(body)s to "
                  "return it for changes.") % {"state": locked.get_state_display().lower(),
                                               "body": locked.request.issuing_body.name})
        if based_on != locked.version_number:
            kept = _keep(locked, actor=actor, kind=ResponseVersion.Kind.CONFLICT,
                         answers=cleaned, consent=consent, based_on=based_on,
                         state=locked.state, saved_at=saved_at)
            audit.record(actor, "response.save_conflict", locked,
                         note=_("Kept as version %(n)s; version %(current)s was already saved.")
                         % {"n": kept.number, "current": locked.version_number})
            conflict = SaveConflict(_conflict_message(locked, kept), kept=kept,
                                    current=locked.current_version)
        else:
            version = _keep(locked, actor=actor, kind=ResponseVersion.Kind.SAVED,
                            answers=cleaned, consent=consent, based_on=based_on,
                            state=State.RETURNED if locked.state == State.RETURNED
                            else State.DRAFT, saved_at=saved_at)
            before = audit.snapshot(locked, ["state", "version_number", "consent_to_publish"])
            locked.state = version.state
            locked.version_number = version.number
            locked.current_version = version
            locked.consent_to_publish = consent
            locked.last_activity_at = version.saved_at
            locked.save(update_fields=["state", "version_number", "current_version",
                                       "consent_to_publish", "last_activity_at"])
            audit.record(actor, "response.save", locked, before=before,
                         after=audit.snapshot(locked, ["state", "version_number",
                                                       "consent_to_publish"]))
            return version
    raise conflict


def _conflict_message(response: Response, kept: ResponseVersion) -> str:
    current = response.current_version
    who = str(current.saved_by) if current and current.saved_by else _("someone else")
    when = (_("%(time)s on %(date)s") % {
        "time": date_format(timezone.localtime(current.saved_at), "H:i"),
        "date": date_format(timezone.localtime(current.saved_at), "j F Y")}
        if current else "")
    return _("Your changes were not saved because %(who)s saved this response at %(when)s, "
             "after you started editing. Nothing was overwritten: your text is kept as version "
             "%(kept)s. Check both texts below, then save again.") % {
        "who": who, "when": when, "kept": kept.number}


@transaction.atomic
def submit_response(*, response: Response, actor: Any, based_on: int) -> ResponseVersion:
    """Send the current version to the request's coordinators."""
    permissions.require_can_edit_response(actor, response)
    locked = _lock(response)
    _check_open_for_office(locked.request)
    if locked.state not in (State.DRAFT, State.RETURNED):
        raise InvalidTransition(_("Only a draft, or a response returned for changes, can be "
                                  "submitted."))
    if based_on != locked.version_number:
        raise Conflict(_("This response changed after you opened it (it is now version "
                         "%(n)s). Check it, then submit again.") % {"n": locked.version_number})
    current = locked.current_version
    questions = list(locked.request.question_set.questions.all())
    if missing := answer_rules.missing(questions, current.answers if current else {}):
        titles = "; ".join(f"“{q.title}”" for q in missing)
        raise ToolkitError(_("Answer every question before submitting. Not yet answered: "
                             "%(titles)s.") % {"titles": titles}, code="unanswered")
    version = _keep(locked, actor=actor, kind=ResponseVersion.Kind.SUBMITTED,
                    answers=current.answers, consent=locked.consent_to_publish,
                    based_on=locked.version_number, state=State.SUBMITTED)
    before = audit.snapshot(locked, ["state", "version_number"])
    _move(locked, State.SUBMITTED, version=version, submitted_at=version.saved_at)
    audit.record(actor, "response.submit", locked, before=before,
                 after=audit.snapshot(locked, ["state", "version_number"]))
    return version


def _move(response: Response, state: str, *, version: ResponseVersion | None = None,
          **stamps: Any) -> None:
    fields = ["state", "last_activity_at", *stamps]
    response.state = state
    response.last_activity_at = timezone.now()
    for name, value in stamps.items():
        setattr(response, name, value)
    if version is not None:
        response.version_number = version.number
        response.current_version = version
        response.submitted_version = version
        response.last_activity_at = version.saved_at
        fields += ["version_number", "current_version", "submitted_version"]
    response.save(update_fields=fields)


def _review(response: Response, actor: Any, allowed: tuple[str, ...], message: str) -> Response:
    permissions.require_can_review_response(actor, response)
    locked = _lock(response)
    if locked.state not in allowed:
        raise InvalidTransition(message)
    return locked


@transaction.atomic
def return_response(*, response: Response, actor: Any, note: str) -> Response:
    """Send a submitted response back to its office, saying what to change."""
    locked = _review(response, actor, (State.SUBMITTED,),
                     _("Only a submitted response can be returned for changes."))
    if not note.strip():
        raise ToolkitError(_("Say what the office should change."), code="no_note")
    _move(locked, State.RETURNED, return_note=note.strip())
    audit.record(actor, "response.return", locked, before={"state": "submitted"},
                 after={"state": "returned"}, note=note.strip())
    return locked


@transaction.atomic
def accept_response(*, response: Response, actor: Any) -> Response:
    locked = _review(response, actor, (State.SUBMITTED,),
                     _("Only a submitted response can be accepted."))
    _move(locked, State.ACCEPTED, accepted_at=timezone.now())
    audit.record(actor, "response.accept", locked, before={"state": "submitted"},
                 after={"state": "accepted"})
    return locked


@transaction.atomic
def publish_response(*, response: Response, actor: Any) -> Response:
    """Publish an accepted response, if the request publishes and the office agreed."""
    locked = _review(response, actor, (State.ACCEPTED,),
                     _("Only an accepted response can be published."))
    if not locked.request.publish_responses:
        raise InvalidTransition(_("This request does not publish its responses."))
    if not locked.submitted_version.consent_to_publish:
        raise InvalidTransition(_("The office for %(area)s has not agreed to publication, so "
                                  "its response stays unpublished.")
                                % {"area": locked.area.name})
    _move(locked, State.PUBLISHED, published_at=timezone.now(),
          published_version=locked.submitted_version)
    audit.record(actor, "response.publish", locked, before={"state": "accepted"},
                 after={"state": "published", "version": locked.submitted_version.number})
    return locked


WITHDRAWABLE = (State.DRAFT, State.SUBMITTED, State.RETURNED, State.ACCEPTED, State.PUBLISHED)


@transaction.atomic
def withdraw_response(*, response: Response, actor: Any, reason: str) -> Response:
    """Take a response out of use (and off the public page); records why, deletes nothing."""
    permissions.require_can_withdraw_response(actor, response)
    locked = _lock(response)
    if locked.state not in WITHDRAWABLE:
        raise InvalidTransition(_("This response cannot be withdrawn: it is %(state)s.")
                                % {"state": locked.get_state_display().lower()})
    if not reason.strip():
        raise ToolkitError(_("Say why the response is being withdrawn."), code="no_reason")
    before = {"state": locked.state}
    _move(locked, State.WITHDRAWN, withdrawn_at=timezone.now(), withdrawn_reason=reason.strip())
    audit.record(actor, "response.withdraw", locked, before=before,
                 after={"state": "withdrawn"}, note=reason.strip())
    return locked


@transaction.atomic
def reopen_response(*, response: Response, actor: Any) -> Response:
    """A withdrawn response becomes a draft again, for its office to work on."""
    permissions.require_can_edit_response(actor, response)
    locked = _lock(response)
    _check_open_for_office(locked.request)
    if locked.state != State.WITHDRAWN:
        raise InvalidTransition(_("Only a withdrawn response can be reopened."))
    _move(locked, State.DRAFT)
    audit.record(actor, "response.reopen", locked, before={"state": "withdrawn"},
                 after={"state": "draft"})
    return locked
