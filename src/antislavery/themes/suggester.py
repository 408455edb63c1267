"""The suggestion model the web app uses: the toolkit's examples plus people's coding.

Fitted models are kept in memory (the engine's cache) and on disk in the data folder, both
keyed by the version stamp of what they learned from, so a model fitted by the background
worker is picked up by the web processes without fitting it again.
"""

from __future__ import annotations

import logging
from pathlib import Path

import joblib
from django.conf import settings

from .engine import cache
from .engine import codebook as codebook_file
from .engine import examples as examples_file
from .engine import rules as rules_file
from .engine.codebook import Codebook
from .engine.examples import Example
from .engine.suggest import DEFAULT_SETTINGS, Suggester, version_stamp
from .models import Coding, Decision

logger = logging.getLogger(__name__)
KEEP_ON_DISK = 3


def coded_examples() -> list[Example]:
    """Every passage a first coder has coded, with the codes given (none is an answer too)."""
    given: dict[int, set[str]] = {}
    codings = Coding.objects.filter(round=Coding.Round.FIRST).select_related("passage")
    texts = {coding.pk: (coding.passage_id, coding.passage.full_text) for coding in codings}
    for coding_id, label in Decision.objects.filter(
            coding_id__in=texts, superseded_at__isnull=True,
            verdict__in=[Decision.Verdict.ACCEPTED, Decision.Verdict.ADDED],
    ).values_list("coding_id", "label"):
        given.setdefault(coding_id, set()).add(label)
    return [Example(f"passage-{passage_id}", text, frozenset(given.get(coding_id, set())),
                    source="coded in the toolkit")
            for coding_id, (passage_id, text) in sorted(texts.items(), key=lambda i: i[1][0])]


def training_examples(codebook: Codebook) -> list[Example]:
    return [*examples_file.training(codebook_file.packaged()), *coded_examples()]


def _store() -> Path:
    path = Path(settings.DATA_DIR) / "themes-models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _load(stamp: str) -> Suggester | None:
    path = _store() / f"model-{stamp}.joblib"
    if not path.exists():
        return None
    try:
        # Only files this toolkit wrote to its own data folder are read back.
        found = joblib.load(path)
    except Exception:  # a half-written or outdated file is fitted again
        logger.warning("Could not read the stored model %s; fitting it again.", path)
        return None
    return found if isinstance(found, Suggester) and found.version == stamp else None


def _save(suggester: Suggester) -> None:
    store = _store()
    target = store / f"model-{suggester.version}.joblib"
    partial = target.with_suffix(".part")
    joblib.dump(suggester, partial)
    partial.replace(target)
    for old in sorted(store.glob("model-*.joblib"), key=lambda p: p.stat().st_mtime)[
            :-KEEP_ON_DISK]:
        old.unlink(missing_ok=True)


def current_stamp() -> tuple[str, Codebook, list[Example]]:
    from .selectors import current_codebook

    codebook = current_codebook()
    examples = training_examples(codebook)
    rules = rules_file.packaged(codebook_file.packaged())
    return version_stamp(codebook, rules, examples, DEFAULT_SETTINGS), codebook, examples


def current(*, fit: bool = True) -> Suggester | None:
    """The model for everything coded so far. Without ``fit``, a missing model is not
    fitted: the newest one at hand is returned (or None), and the caller may queue a fit."""
    stamp, codebook, examples = current_stamp()
    found = cache.cached(stamp) or _load(stamp)
    if found is not None:
        cache.put(found)
        return found
    if not fit:
        return cache.latest()
    fitted = cache.get(examples, codebook=codebook,
                       rules=rules_file.packaged(codebook_file.packaged()))
    _save(fitted)
    return fitted
