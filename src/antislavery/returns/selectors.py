"""Reading requests and responses: the tracker, what each person may see, texts to analyse."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from antislavery.accounts import permissions
from antislavery.areas.models import Area

from . import answers as answer_rules
from .models import (
    EDITABLE_STATES,
    RECEIVED_STATES,
    Attachment,
    Question,
    Request,
    Response,
    ResponseVersion,
)

# --- Requests -------------------------------------------------------------------------------


def with_counts() -> QuerySet[Request]:
    """Every request, with counts of recipients and responses received."""
    return Request.objects.select_related("issuing_body").annotate(
        recipient_count=Count("responses", distinct=True),
        received_count=Count("responses", filter=Q(responses__state__in=RECEIVED_STATES),
                             distinct=True),
    )


def requests_for(user: Any) -> QuerySet[Request]:
    """Requests the user may see, with their counts."""
    queryset = with_counts()
    if permissions.is_administrator(user):
        return queryset
    visible = ~Q(state=Request.State.DRAFT)
    if permissions.is_coordinator(user):
        visible |= Q(created_by=user) | Q(issuing_body_id=user.organisation_id)
    return queryset.filter(visible)


def public_requests() -> QuerySet[Request]:
    return requests_for(None).annotate(
        published_count=Count("responses", filter=Q(
            responses__state=Response.State.PUBLISHED,
            responses__published_version__consent_to_publish=True), distinct=True))


def questions_of(request: Request) -> list[Question]:
    return list(request.question_set.questions.order_by("position"))


@dataclass(frozen=True)
class OfficeTask:
    request: Request
    response: Response
    days_to_due: int

    @property
    def needs_action(self) -> bool:
        return self.response.state in EDITABLE_STATES and self.request.state == "issued"


def requests_for_office(area: Area, *, today: datetime.date | None = None) -> list[OfficeTask]:
    """The "requests for us" list: every issued request sent to the area, soonest due first."""
    today = today or timezone.localdate()
    responses = (Response.objects.filter(area=area).exclude(request__state=Request.State.DRAFT)
                 .select_related("request", "request__issuing_body", "area")
                 .order_by("request__due_on"))
    tasks = [OfficeTask(r.request, r, (r.request.due_on - today).days) for r in responses]
    return sorted(tasks, key=lambda t: (not t.needs_action, t.request.due_on))


# --- Tracking -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrackerRow:
    response: Response
    area_slug: str
    area_name: str
    state: str
    state_label: str
    last_activity: datetime.date | None
    days_to_due: int
    overdue: bool
    reminded: datetime.date | None


@dataclass(frozen=True)
class Tracker:
    request: Request
    today: datetime.date
    rows: list[TrackerRow] = field(default_factory=list)

    @property
    def recipients(self) -> int:
        return len(self.rows)

    @property
    def received(self) -> int:
        return sum(1 for row in self.rows if row.state in RECEIVED_STATES)

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.overdue)

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    def summary(self) -> list[tuple[str, int]]:
        """(state label, count) for each state some recipient is in."""
        return [(str(label), self.count(value)) for value, label in Response.State.choices
                if self.count(value)]

    def as_json(self) -> dict[str, Any]:
        return {
            "request": self.request.slug,
            "recipients": self.recipients,
            "received": self.received,
            "overdue": self.overdue,
            "rows": [{"area": row.area_slug, "state": row.state,
                      "last_activity": row.last_activity.isoformat() if row.last_activity
                      else None,
                      "days_to_due": row.days_to_due} for row in self.rows],
        }


def _is_overdue(response: Response, request: Request, today: datetime.date) -> bool:
    waiting = response.state in EDITABLE_STATES
    return request.state == Request.State.ISSUED and waiting and today > request.due_on


def tracker(request: Request, *, today: datetime.date | None = None) -> Tracker:
    """Each recipient's state, last activity and days to (negative: past) the due date.

    Drafts show as a state and a date only; their text stays with the office.
    """
    today = today or timezone.localdate()
    rows = []
    responses = request.responses.select_related("area", "area__office").order_by("area__name")
    for response in responses:
        last = response.last_activity_at
        reminded = response.last_reminded_at
        rows.append(TrackerRow(
            response=response, area_slug=response.area.slug, area_name=response.area.name,
            state=response.state, state_label=response.get_state_display(),
            last_activity=timezone.localdate(last) if last else None,
            days_to_due=(request.due_on - today).days,
            overdue=_is_overdue(response, request, today),
            reminded=timezone.localdate(reminded) if reminded else None,
        ))
    return Tracker(request=request, today=today, rows=rows)


# --- What a person sees of a response --------------------------------------------------------


def version_for(user: Any, response: Response) -> ResponseVersion | None:
    """The version this person is shown: the office its latest, a coordinator what was last
    submitted, the public what was published."""
    if permissions.is_office_member(user, response.area):
        return response.current_version
    if permissions.is_coordinator(user):
        return response.submitted_version
    if permissions.is_public_response(response):
        return response.published_version
    return None


@dataclass(frozen=True)
class ShownAnswer:
    question: Question
    answer: dict[str, Any]

    @property
    def anchor(self) -> str:
        return self.question.anchor

    @property
    def html(self) -> Any:
        return answer_rules.to_html(self.question, self.answer)

    @property
    def plain(self) -> str:
        return answer_rules.plain(self.question, self.answer)


def shown_answers(version: ResponseVersion | None, request: Request) -> list[ShownAnswer]:
    """The answers of a version against the questions it answered (the current questions when
    nothing has been saved yet)."""
    question_set = version.question_set if version else request.question_set
    given = version.answers if version else {}
    return [ShownAnswer(q, given.get(q.key, {}))
            for q in question_set.questions.order_by("position")]


def attachments_for(user: Any, response: Response,
                    version: ResponseVersion | None) -> list[Attachment]:
    """The office sees its current attachments; others those of the version they are shown."""
    if permissions.is_office_member(user, response.area):
        return list(response.attachments.filter(removed_at__isnull=True,
                                                role=Attachment.Role.ATTACHMENT))
    if version is None:
        return []
    return list(response.attachments.filter(pk__in=version.attachment_ids))


def source_documents(response: Response) -> list[Attachment]:
    return list(response.attachments.filter(role=Attachment.Role.SOURCE))


def history(response: Response) -> QuerySet[ResponseVersion]:
    return response.versions.select_related("saved_by").order_by("-number")


def published_responses(request: Request) -> list[Response]:
    """Responses the public may read, by area name."""
    candidates = (request.responses.filter(state=Response.State.PUBLISHED)
                  .select_related("area", "published_version",
                                  "published_version__question_set", "request")
                  .order_by("area__name"))
    return [r for r in candidates if permissions.is_public_response(r)]


def published_for_area(area: Area) -> list[Response]:
    candidates = (Response.objects.filter(area=area, state=Response.State.PUBLISHED)
                  .select_related("request", "published_version", "area")
                  .order_by("-published_at"))
    return [r for r in candidates if permissions.is_public_response(r)]


def responses_to_area(area: Area) -> QuerySet[Response]:
    """The area's response to each request it was sent (drafted requests left out), the
    request due last first."""
    return (Response.objects.filter(area=area).exclude(request__state=Request.State.DRAFT)
            .select_related("request", "request__issuing_body", "area")
            .order_by("-request__due_on", "request__title"))


def received_responses(request: Request) -> QuerySet[Response]:
    """Responses that have been submitted at least once (what coordinators may read)."""
    return (request.responses.filter(submitted_version__isnull=False)
            .select_related("area", "submitted_version", "submitted_version__question_set")
            .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("pk")))
            .order_by("area__name"))


# --- The contract with the themes app ---------------------------------------------------------


@dataclass(frozen=True)
class SourceText:
    """One analysable text of a response: an answer, or an attached document's text.

    ``source_id`` is the question's key (``"q1"``; stable across question sets) for an answer
    and the attachment's id (as a string) for a document. ``text`` is plain: paragraphs and
    list items separated by blank lines, bullets starting ``"- "``, numbered items ``"N. "``.
    ``url`` links to the text on the response's page (anchor ``#answer-<key>`` or
    ``#attachment-<id>``).
    """

    response_id: int
    area_slug: str
    area_name: str
    source_kind: str
    source_id: str
    label: str
    version_id: int
    text: str
    url: str = ""
    is_demo: bool = False


ANALYSABLE_STATES = RECEIVED_STATES


def analysable_texts(request: Request) -> list[SourceText]:
    """Every answer and attachment text of the responses submitted, accepted or published,
    from the version last submitted. Returned, withdrawn and draft responses are left out."""
    texts: list[SourceText] = []
    responses = received_responses(request).filter(state__in=ANALYSABLE_STATES)
    for response in responses:
        version = response.submitted_version
        common = {"response_id": response.pk, "area_slug": response.area.slug,
                  "area_name": response.area.name, "version_id": version.pk,
                  "is_demo": response.is_demo}
        for shown in shown_answers(version, request):
            text = shown.plain
            if text:
                texts.append(SourceText(
                    source_kind="answer", source_id=shown.question.key,
                    label=shown.question.title, text=text,
                    url=response.answer_url(shown.question.key), **common))
        for attachment in response.attachments.all():
            if attachment.pk in version.attachment_ids and attachment.text:
                texts.append(SourceText(
                    source_kind="attachment", source_id=str(attachment.pk),
                    label=attachment.original_name, text=attachment.text,
                    url=f"{response.get_absolute_url()}#{attachment.anchor}", **common))
    return texts
