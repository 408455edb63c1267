"""A person's coding of a passage: accept, reject or add codes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import ToolkitError

from ..models import Coding, Decision, Passage

RETRAIN_EVERY = 10


@transaction.atomic
def code_passage(*, passage: Passage, actor: Any, codes: Iterable[str],
                 round: int = Coding.Round.FIRST) -> Coding:
    """Record the codes a person gives a passage. Suggested codes left out are rejected,
    codes nobody suggested are added; a changed decision supersedes the earlier one."""
    from .. import selectors

    permissions.require_can_code_passages(actor, passage.response.request)
    chosen = set(codes)
    unknown = sorted(chosen - set(selectors.label_names()))
    if unknown:
        raise ToolkitError(_("These codes are not in the codebook: %(codes)s.")
                           % {"codes": ", ".join(unknown)})
    if round == Coding.Round.SECOND:
        first = selectors.coding_of(passage, Coding.Round.FIRST)
        if first is not None and first.coder_id == actor.pk:
            raise ToolkitError(_("You coded this passage first; a second coding must be done "
                                 "by someone else."))
    suggested = {s.label: s for s in selectors.current_suggestions(passage)}
    now = timezone.now()
    coding, _created = Coding.objects.get_or_create(
        passage=passage, round=round, defaults={"coder": actor, "coded_at": now})
    current = {d.label: d for d in coding.decisions.filter(superseded_at__isnull=True)}
    before = sorted(label for label, d in current.items() if d.gives_code)
    for label in sorted(chosen | set(suggested) | set(current)):
        verdict = _verdict(label in chosen, label in suggested)
        old = current.get(label)
        if old is not None and old.verdict == verdict:
            continue
        if old is not None:
            old.superseded_at = now
            old.save(update_fields=["superseded_at"])
        if verdict is not None:
            Decision.objects.create(coding=coding, label=label, verdict=verdict,
                                    suggestion=suggested.get(label), decided_by=actor,
                                    decided_at=now)
    coding.coder, coding.coded_at = actor, now
    coding.save(update_fields=["coder", "coded_at"])
    audit.record(actor, "passage.code", passage, area=passage.area,
                 before={"codes": before}, after={"codes": sorted(chosen), "round": round})
    if round == Coding.Round.FIRST:
        transaction.on_commit(_maybe_retrain)
    return coding


def _verdict(chosen: bool, suggested: bool) -> str | None:
    if suggested:
        return Decision.Verdict.ACCEPTED if chosen else Decision.Verdict.REJECTED
    return Decision.Verdict.ADDED if chosen else None


def _maybe_retrain() -> None:
    """Queue a refit of the model every few codings, so suggestions learn as coding goes."""
    from ..tasks import refresh_suggestions

    if Coding.objects.filter(round=Coding.Round.FIRST).count() % RETRAIN_EVERY == 0:
        refresh_suggestions.enqueue()
