"""The practice library: evidence ratings, facet counts and "similar practice"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import codes
from .models import CODED_LISTS, Entry


@dataclass(frozen=True)
class Evidence:
    rank: int
    label: str
    evaluation: str


def _ratings() -> dict[str, Evidence]:
    E = Entry.Evaluation
    return {
        E.NONE: Evidence(0, _("No evaluation"), E.NONE),
        E.PLANNED: Evidence(1, _("Evaluation planned"), E.PLANNED),
        E.INTERNAL: Evidence(2, _("Reviewed internally"), E.INTERNAL),
        E.INDEPENDENT: Evidence(3, _("Independently evaluated"), E.INDEPENDENT),
        E.PUBLISHED: Evidence(4, _("Independently evaluated with published results"),
                              E.PUBLISHED),
    }


def evidence_for(entry: Entry) -> Evidence:
    """The strength of evidence an entry's evaluation gives, from 0 (no evaluation) to 4
    (independently evaluated with published results)."""
    return _ratings().get(entry.evaluation, _ratings()[Entry.Evaluation.NONE])


def evidence_levels() -> list[Evidence]:
    return sorted(_ratings().values(), key=lambda evidence: evidence.rank)


def evaluations_at_least(rank: int) -> list[str]:
    return [evidence.evaluation for evidence in evidence_levels() if evidence.rank >= rank]


def facet_counts(entries: Sequence[Entry]) -> dict[str, list[tuple[str, str, int]]]:
    """For browsing: per facet, (code, label, how many entries carry it), codes with none
    left out, in codebook order."""
    counts: dict[str, list[tuple[str, str, int]]] = {}
    for field_name, facet in (*CODED_LISTS.items(), ("kind", codes.KIND)):
        tally: Counter[str] = Counter()
        for entry in entries:
            values = [entry.kind] if field_name == "kind" else getattr(entry, field_name)
            tally.update(set(values))
        counts[facet] = [(code, label, tally[code])
                         for code, label in codes.facet_values(facet).items() if tally[code]]
    return counts


# Weights of the two signals behind "similar practice".
TEXT_WEIGHT = 0.7
CODES_WEIGHT = 0.3
SIMILAR_LIMIT = 3


def _code_set(entry: Entry) -> set[str]:
    return {token for token in entry.build_code_index().split() if token}


def similar_entries(entry: Entry, candidates: Sequence[Entry],
                    limit: int = SIMILAR_LIMIT) -> list[tuple[Entry, float]]:
    """The candidates most like ``entry``: TF-IDF cosine similarity of title and summary
    blended with the overlap of their codes (Jaccard). Deterministic; ties go to the older
    entry."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    others = [c for c in candidates if c.pk != entry.pk]
    if not others:
        return []
    texts = [f"{e.title}. {e.summary}" for e in (entry, *others)]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    text_scores = cosine_similarity(matrix[0], matrix[1:])[0]
    mine = _code_set(entry)
    scored = []
    for other, text_score in zip(others, text_scores, strict=True):
        theirs = _code_set(other)
        overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
        score = TEXT_WEIGHT * float(text_score) + CODES_WEIGHT * overlap
        if score > 0:
            scored.append((other, round(score, 6)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].pk))
    return scored[:limit]
