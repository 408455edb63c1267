"""Suggest an entry's values from a passage of text, by the words it uses.

Deliberately plain: each rule is a pattern and the code it suggests. The suggestions go into
a draft that a person checks; nothing here is treated as a decision.
"""

from __future__ import annotations

import re

from . import codes
from .fields import EntryFields
from .models import Entry

TITLE_LENGTH = 120

# First match wins: the more specific kinds come before the general ones.
KIND_PATTERNS = (
    ("case_conference", r"case conference|\bpanel\b|\bmarac\b"),
    ("investigative_team", r"investigat\w* (team|unit)|intelligence (team|unit)"),
    ("needs_assessment", r"needs assessment|mapping exercise"),
    ("accommodation", r"accommodation|housing|safe house|place of safety|places of safety"),
    ("fund", r"\bfund\b"),
    ("specialist_post", r"navigator|advocate|\bisva\b|co-?ordinator|liaison officer|"
                        r"caseworker|support worker|member of staff|advisor|adviser"),
    ("partnership_body", r"partnership|network|forum|\bboard\b"),
    ("training", r"\btraining\b|\btrained\b"),
    ("campaign", r"campaign|awareness"),
    ("evaluation", r"\bevaluation\b"),
)

STAGE_PATTERNS = (
    (codes.BEFORE_NRM, r"before (they|a victim|victims|the victim|potential victims)?\s*"
                       r"(enter|are referred|referral)|pre-?nrm|point of contact|"
                       r"first contact|before and after|before, after"),
    (codes.DURING_NRM, r"while (a|the|their) referral|awaiting (a|the) decision|"
                       r"nrm process"),
    (codes.AFTER_NRM, r"after (the|a|their)? ?(nrm|decision|referral)|before and after|"
                      r"before, after|following (their|the) nrm"),
    (codes.OUTSIDE_NRM, r"declin\w*|outside (of )?the nrm|not eligible|do not consent|"
                        r"don't consent|no recourse"),
)

GROUP_PATTERNS = (
    (codes.ADULT, r"\badults?\b"),
    (codes.CHILD, r"\bchild(ren)?\b|young people|\bcce\b"),
)

EXPLOITATION_PATTERNS = (
    ("sexual", r"sexual(ly)? exploit|sex work"),
    ("labour", r"labour|low skilled workers|farming|construction"),
    ("criminal", r"criminal exploitation|county lines|\bcce\b"),
    ("domestic_servitude", r"domestic servitude"),
)


def _matches(patterns: tuple[tuple[str, str], ...], text: str) -> list[str]:
    return [code for code, pattern in patterns if re.search(pattern, text)]


def _title(text: str) -> str:
    plain = " ".join(text.replace("**", "").split())
    sentence = re.split(r"(?<=[.!?])\s", plain, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    return sentence[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _languages(text: str) -> list[str]:
    if "speak" not in text and "language" not in text:
        return []
    return [lang for lang in codes.known_languages()
            if lang != "English" and re.search(rf"\b{lang.lower()}\b", text)]


def suggest_fields(text: str) -> EntryFields:
    lowered = " ".join(text.lower().split())
    kinds = _matches(KIND_PATTERNS, lowered)
    themes = ["victim_support"]
    if "accommodation" in lowered or "housing" in lowered:
        themes.append("accommodation")
    if "language" in lowered or "speak" in lowered or "interpret" in lowered:
        themes.append("language_barriers")
    return EntryFields(
        title=_title(text),
        summary=text.strip(),
        kind=kinds[0] if kinds else "commissioned_service",
        status=Entry.Status.PLANNED,
        themes=themes,
        nrm_stages=_matches(STAGE_PATTERNS, lowered),
        victim_groups=_matches(GROUP_PATTERNS, lowered),
        exploitation=_matches(EXPLOITATION_PATTERNS, lowered),
        languages=_languages(lowered),
        public=False,
    )
