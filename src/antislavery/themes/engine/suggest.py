"""Suggested coding: rules and the learned model together, each suggestion with its reason.

The two are combined as independent pieces of evidence: a label's confidence is
``1 - (1 - p_model) * (1 - RULE_STRENGTH * rule_weight)``, so a rule alone can carry a clear
case, the model alone can find wording no rule foresaw, and both agreeing is surest. A label
is suggested when its confidence reaches the threshold for its kind (theme or facet value).
Classification is deterministic: the same examples and texts give the same suggestions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from textwrap import shorten

import numpy as np

from antislavery.areas.gazetteer import Gazetteer

from . import areas as area_mentions
from .codebook import FACETS, Codebook
from .examples import Example, label_space
from .messages import gettext_noop
from .model import LabelModel, ModelSettings
from .rules import RuleHit, RuleSet


@dataclass(frozen=True)
class Settings:
    """Chosen by cross-validation on the training examples only (bench/themes.py --tune)."""

    model: ModelSettings = field(default_factory=ModelSettings)
    rule_strength: float = 0.5
    theme_threshold: float = 0.5
    facet_threshold: float = 0.35


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True)
class SimilarPassage:
    id: str
    text: str
    similarity: float


# The sentences of a reason. Marked here, translated where a page shows them (see explain).
MENTIONS = gettext_noop("Mentions %(phrases)s: %(reasons)s")
# Written with the quotation marks themselves: makemessages does not read "\u" escapes.
RESEMBLES = gettext_noop("Resembles coded passages such as “%(example)s” (%(ids)s).")
MODEL_ONLY = gettext_noop("The model's estimate from the wording as a whole.")


def _as_is(text: str) -> str:
    return text


def explain(*, phrases: Sequence[str], rule_reasons: Sequence[str],
            similar: Sequence[tuple[str, str]],
            translate: Callable[[str], str] = _as_is) -> str:
    """Why a label was suggested: the phrases found with the rules' reasons, then the coded
    passages (id, text) it resembles. ``translate`` is ``gettext`` on a page; the record
    keeps the English."""
    parts = []
    if phrases:
        quoted = ", ".join(f"\u201c{phrase}\u201d" for phrase in phrases[:4])
        parts.append(translate(MENTIONS) % {
            "phrases": quoted,
            "reasons": " ".join(translate(reason) for reason in rule_reasons)})
    if similar:
        example = shorten(similar[0][1], width=90, placeholder="\u2026")
        parts.append(translate(RESEMBLES) % {
            "example": example, "ids": ", ".join(identifier for identifier, _ in similar)})
    if not parts:
        parts.append(translate(MODEL_ONLY))
    return " ".join(parts)


@dataclass(frozen=True)
class Suggestion:
    """One suggested label with the evidence a person can check."""

    label: str  # a theme code, or "facet:value"
    confidence: float
    model_confidence: float
    phrases: tuple[str, ...] = ()
    rule_reasons: tuple[str, ...] = ()
    similar: tuple[SimilarPassage, ...] = ()

    @property
    def is_theme(self) -> bool:
        return ":" not in self.label

    @property
    def facet(self) -> str | None:
        return None if self.is_theme else self.label.split(":", 1)[0]

    @property
    def value(self) -> str:
        return self.label.split(":", 1)[-1]

    @property
    def reason(self) -> str:
        """The evidence in one readable sentence or two, in English (kept on record)."""
        return explain(phrases=self.phrases, rule_reasons=self.rule_reasons,
                       similar=[(passage.id, passage.text) for passage in self.similar])


@dataclass(frozen=True)
class Classification:
    suggestions: tuple[Suggestion, ...]
    areas: tuple[area_mentions.AreaMention, ...]

    @property
    def themes(self) -> list[str]:
        return [s.label for s in self.suggestions if s.is_theme]

    def facet_values(self, facet: str) -> list[str]:
        return [s.value for s in self.suggestions if s.facet == facet]

    @property
    def area(self) -> str | None:
        return area_mentions.main_area(list(self.areas))

    def as_record(self, identifier: object) -> dict:
        """The line ``antislavery themes classify`` writes for one passage."""
        return {
            "id": identifier,
            "themes": self.themes,
            "facets": {facet: self.facet_values(facet) for facet in FACETS},
            "area": self.area,
        }


class Suggester:
    """A trained model with its rules; build with :func:`train`."""

    def __init__(self, *, codebook: Codebook, rules: RuleSet, model: LabelModel,
                 settings: Settings, version: str) -> None:
        self.codebook = codebook
        self.rules = rules
        self.model = model
        self.settings = settings
        self.version = version

    @property
    def labels(self) -> list[str]:
        return self.model.labels

    def scores(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[dict]]:
        """Model probabilities, combined confidences and rule scores, per passage and label."""
        matrix = self.model.transform(texts)
        model_p = self.model.probabilities(matrix)
        rule_scores = [self.rules.scores(text) for text in texts]
        rule_w = np.zeros_like(model_p)
        column = {label: index for index, label in enumerate(self.labels)}
        for row, found in enumerate(rule_scores):
            for label, (weight, _hits) in found.items():
                if label in column:
                    rule_w[row, column[label]] = weight
        combined = 1 - (1 - model_p) * (1 - self.settings.rule_strength * rule_w)
        return model_p, combined, rule_scores

    def thresholds(self) -> np.ndarray:
        return np.array([
            self.settings.theme_threshold if ":" not in label else self.settings.facet_threshold
            for label in self.labels
        ])

    def classify(self, texts: Sequence[str], *, gazetteer: Gazetteer | None = None,
                 with_similar: bool = True) -> list[Classification]:
        """Suggestions for each text, in order; ``with_similar`` adds nearest coded passages."""
        if not texts:
            return []
        model_p, combined, rule_scores = self.scores(texts)
        chosen = combined >= self.thresholds()
        similarity = (self.model.similarities(self.model.transform(texts))
                      if with_similar else None)
        results = []
        for row, text in enumerate(texts):
            suggestions = [
                self._suggestion(label, combined[row, col], model_p[row, col],
                                 rule_scores[row].get(label, (0.0, []))[1],
                                 similarity[row] if similarity is not None else None)
                for col, label in enumerate(self.labels) if chosen[row, col]
            ]
            suggestions.sort(key=lambda s: (not s.is_theme, -s.confidence, s.label))
            results.append(Classification(tuple(suggestions),
                                          tuple(area_mentions.mentions(text, gazetteer))))
        return results

    def _suggestion(self, label: str, confidence: float, model_confidence: float,
                    hits: list[RuleHit], similarity: np.ndarray | None) -> Suggestion:
        phrases = tuple(dict.fromkeys(p for hit in hits for p in hit.phrases))
        reasons = tuple(dict.fromkeys(hit.rule.reason for hit in hits))
        similar: tuple[SimilarPassage, ...] = ()
        if similarity is not None:
            similar = tuple(
                SimilarPassage(example.id, example.text, float(similarity[index]))
                for example, index in self._similar(similarity, label)
            )
        return Suggestion(label, round(float(confidence), 3), round(float(model_confidence), 3),
                          phrases, reasons, similar)

    def _similar(self, similarity: np.ndarray, label: str) -> list[tuple[Example, int]]:
        examples = self.model.most_similar(similarity, label)
        index = {id(example): i for i, example in enumerate(self.model.examples)}
        return [(example, index[id(example)]) for example in examples]


def version_stamp(codebook: Codebook, rules: RuleSet, examples: Sequence[Example],
                  settings: Settings) -> str:
    """Changes whenever anything the model learns from changes."""
    digest = hashlib.sha256()
    digest.update(repr(sorted(codebook.themes)).encode())
    digest.update(rules.stamp.encode())
    digest.update(repr(settings).encode())
    for example in examples:
        digest.update(example.id.encode())
        digest.update(example.text.encode())
        digest.update(repr(sorted(example.labels)).encode())
    return digest.hexdigest()[:16]


def train(examples: Sequence[Example], *, codebook: Codebook, rules: RuleSet,
          settings: Settings = DEFAULT_SETTINGS) -> Suggester:
    """Fit the model on ``examples`` (the project's own, plus people's decisions)."""
    labels = label_space(codebook, examples)
    model = LabelModel(labels, settings.model).fit(examples)
    return Suggester(codebook=codebook, rules=rules, model=model, settings=settings,
                     version=version_stamp(codebook, rules, examples, settings))
