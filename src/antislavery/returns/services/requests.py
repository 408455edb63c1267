"""Creating, issuing, extending and closing requests, and changing their questions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.areas import selectors as area_selectors
from antislavery.areas.models import Area, Organisation, PeerGroup
from antislavery.errors import InvalidTransition, ToolkitError

from .. import letters
from ..models import Question, QuestionSet, Request, Response

REQUEST_FIELDS = ["title", "issuing_body", "background", "recommendation", "recipients_rule",
                  "peer_group", "chosen_areas", "opens_on", "due_on", "publish_responses",
                  "letter_template"]


# Slugs that would hide a page under /requests/.
RESERVED_SLUGS = {"new", "for-us"}


def _unique_slug(title: str, wanted: str = "") -> str:
    base = slugify(wanted or title)[:70] or "request"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Request.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_details(*, issuing_body: Organisation, recipients_rule: str,
                   peer_group: PeerGroup | None, chosen_areas: list[Area],
                   opens_on: datetime.date, due_on: datetime.date, letter_template: str) -> None:
    if issuing_body.kind != Organisation.Kind.NATIONAL:
        raise ToolkitError(_("Requests are sent by a national body."), code="not_national")
    if due_on < opens_on:
        raise ToolkitError(_("The due date must be on or after the opening date."),
                           code="due_before_opening")
    if recipients_rule == Request.Recipients.PEER_GROUP and peer_group is None:
        raise ToolkitError(_("Choose the group of areas to send the request to."),
                           code="no_group")
    if recipients_rule == Request.Recipients.CHOSEN and not chosen_areas:
        raise ToolkitError(_("Choose at least one area to send the request to."),
                           code="no_areas")
    letters.check_template(letter_template)


@transaction.atomic
def create_request(*, actor: Any, title: str, issuing_body: Organisation, due_on: datetime.date,
                   opens_on: datetime.date | None = None, background: str = "",
                   recommendation: str = "", recipients_rule: str = Request.Recipients.ALL,
                   peer_group: PeerGroup | None = None, chosen_areas: Iterable[Area] = (),
                   publish_responses: bool = False, letter_template: str = "",
                   slug: str = "", is_demo: bool = False) -> Request:
    """A draft request with an empty first question set."""
    permissions.require_can_create_request(actor)
    chosen = list(chosen_areas)
    opens_on = opens_on or timezone.localdate()
    _check_details(issuing_body=issuing_body, recipients_rule=recipients_rule,
                   peer_group=peer_group, chosen_areas=chosen, opens_on=opens_on, due_on=due_on,
                   letter_template=letter_template)
    request = Request.objects.create(
        slug=_unique_slug(title, slug), title=title, issuing_body=issuing_body,
        background=background, recommendation=recommendation, recipients_rule=recipients_rule,
        peer_group=peer_group if recipients_rule == Request.Recipients.PEER_GROUP else None,
        opens_on=opens_on, due_on=due_on, publish_responses=publish_responses,
        letter_template=letter_template or letters.DEFAULT_TEMPLATE, is_demo=is_demo,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if recipients_rule == Request.Recipients.CHOSEN:
        request.chosen_areas.set(chosen)
    QuestionSet.objects.create(request=request, number=1, created_by=request.created_by)
    audit.record(actor, "request.create", request, after=audit.snapshot(request))
    return request


@transaction.atomic
def update_request(*, request: Request, actor: Any, **values: Any) -> Request:
    """Change a draft request's details. An issued request's details stay as sent."""
    permissions.require_can_manage_request(actor, request)
    if request.state != Request.State.DRAFT:
        raise InvalidTransition(_("This request has been issued, so its details stay as sent. "
                                  "You can extend its due date or change its questions."))
    unknown = set(values) - set(REQUEST_FIELDS)
    if unknown:
        raise ToolkitError(_("These details cannot be changed: %(names)s.")
                           % {"names": ", ".join(sorted(unknown))})
    before = audit.snapshot(request)
    merged = {name: values.get(name, getattr(request, name)) for name in REQUEST_FIELDS
              if name != "chosen_areas"}
    chosen = list(values.get("chosen_areas", request.chosen_areas.all()))
    _check_details(issuing_body=merged["issuing_body"], recipients_rule=merged["recipients_rule"],
                   peer_group=merged["peer_group"], chosen_areas=chosen,
                   opens_on=merged["opens_on"], due_on=merged["due_on"],
                   letter_template=merged["letter_template"])
    for name, value in merged.items():
        setattr(request, name, value)
    if request.recipients_rule != Request.Recipients.PEER_GROUP:
        request.peer_group = None
    request.save()
    request.chosen_areas.set(chosen if request.recipients_rule == Request.Recipients.CHOSEN
                             else [])
    audit.record(actor, "request.update", request, before=before, after=audit.snapshot(request))
    return request


def recipient_areas(request: Request) -> QuerySet[Area]:
    """The areas a request goes to: its responses once issued, else what its rule names."""
    if request.state != Request.State.DRAFT:
        return Area.objects.filter(responses__request=request).order_by("name")
    rule = request.recipients_rule
    if rule == Request.Recipients.ALL:
        return area_selectors.territorial_areas().order_by("name")
    if rule == Request.Recipients.VRU:
        return area_selectors.vru_areas().order_by("name")
    if rule == Request.Recipients.PEER_GROUP and request.peer_group is not None:
        return request.peer_group.areas.order_by("name")
    return request.chosen_areas.order_by("name")


@transaction.atomic
def issue_request(*, request: Request, actor: Any) -> Request:
    """Send a draft request: one response, not started, for each recipient area."""
    permissions.require_can_manage_request(actor, request)
    request = Request.objects.select_for_update(of=("self",)).get(pk=request.pk)
    if request.state != Request.State.DRAFT:
        raise InvalidTransition(_("This request has already been issued."))
    if not request.question_set.questions.exists():
        raise InvalidTransition(_("Add at least one question before issuing the request."))
    areas = list(recipient_areas(request))
    if not areas:
        raise InvalidTransition(_("The request has no recipients. Choose who it goes to."))
    before = audit.snapshot(request, ["state"])
    Response.objects.bulk_create(
        Response(request=request, area=area, is_demo=request.is_demo) for area in areas)
    request.state = Request.State.ISSUED
    request.issued_at = timezone.now()
    request.save(update_fields=["state", "issued_at", "modified_at"])
    audit.record(actor, "request.issue", request, before=before,
                 after=audit.snapshot(request, ["state"]),
                 note=_("Sent to %(n)s areas.") % {"n": len(areas)})
    return request


@transaction.atomic
def extend_request(*, request: Request, actor: Any, due_on: datetime.date,
                   reason: str = "") -> Request:
    permissions.require_can_manage_request(actor, request)
    if request.state != Request.State.ISSUED:
        raise InvalidTransition(_("Only an issued request that is still open can be extended."))
    if due_on <= request.due_on:
        raise ToolkitError(_("The new due date must be after the current one (%(date)s).")
                           % {"date": request.due_on.isoformat()}, code="not_later")
    before = audit.snapshot(request, ["due_on"])
    if request.original_due_on is None:
        request.original_due_on = request.due_on
    request.due_on = due_on
    request.save(update_fields=["due_on", "original_due_on", "modified_at"])
    audit.record(actor, "request.extend", request, before=before,
                 after=audit.snapshot(request, ["due_on"]), note=reason)
    return request


@transaction.atomic
def close_request(*, request: Request, actor: Any) -> Request:
    """Stop taking responses; those received can still be reviewed and published."""
    permissions.require_can_manage_request(actor, request)
    if request.state != Request.State.ISSUED:
        raise InvalidTransition(_("Only an issued request can be closed."))
    request.state = Request.State.CLOSED
    request.closed_at = timezone.now()
    request.save(update_fields=["state", "closed_at", "modified_at"])
    audit.record(actor, "request.close", request, before={"state": "issued"},
                 after={"state": "closed"})
    return request


# --- Questions --------------------------------------------------------------------------------

def _clean_question(*, title: str, kind: str, options: Iterable[str]) -> list[str]:
    if not title.strip():
        raise ToolkitError(_("Write the question."), code="no_title")
    if kind not in Question.Kind.values:
        raise ToolkitError(_("Choose the kind of answer."), code="bad_kind")
    cleaned = [o.strip() for o in options if o and o.strip()]
    if kind == Question.Kind.CHOICE and len(cleaned) < 2:
        raise ToolkitError(_("Give at least two options to choose from, one per line."),
                           code="too_few_options")
    if len(set(cleaned)) != len(cleaned):
        raise ToolkitError(_("Each option must be different."), code="repeated_option")
    return cleaned if kind == Question.Kind.CHOICE else []


def _set_for_change(request: Request, actor: Any, note: str) -> QuestionSet:
    """The set to change: the draft's own, or a new version copied from the current one."""
    permissions.require_can_manage_request(actor, request)
    current = request.question_set
    if request.state == Request.State.DRAFT:
        return current
    if request.state == Request.State.CLOSED:
        raise InvalidTransition(_("This request is closed; its questions can no longer change."))
    if not note.strip():
        raise ToolkitError(_("Say what changed and why: recipients will see this note."),
                           code="no_note")
    new = QuestionSet.objects.create(request=request, number=current.number + 1, note=note,
                                     created_by=actor if getattr(actor, "pk", None) else None)
    for question in current.questions.all():
        question.pk = None
        question.question_set = new
        question.save()
    audit.record(actor, "request.questions_version", request, note=note,
                 after={"question_set": new.number})
    return new


