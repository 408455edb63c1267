"""Answers as stored (``{question key: {"text", "choice", "number"}}``), checked and rendered.

``text`` is formatted text (see :mod:`.formatting`), ``choice`` is ``"yes"``/``"no"`` for a
yes/no question, an option's label for a choice, or a list of labels when several may be
chosen; ``number`` is a decimal written as a string.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from antislavery.errors import ToolkitError

from . import formatting
from .models import Question

MAX_TEXT = 30_000


def _yes_no_label(value: str) -> str:
    return {"yes": _("Yes"), "no": _("No")}.get(value, value)


def _clean_choice(question: Question, choice: Any) -> Any:
    if question.kind == Question.Kind.YES_NO:
        if choice not in {"yes", "no"}:
            raise ToolkitError(_("Answer '%(question)s' with yes or no.")
                               % {"question": question.title})
        return choice
    chosen = list(choice) if isinstance(choice, list | tuple) else [choice]
    unknown = [c for c in chosen if c not in question.options]
    if unknown or (len(chosen) > 1 and not question.allow_several):
        raise ToolkitError(_("Choose from the options given for '%(question)s'.")
                           % {"question": question.title})
    return chosen if question.allow_several else chosen[0]


def _clean_number(question: Question, number: Any) -> str:
    try:
        value = Decimal(str(number).replace(",", "").strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise ToolkitError(_("The answer to '%(question)s' must be a number.")
                           % {"question": question.title})
    return str(value)


def clean_answer(question: Question, raw: Mapping[str, Any] | None) -> dict[str, Any]:
    """One answer in its stored form, or ``ToolkitError`` naming the question."""
    raw = raw or {}
    answer: dict[str, Any] = {}
    text = formatting.normalise(str(raw.get("text") or ""))
    if len(text) > MAX_TEXT:
        raise ToolkitError(_("The answer to '%(question)s' is longer than %(limit)s characters.")
                           % {"question": question.title, "limit": f"{MAX_TEXT:,}"})
    if text:
        answer["text"] = text
    choice = raw.get("choice")
    if choice and question.kind in (Question.Kind.YES_NO, Question.Kind.CHOICE):
        answer["choice"] = _clean_choice(question, choice)
    number = raw.get("number")
    if question.kind == Question.Kind.NUMBER and number not in (None, ""):
        answer["number"] = _clean_number(question, number)
    return answer


def clean_answers(questions: Iterable[Question],
                  raw: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every answer for the given questions; answers to other questions are dropped."""
    cleaned = {}
    for question in questions:
        answer = clean_answer(question, raw.get(question.key))
        if answer:
            cleaned[question.key] = answer
    return cleaned


def is_answered(question: Question, answer: Mapping[str, Any] | None) -> bool:
    answer = answer or {}
    if question.kind == Question.Kind.TEXT:
        return bool(answer.get("text"))
    if question.kind == Question.Kind.NUMBER:
        return answer.get("number") not in (None, "")
    return bool(answer.get("choice"))


def missing(questions: Iterable[Question], answers: Mapping[str, Any]) -> list[Question]:
    """Required questions without an answer."""
    return [q for q in questions if q.required and not is_answered(q, answers.get(q.key))]


def _choices(answer: Mapping[str, Any]) -> list[str]:
    choice = answer.get("choice")
    if not choice:
        return []
    return [_yes_no_label(c) for c in (choice if isinstance(choice, list) else [choice])]


def plain_blocks(question: Question, answer: Mapping[str, Any] | None) -> list[str]:
    """The answer as plain blocks: the choice or number first, then the text."""
    answer = answer or {}
    blocks = []
    if choices := _choices(answer):
        blocks.append("; ".join(choices) + ".")
    if answer.get("number") not in (None, ""):
        blocks.append(str(answer["number"]))
    blocks.extend(formatting.plain_blocks(answer.get("text")))
    return blocks


def plain(question: Question, answer: Mapping[str, Any] | None) -> str:
    return "\n\n".join(plain_blocks(question, answer))


def to_html(question: Question, answer: Mapping[str, Any] | None) -> SafeString:
    answer = answer or {}
    parts = []
    if choices := _choices(answer):
        parts.append(format_html('<p class="govuk-body govuk-!-font-weight-bold">{}</p>',
                                 "; ".join(choices)))
    if answer.get("number") not in (None, ""):
        parts.append(format_html('<p class="govuk-body govuk-!-font-weight-bold">{}</p>',
                                 answer["number"]))
    parts.append(formatting.to_html(answer.get("text")))
    if not any(parts):
        parts.append(format_html('<p class="govuk-body govuk-hint">{}</p>', _("Not answered")))
    return mark_safe("".join(parts))  # noqa: S308 -- each part is escaped or sanitised
