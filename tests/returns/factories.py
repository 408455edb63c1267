"""Requests and responses for the returns tests, made through the services."""

from __future__ import annotations

import datetime

from django.utils import timezone

from antislavery.areas.models import Area, Organisation
from antislavery.returns import services
from antislavery.returns.models import Question, Request


def draft_request(actor, *, areas: list[Area] | None = None,
                  title: str = "Support outside the NRM", due_in_days: int = 30,
                  publish: bool = True, kinds: bool = False,
                  **values) -> Request:
    """A draft request (to the chosen ``areas``, or to all) with one text question, or one
    question of each kind when ``kinds``."""
    today = timezone.localdate()
    body = Organisation.objects.get(slug="apcc")
    request = services.create_request(
        actor=actor, title=title, issuing_body=body,
        opens_on=values.pop("opens_on", today - datetime.timedelta(days=1)),
        due_on=values.pop("due_on", today + datetime.timedelta(days=due_in_days)),
        recipients_rule=values.pop("recipients_rule", Request.Recipients.CHOSEN if areas
                                   else Request.Recipients.ALL),
        chosen_areas=areas or [], publish_responses=publish,
        background="The inspectorate asked commissioners to report.", **values)
    services.add_question(request=request, actor=actor, title="Support before and after the NRM",
                          guidance="Say what you commission.")
    if kinds:
        services.add_question(request=request, actor=actor, kind=Question.Kind.YES_NO,
                              title="Can victims who decline the NRM get support?")
        services.add_question(request=request, actor=actor, kind=Question.Kind.CHOICE,
                              title="Which stages does your support reach?",
                              options=["Before referral", "Awaiting a decision",
                                       "After a decision", "Outside the NRM"],
                              allow_several=True)
        services.add_question(request=request, actor=actor, kind=Question.Kind.NUMBER,
                              title="Specialist posts funded", required=False)
    return request


def issued_request(actor, **kwargs) -> Request:
    request = draft_request(actor, **kwargs)
    return services.issue_request(request=request, actor=actor)


def answer_text(text: str) -> dict:
    return {"q1": {"text": text}}