def _next_key(request: Request) -> str:
    keys = Question.objects.filter(question_set__request=request).values_list("key", flat=True)
    numbers = [int(k[1:]) for k in keys if k.startswith("q") and k[1:].isdigit()]
    return f"q{max(numbers, default=0) + 1}"


@transaction.atomic
def add_question(*, request: Request, actor: Any, title: str, kind: str = Question.Kind.TEXT,
                 guidance: str = "", options: Iterable[str] = (), allow_several: bool = False,
                 required: bool = True, note: str = "") -> Question:
    cleaned = _clean_question(title=title, kind=kind, options=options)
    question_set = _set_for_change(request, actor, note)
    position = (question_set.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    question = Question.objects.create(
        question_set=question_set, key=_next_key(request), position=position, title=title.strip(),
        guidance=guidance.strip(), kind=kind, options=cleaned,
        allow_several=allow_several and kind == Question.Kind.CHOICE, required=required)
    audit.record(actor, "request.question_add", request, after=audit.snapshot(question),
                 note=note)
    return question


@transaction.atomic
def change_question(*, request: Request, actor: Any, key: str, title: str, kind: str,
                    guidance: str = "", options: Iterable[str] = (), allow_several: bool = False,
                    required: bool = True, note: str = "") -> Question:
    cleaned = _clean_question(title=title, kind=kind, options=options)
    question_set = _set_for_change(request, actor, note)
    question = question_set.questions.get(key=key)
    before = audit.snapshot(question)
    question.title, question.guidance, question.kind = title.strip(), guidance.strip(), kind
    question.options, question.required = cleaned, required
    question.allow_several = allow_several and kind == Question.Kind.CHOICE
    question.save()
    audit.record(actor, "request.question_change", request, before=before,
                 after=audit.snapshot(question), note=note)
    return question


@transaction.atomic
def remove_question(*, request: Request, actor: Any, key: str, note: str = "") -> None:
    """Take a question out of the current set (earlier sets, and answers, keep it)."""
    question_set = _set_for_change(request, actor, note)
    question = question_set.questions.get(key=key)
    if question_set.questions.count() == 1 and request.state != Request.State.DRAFT:
        raise ToolkitError(_("An issued request needs at least one question."))
    before = audit.snapshot(question)
    # Only the draft's own set, or the copy just made for this change, is touched here.
    Question.objects.filter(pk=question.pk).delete()
    audit.record(actor, "request.question_remove", request, before=before, note=note)


@transaction.atomic
def move_question(*, request: Request, actor: Any, key: str, up: bool, note: str = "") -> None:
    question_set = _set_for_change(request, actor, note)
    ordered = list(question_set.questions.order_by("position"))
    index = next(i for i, q in enumerate(ordered) if q.key == key)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, question in enumerate(ordered, 1):
        if question.position != position:
            question.position = position
            question.save(update_fields=["position"])
    audit.record(actor, "request.question_move", request, note=note,
                 after={"order": [q.key for q in ordered]})
