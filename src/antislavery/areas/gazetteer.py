"""Turn free text into a police force area, exactly or not at all.

The gazetteer is a plain object built from ``(slug, names)`` pairs, so importers and text
analysis can use it without touching the database on every row. It promises:

* a name, alias, code or slug resolves whatever its case, punctuation, ampersands,
  a leading "the", or a trailing "Police", "Constabulary", "PCC"... suffix;
* a text that matches no area, or matches more than one, resolves to nothing, with the
  closest candidate names to show a person; it never guesses.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_APOSTROPHES = re.compile(r"['\u2018\u2019`]")
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Words that name the organisation rather than the place. Order matters: longest first.
_SUFFIXES = (
    "police fire and crime commissioner",
    "police and crime commissioner",
    "police and crime commissioners office",
    "police and crime panel",
    "police force area",
    "police service",
    "police force",
    "police area",
    "force area",
    "constabulary",
    "police",
    "pfcc",
    "opcc",
    "pcc",
    "area",
)
_PREFIXES = (
    "office of the police fire and crime commissioner for",
    "office of the police and crime commissioner for",
    "police fire and crime commissioner for",
    "police and crime commissioner for",
    "office of the pcc for",
    "opcc for",
    "pfcc for",
    "pcc for",
    "the",
)


def normalise(text: str) -> str:
    """Lower-case ASCII words separated by single spaces; '&' becomes 'and'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower())
    text = _DASHES.sub(" ", text).replace("&", " and ")
    return _NON_WORD.sub(" ", text).strip()


def _strip_affixes(key: str) -> str:
    changed = True
    while changed and key:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix + " "):
                key = key[len(prefix) + 1 :]
                changed = True
        for suffix in _SUFFIXES:
            if key.endswith(" " + suffix):
                key = key[: -len(suffix) - 1]
                changed = True
    return key


def keys_for(text: str) -> list[str]:
    """The lookup keys of a text: its normal form, then the form without affixes."""
    full = normalise(text)
    if not full:
        return []
    stripped = _strip_affixes(full)
    return [full] if stripped == full or not stripped else [full, stripped]


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one text: an area's slug, or candidates to offer instead."""

    text: str
    slug: str | None
    candidates: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.slug is not None


@dataclass(frozen=True)
class Mention:
    """An area named in running text, with the character span that names it."""

    slug: str
    start: int
    end: int
    text: str


@dataclass
class Gazetteer:
    """Exact lookup of area names; build with :meth:`from_entries`."""

    names: dict[str, str]
    index: dict[str, str]
    ambiguous: frozenset[str]
    _mention_keys: dict[str, str] = field(default_factory=dict)
    _case_sensitive: dict[str, str] = field(default_factory=dict)
    _longest: int = 1

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str, Iterable[str]]]) -> Gazetteer:
        """Build from ``(slug, display name, other names)``; clashing keys resolve to nothing."""
        owners: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        exact_short: dict[str, set[str]] = {}
        for slug, name, others in entries:
            names[slug] = name
            for text in (slug, name, *others):
                if not text or not text.strip():
                    continue
                for key in keys_for(text):
                    owners.setdefault(key, set()).add(slug)
                compact = text.strip()
                if len(compact) <= 3 and compact.isupper():
                    exact_short.setdefault(compact, set()).add(slug)
        index = {key: next(iter(slugs)) for key, slugs in owners.items() if len(slugs) == 1}
        ambiguous = frozenset(key for key, slugs in owners.items() if len(slugs) > 1)
        case_sensitive = {
            text: next(iter(slugs)) for text, slugs in exact_short.items() if len(slugs) == 1
        }
        mention_keys = {key: slug for key, slug in index.items() if len(key) > 3}
        longest = max((len(key.split()) for key in mention_keys), default=1)
        return cls(names, index, ambiguous, mention_keys, case_sensitive, longest)

    def resolve(self, text: str) -> Resolution:
        """Resolve one text; see the module docstring for what it promises."""
        keys = keys_for(text or "")
        for key in keys:
            if key in self.ambiguous:
                break
            slug = self.index.get(key)
            if slug is not None:
                return Resolution(text=text, slug=slug)
        return Resolution(text=text, slug=None, candidates=tuple(self.candidates(text)))

    def slug_for(self, text: str) -> str | None:
        return self.resolve(text).slug

    def candidates(self, text: str, limit: int = 3) -> list[str]:
        """Display names of the areas whose names look most like ``text``, best first.

        First the areas whose own name contains the text as whole words ("Wales": North
        Wales, South Wales), then names spelt alike ("Northumbrai"), then partial matches,
        and last the areas one of whose names appears inside the text ("Leeds City Council").
        """
        keys = keys_for(text or "")
        found: dict[str, None] = {}
        for key in keys:
            found.update(dict.fromkeys(self._names_containing(key)))
        for key in keys:
            found.update(dict.fromkeys(self._names_spelt_like(key, limit * 3)))
        for key in keys:
            found.update(dict.fromkeys(self._names_overlapping(key)))
        for key in keys:
            found.update(dict.fromkeys(self._names_inside(key)))
        return list(found)[:limit]

    def _names_containing(self, key: str) -> list[str]:
        return [name for name in sorted(self.names.values())
                if f" {key} " in f" {normalise(name)} "]

    def _names_spelt_like(self, key: str, n: int) -> list[str]:
        return [self.names[self.index[match]]
                for match in difflib.get_close_matches(key, self.index.keys(), n=n, cutoff=0.6)]

    def _names_overlapping(self, key: str) -> list[str]:
        return [name for name in self.names.values()
                if key in normalise(name) or normalise(name) in key]

    def _names_inside(self, key: str) -> list[str]:
        return [self.names[slug] for known, slug in self._mention_keys.items()
                if f" {known} " in f" {key} "]

    def mentions(self, text: str) -> list[Mention]:
        """Areas named in running text, longest name first, never overlapping.

        A name must start with a capital letter in the text (so "met with" is not the
        Metropolitan Police), and short upper-case aliases ("MPS", "BTP") must match exactly.
        """
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'\u2019&]+", text)]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            match = self._match_at(tokens, i, text)
            if match is None:
                i += 1
                continue
            mention, width = match
            found.append(mention)
            i += width
        return found

    def _match_at(self, tokens: list[tuple[int, int, str]], i: int,
                  text: str) -> tuple[Mention, int] | None:
        first = tokens[i][2]
        if first in self._case_sensitive:
            start, end, _ = tokens[i]
            return Mention(self._case_sensitive[first], start, end, text[start:end]), 1
        if not first[:1].isupper():
            return None
        for width in range(min(self._longest, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + width - 1][1]
            key = normalise(text[start:end])
            key = re.sub(r"s$", "", key) if text[start:end].endswith(("'s", "\u2019s")) else key
            slug = self._mention_keys.get(key)
            if slug is not None:
                return Mention(slug, start, end, text[start:end]), width
        return None
