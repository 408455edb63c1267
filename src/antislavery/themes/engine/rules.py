"""Phrase rules: readable reasons for suggesting a theme or a facet value.

A label is a theme code ("scrutiny") or a facet value written "facet:value"
("nrm_stage:before_nrm"). The rules file is checked against the codebook when it is
loaded: a rule that names a code the codebook lacks is refused.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .codebook import DATA_DIR, Codebook, CodebookError

RULES_PATH = DATA_DIR / "rules.yaml"


def facet_label(facet: str, value: str) -> str:
    return f"{facet}:{value}"


_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_GAP = re.compile(r"['\u2019]?[\s\-&/]*")


@dataclass(frozen=True)
class Rule:
    id: str
    labels: tuple[str, ...]
    weight: float
    reason: str
    pattern: re.Pattern[str] | None  # the rule's "re:" phrases, if it has any


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired on a passage, with the distinct phrases that made it fire."""

    rule: Rule
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]  # lower case; a word ending "*" matches any word it begins
    rule: int


def _words(phrase: str) -> tuple[str, ...]:
    wildcard = phrase.endswith("*")
    words = [word.lower().replace("\u2019", "'") for word in _TOKEN.findall(phrase)]
    if wildcard and words:
        words[-1] += "*"
    return tuple(words)


def _word_matches(word: str, token: str) -> bool:
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


class RuleSet:
    """Rules, with their plain phrases indexed by first word so matching is one pass."""

    def __init__(self, rules: tuple[Rule, ...], phrases: dict[int, list[str]],
                 stamp: str = "") -> None:
        self.rules = rules
        self.stamp = stamp
        self._exact: dict[str, list[_Phrase]] = {}
        self._prefix: dict[str, list[_Phrase]] = {}
        for index, texts in phrases.items():
            for text in texts:
                words = _words(text)
                if not words:
                    continue
                phrase = _Phrase(words, index)
                first = words[0]
                if first.endswith("*"):
                    self._prefix.setdefault(first[:-1], []).append(phrase)
                else:
                    self._exact.setdefault(first, []).append(phrase)
        self._prefix_lengths = sorted({len(key) for key in self._prefix})

    def hits(self, text: str) -> list[RuleHit]:
        found: dict[int, list[str]] = {}
        tokens = [(m.start(), m.end(), m.group().lower().replace("\u2019", "'"))
                  for m in _TOKEN.finditer(text)]
        for position, (_start, _end, token) in enumerate(tokens):
            for phrase in self._candidates(token):
                end = self._match(phrase, tokens, position, text)
                if end is not None:
                    found.setdefault(phrase.rule, []).append(text[tokens[position][0]:end])
        for index, rule in enumerate(self.rules):
            if rule.pattern is not None:
                found.setdefault(index, []).extend(m.group(0) for m in
                                                   rule.pattern.finditer(text))
        return [RuleHit(self.rules[index], _distinct(found[index]))
                for index in sorted(found) if found[index]]

    def _candidates(self, token: str) -> list[_Phrase]:
        candidates = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            candidates.extend(self._prefix.get(token[:length], ()))
        return candidates

    @staticmethod
    def _match(phrase: _Phrase, tokens: list[tuple[int, int, str]], position: int,
               text: str) -> int | None:
        """The end offset of ``phrase`` matched from token ``position``, or None."""
        if position + len(phrase.words) > len(tokens):
            return None
        for offset, word in enumerate(phrase.words):
            start, _end, token = tokens[position + offset]
            if not _word_matches(word, token):
                return None
            if offset and not _GAP.fullmatch(text, tokens[position + offset - 1][1], start):
                return None
        return tokens[position + len(phrase.words) - 1][1]

    def scores(self, text: str) -> dict[str, tuple[float, list[RuleHit]]]:
        """For each label some rule suggests: the strongest weight, and every hit behind it."""
        result: dict[str, tuple[float, list[RuleHit]]] = {}
        for hit in self.hits(text):
            for label in hit.rule.labels:
                weight, hits = result.get(label, (0.0, []))
                result[label] = (max(weight, hit.rule.weight), [*hits, hit])
        return result


def _distinct(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(" ".join(item.lower().split()), " ".join(item.split()))
    return tuple(seen.values())


def parse(data: object, codebook: Codebook, stamp: str = "") -> RuleSet:
    if not isinstance(data, dict):
        raise CodebookError("The rules file must have 'themes' and 'facets' lists.")
    rules: list[Rule] = []
    plain: dict[int, list[str]] = {}
    for entry in [*(data.get("themes") or []), *(data.get("facets") or [])]:
        labels = [*entry.get("themes", [])]
        for facet, values in (entry.get("facets") or {}).items():
            labels.extend(facet_label(facet, value) for value in values)
        _check_labels(entry.get("id", "?"), labels, codebook)
        phrases = [str(phrase) for phrase in entry["phrases"]]
        expressions = [phrase[3:] for phrase in phrases if phrase.startswith("re:")]
        plain[len(rules)] = [phrase for phrase in phrases if not phrase.startswith("re:")]
        pattern = (re.compile("|".join(f"(?:{e})" for e in expressions), re.IGNORECASE)
                   if expressions else None)
        rules.append(Rule(str(entry["id"]), tuple(labels), float(entry["weight"]),
                          " ".join(str(entry["reason"]).split()), pattern))
    return RuleSet(tuple(rules), plain, stamp)


def _check_labels(rule_id: str, labels: list[str], codebook: Codebook) -> None:
    known = set(codebook.themes) | {label for label, _ in codebook.facet_labels()}
    unknown = [label for label in labels if label not in known]
    if unknown or not labels:
        raise CodebookError(
            f"Rule {rule_id!r} names codes the codebook lacks: {', '.join(unknown) or 'none'}."
        )


def load(codebook: Codebook, path: Path | None = None) -> RuleSet:
    raw = (path or RULES_PATH).read_bytes()
    return parse(yaml.safe_load(raw), codebook, hashlib.sha256(raw).hexdigest()[:12])


@cache
def packaged(codebook: Codebook) -> RuleSet:
    return load(codebook)
