"""Areas named in a passage, found by the gazetteer without touching the database.

The gazetteer is built from the packaged reference file of police force areas, so the
command line and the benchmark classify offline; the web app passes the database's own
gazetteer instead, which carries the same names plus any aliases added since.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from antislavery.areas.gazetteer import Gazetteer, Mention

AREAS_CSV = Path(__file__).resolve().parents[2] / "areas" / "data" / "police_force_areas.csv"

# Aliases that are also ordinary English words: named only when not opening a sentence.
_COMMON_WORDS = frozenset({"reading", "bury", "stoke", "halton", "poole"})


@dataclass(frozen=True)
class AreaMention:
    slug: str
    text: str
    start: int
    end: int


@cache
def packaged_gazetteer() -> Gazetteer:
    """The gazetteer of the reference file shipped with the toolkit, built once."""
    with open(AREAS_CSV, encoding="utf-8", newline="") as handle:
        entries = [
            (
                row["slug"],
                row["name"],
                [row["code"], row["force_name"],
                 *(alias.strip() for alias in row["aliases"].split(";") if alias.strip())],
            )
            for row in csv.DictReader(handle)
        ]
    return Gazetteer.from_entries(entries)


def mentions(text: str, gazetteer: Gazetteer | None = None) -> list[AreaMention]:
    """Every area named in ``text``, in order, leaving out common words opening a sentence."""
    found: list[Mention] = (gazetteer or packaged_gazetteer()).mentions(text)
    return [
        AreaMention(m.slug, m.text, m.start, m.end)
        for m in found
        if not (m.text.lower() in _COMMON_WORDS and _opens_sentence(text, m.start))
    ]


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\n\u2022-*"


def main_area(found: list[AreaMention]) -> str | None:
    """The area a passage is chiefly about: the one named most often, the first on a tie."""
    if not found:
        return None
    counts = Counter(mention.slug for mention in found)
    best = max(counts.values())
    return next(m.slug for m in found if counts[m.slug] == best)
