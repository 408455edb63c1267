"""Split responses into passages and have the machine suggest codes for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from antislavery.accounts import audit, permissions
from antislavery.areas.models import Area

from ..engine.segment import segment
from ..engine.suggest import Suggester
from ..models import Passage, Suggestion

SIMILAR_TEXT = 240


@dataclass(frozen=True)
class AnalysisResult:
    texts: int
    passages_created: int
    passages_suggested: int
    model_version: str


def analyse_request(*, request: Any, actor: Any = None,
                    suggester: Suggester | None = None) -> AnalysisResult:
    """Make passages of every text not yet split, then suggest codes for the passages no
    person has coded and this model has not yet seen. ``actor`` None is the system (the
    demo loader, commands); a person must be allowed to code the request's responses."""
    from antislavery.returns.selectors import analysable_texts

    from .. import selectors
    from .. import suggester as suggester_module

    if actor is not None:
        permissions.require_can_code_passages(actor, request)
    texts = analysable_texts(request)
    created = _create_passages(texts)
    model = suggester or suggester_module.current()
    waiting = selectors.current_passages(request).exclude(suggested_with=model.version) \
        .exclude(codings__round=1)
    suggested = suggest_passages(list(waiting), model)
    with transaction.atomic():
        audit.record(actor, "themes.analyse", request,
                     after={"texts": len(texts), "passages_created": created,
                            "passages_suggested": suggested, "model": model.version})
    return AnalysisResult(len(texts), created, suggested, model.version)


@transaction.atomic
def _create_passages(texts: Sequence[Any]) -> int:
    done = set(Passage.objects.filter(version_id__in={t.version_id for t in texts})
               .values_list("version_id", "source_kind", "source_id").distinct())
    areas = {area.slug: area for area in Area.objects.filter(
        slug__in={t.area_slug for t in texts})}
    new = []
    for text in texts:
        if (text.version_id, text.source_kind, text.source_id) in done:
            continue
        for piece in segment(text.text):
            new.append(Passage(
                response_id=text.response_id, version_id=text.version_id,
                area=areas[text.area_slug], source_kind=text.source_kind,
                source_id=text.source_id, source_label=text.label[:300],
                source_url=getattr(text, "url", "")[:400], position=piece.position,
                start=piece.start, end=piece.end, heading=piece.heading[:300],
                text=piece.text, is_demo=getattr(text, "is_demo", False)))
    Passage.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def suggest_passages(passages: Sequence[Passage], suggester: Suggester) -> int:
    """Store the model's suggestions for each passage; earlier suggestions stay on record."""
    if not passages:
        return 0
    results = suggester.classify([p.full_text for p in passages])
    now = timezone.now()
    rows = [
        Suggestion(
            passage=passage, label=s.label, confidence=s.confidence,
            model_confidence=s.model_confidence, reason=s.reason, phrases=list(s.phrases),
            rule_reasons=list(s.rule_reasons),
            similar=[{"id": p.id, "text": p.text[:SIMILAR_TEXT]} for p in s.similar],
            model_version=suggester.version, created_at=now)
        for passage, result in zip(passages, results, strict=True)
        for s in result.suggestions
    ]
    Suggestion.objects.bulk_create(rows, ignore_conflicts=True)
    for passage in passages:
        passage.suggested_with = suggester.version
    Passage.objects.bulk_update(passages, ["suggested_with"])
    return len(passages)


def refresh_suggestions() -> str:
    """Fit the model for everything coded so far (if not fitted yet) and suggest again for
    every passage nobody has coded. Runs in the background as coding proceeds."""
    from antislavery.returns.selectors import ANALYSABLE_STATES

    from .. import suggester as suggester_module

    model = suggester_module.current()
    waiting = (Passage.objects
               .filter(version_id=F("response__submitted_version_id"),
                       response__state__in=ANALYSABLE_STATES)
               .exclude(suggested_with=model.version).exclude(codings__round=1))
    suggest_passages(list(waiting), model)
    return model.version
