"""Two demonstration requests, with responses in every state, from ``demo_data/*.yaml``.

The texts are demonstration content written for the demo (see the files' headers), marked as
such in the data (``is_demo``, each version's note) and on every page that shows them. Loading
is deterministic and safe to repeat: a request already present is left as it is. Dates are
counted back from the day of loading, so that the tracker always has something to show.
"""

from __future__ import annotations

import datetime
from importlib import resources
from typing import Any, TextIO

import yaml
from django.db import transaction
from django.utils import timezone

from antislavery.accounts import audit
from antislavery.accounts.models import User
from antislavery.areas import selectors as area_selectors
from antislavery.areas.models import Area, Organisation

from . import answers as answer_rules
from .models import (
    RECEIVED_STATES,
    Question,
    QuestionSet,
    Request,
    Response,
    ResponseVersion,
)

ORDER = 40
DEMO_NOTE = "Demonstration content written for the toolkit's demo; not an office's own words."
_CHOICE_PATTERNS = ((0, 1, 2, 3), (0, 2, 3), (0, 1, 3), (0, 1, 2, 3), (1, 2, 3))


def specs() -> list[dict[str, Any]]:
    folder = resources.files("antislavery.returns") / "demo_data"
    return [yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(folder.iterdir(), key=lambda p: p.name)
            if path.name.endswith(".yaml")]


def load(*, stdout: TextIO) -> None:
    for spec in specs():
        slug = spec["request"]["slug"]
        if Request.objects.filter(slug=slug).exists():
            stdout.write(f"  {slug}: already loaded\n")
            continue
        with transaction.atomic():
            request = _load(spec)
        received = request.responses.filter(state__in=RECEIVED_STATES).count()
        stdout.write(f"  {slug}: {received} of {request.responses.count()} responses "
                     f"received (demonstration content)\n")


def _days_ago(days: int, hour: int = 11) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _recipients(rule: str) -> list[Area]:
    areas = area_selectors.vru_areas() if rule == "vru" else area_selectors.territorial_areas()
    return list(areas.order_by("slug"))


def _load(spec: dict[str, Any]) -> Request:
    about = spec["request"]
    today = timezone.localdate()
    coordinator = User.objects.filter(username=about["coordinator"]).first()
    opened = _days_ago(about["opens_days_ago"], hour=9)
    request = Request.objects.create(
        slug=about["slug"], title=about["title"],
        issuing_body=Organisation.objects.get(slug=about["issuing_body"]),
        background=about["background"].strip(), recommendation=about["recommendation"].strip(),
        recipients_rule=about["recipients"], opens_on=opened.date(),
        due_on=today + datetime.timedelta(days=about["due_in_days"]),
        publish_responses=about["publish"], letter_template=about["letter"].strip(),
        state=Request.State.ISSUED, is_demo=True, created_by=coordinator,
        created_at=opened, issued_at=opened)
    question_set = QuestionSet.objects.create(request=request, number=1, created_by=coordinator,
                                              created_at=opened)
    questions = [Question.objects.create(
        question_set=question_set, key=item["key"], position=position, title=item["title"],
        guidance=item.get("guidance", ""), kind=item["kind"], options=item.get("options", []),
        allow_several=item.get("allow_several", False))
        for position, item in enumerate(about["questions"], 1)]
    for index, area in enumerate(_recipients(about["recipients"])):
        response = Response.objects.create(request=request, area=area, is_demo=True)
        entry = spec["responses"].get(area.slug)
        if entry:
            _fill(response, entry, questions, spec["generic"], index, about)
    audit.record(None, "demo.load", request, note=DEMO_NOTE)
    return request


def _answer(question: Question, specific: dict[str, str], generic: dict[str, list[str]],
            index: int) -> dict[str, Any]:
    pool = generic.get(question.key) or [""]
    text = specific.get(question.key) or pool[(index + question.position * 3) % len(pool)]
    raw: dict[str, Any] = {"text": text}
    if question.kind == Question.Kind.YES_NO:
        raw["choice"] = "yes"
    elif question.kind == Question.Kind.CHOICE:
        pattern = _CHOICE_PATTERNS[index % len(_CHOICE_PATTERNS)]
        raw = {"choice": [question.options[i] for i in pattern if i < len(question.options)]}
    return answer_rules.clean_answer(question, raw)


def _editor_for(area: Area) -> User | None:
    return User.objects.filter(organisation__area=area, role="office_editor").order_by(
        "username").first()


def _fill(response: Response, entry: dict[str, Any], questions: list[Question],
          generic: dict[str, list[str]], index: int, about: dict[str, Any]) -> None:
    """Versions and state for one area, as if its office had drafted and submitted."""
    state = entry["state"]
    answers = {q.key: _answer(q, entry.get("answers") or {}, generic, index) for q in questions}
    consent = bool(entry.get("consent", False))
    editor = _editor_for(response.area)
    # Submissions spread over the weeks before the due date (or before today, if earlier).
    latest = max(2, -about["due_in_days"] + 2)
    submitted_ago = latest + (index * 11) % max(1, about["opens_days_ago"] - latest - 20)
    common = {"response": response, "question_set": questions[0].question_set,
              "consent_to_publish": consent, "saved_by": editor, "note": DEMO_NOTE}
    if state == "draft":
        partial = dict(list(answers.items())[:2])
        draft = ResponseVersion.objects.create(number=1, kind="saved", based_on=0,
                                               state="draft", answers=partial,
                                               saved_at=_days_ago(3 + index % 5), **common)
        _set(response, state="draft", version=draft, consent=consent)
        return
    first = ResponseVersion.objects.create(number=1, kind="saved", based_on=0, state="draft",
                                           answers=answers,
                                           saved_at=_days_ago(submitted_ago + 3), **common)
    submitted = ResponseVersion.objects.create(number=2, kind="submitted", based_on=1,
                                               state="submitted", answers=first.answers,
                                               saved_at=_days_ago(submitted_ago), **common)
    stamps: dict[str, Any] = {"submitted_at": submitted.saved_at,
                              "submitted_version": submitted}
    if state == "returned":
        stamps["return_note"] = entry.get("return_note", "")
    if state in {"accepted", "published"}:
        stamps["accepted_at"] = _days_ago(max(0, submitted_ago - 1), hour=15)
    if state == "published":
        stamps["published_at"] = _days_ago(max(0, submitted_ago - 2), hour=16)
        stamps["published_version"] = submitted
    _set(response, state=state, version=submitted, consent=consent, **stamps)


def _set(response: Response, *, state: str, version: ResponseVersion, consent: bool,
         **stamps: Any) -> None:
    response.state = state
    response.version_number = version.number
    response.current_version = version
    response.consent_to_publish = consent
    moments = [version.saved_at, *(v for v in stamps.values()
                                   if isinstance(v, datetime.datetime))]
    response.last_activity_at = max(moments)
    for name, value in stamps.items():
        setattr(response, name, value)
    response.save()
