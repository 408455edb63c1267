"""The codes an entry is described with: codebook themes and facets, statuses, evaluations.

The codebook's codes are the contract (exports, imports and tests name them); labels are for
people. The codebook is the themes app's: the one in the database, seeded from
``themes/data/codebook.yaml``, so a kind of intervention or a theme a coordinator adds on the
codebook page can describe entries at once. It is read once per web request (and at most once
a minute elsewhere) rather than once per label.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from django.utils.translation import gettext as _

STAGE = "nrm_stage"
GROUP = "victim_group"
EXPLOITATION = "exploitation"
KIND = "intervention"
THEME = "theme"

BEFORE_NRM = "before_nrm"
DURING_NRM = "during_nrm"
AFTER_NRM = "after_nrm"
OUTSIDE_NRM = "outside_nrm"
CHILD = "child"
ADULT = "adult"

# Written in an entry's languages to say interpreting is offered into any language.
ANY_LANGUAGE = "any"


# How long a process that serves no web requests (a command, the task worker) may keep the
# codebook it read before reading it again.
CODEBOOK_LIFETIME = 60.0

_cached: dict[str, Any] = {}


def _codebook() -> Any:
    """The themes app's codebook with every code people added, read once and kept until
    :func:`forget_codebook` or :data:`CODEBOOK_LIFETIME` seconds."""
    now = time.monotonic()
    book = _cached.get("book")
    if book is None or now - _cached["read_at"] > CODEBOOK_LIFETIME:
        from antislavery.themes.selectors import current_codebook

        book = current_codebook()
        _cached.update(book=book, read_at=now)
    return book


def forget_codebook(**_kwargs: Any) -> None:
    """Read the codebook again next time (connected to each web request's start and to every
    change of a codebook entry)."""
    _cached.clear()


def _values(book: Any, facet: str) -> dict[str, str]:
    if facet == THEME:
        raw = {code: theme.label for code, theme in book.themes.items()}
    else:
        raw = dict(book.facets[facet].values)
    return {code: _(label) for code, label in raw.items()}


def facet_values(facet: str) -> dict[str, str]:
    """Code → label of one facet (``nrm_stage``, ``victim_group``, ``exploitation``,
    ``intervention``) or of the themes (``theme``), in codebook order, labels translated,
    codes people added included."""
    return _values(_codebook(), facet)


def builtin_values(facet: str) -> dict[str, str]:
    """Like :func:`facet_values`, but only the codes the toolkit ships, read from the
    packaged codebook without the database: for pure functions, such as the gap analysis
    over the statistics' exploitation types, which name no other code."""
    from antislavery.themes.engine.codebook import packaged

    return _values(packaged(), facet)


def facet_label(facet: str) -> str:
    if facet == THEME:
        return _("Theme")
    return _(_codebook().facets[facet].label)


def short_label(facet: str, code: str) -> str:
    """A label for narrow places (tables, tags): stages by their one word, other labels
    without the explanation in brackets."""
    if facet == STAGE:
        words = {BEFORE_NRM: _("Before"), DURING_NRM: _("During"), AFTER_NRM: _("After"),
                 OUTSIDE_NRM: _("Outside")}
        if code in words:
            return words[code]
    return label(facet, code).split(" (")[0]


def choices(facet: str) -> list[tuple[str, str]]:
    return list(facet_values(facet).items())


def label(facet: str, code: str) -> str:
    return facet_values(facet).get(code, code)


def labels(facet: str, codes: list[str]) -> list[str]:
    return [label(facet, code) for code in codes]


def normalise_code(text: str) -> str:
    """What a person typed, as a code: ``"Before NRM"`` → ``before_nrm``."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


# Words left out when a typed value is matched against codes and labels.
_FILLER_WORDS = {"the", "a", "an", "of"}


def _match_key(text: str) -> str:
    words = re.split(r"[\s_\-]+", text.strip().lower())
    return "_".join(word for word in words if word and word not in _FILLER_WORDS)


def match_code(text: str, values: dict[str, str],
               extra: dict[str, str] | None = None) -> str | None:
    """The code that ``text`` names among ``values`` (code → label), or None.

    A person may write the code in any case (``Before NRM``), the label (``Sexual
    exploitation``, ``Children``) or the label without its explanation (``Criminal
    exploitation`` for "Criminal exploitation, county lines included"); ``extra`` maps more
    words to codes (a stage's one word, ``Before``).
    """
    wanted = _match_key(text)
    if not wanted:
        return None
    keys: dict[str, str] = {}
    for code, label in values.items():
        for name in (code, str(label), str(label).split(" (")[0], str(label).split(",")[0]):
            keys.setdefault(_match_key(name), code)
    for word, code in (extra or {}).items():
        keys.setdefault(_match_key(word), code)
    return keys.get(wanted)


def code_for(facet: str, text: str) -> str | None:
    """The code of ``facet`` that ``text`` names (see :func:`match_code`): codes people added
    included, labels in English or translated."""
    values = facet_values(facet)
    english = dict(_codebook().facets[facet].values) if facet != THEME else {
        code: theme.label for code, theme in _codebook().themes.items()}
    extra = {label: code for code, label in english.items()}
    if facet == STAGE:
        extra.update({short_label(STAGE, code): code for code in values})
        extra.update({"before": BEFORE_NRM, "during": DURING_NRM, "after": AFTER_NRM,
                      "outside": OUTSIDE_NRM, "pre_nrm": BEFORE_NRM, "post_nrm": AFTER_NRM})
    return match_code(text, values, extra)


@dataclass(frozen=True)
class NationalityLanguages:
    names: tuple[str, ...]
    languages: tuple[str, ...]
    english: bool


@functools.cache
def _nationalities() -> dict[str, NationalityLanguages]:
    text = resources.files("antislavery.provision").joinpath(
        "data/nationality_languages.yaml").read_text()
    table: dict[str, NationalityLanguages] = {}
    for row in yaml.safe_load(text):
        item = NationalityLanguages(tuple(row["names"]), tuple(row["languages"]),
                                    bool(row.get("english")))
        for name in item.names:
            table[normalise_code(name)] = item
    return table


def languages_for_nationality(*names: str) -> NationalityLanguages | None:
    """The languages that reach people of a nationality named in any of ``names``."""
    table = _nationalities()
    for name in names:
        found = table.get(normalise_code(name))
        if found is not None:
            return found
    return None


def known_languages() -> list[str]:
    """Every language the nationality table names, for recognising languages in text."""
    return sorted({lang for item in _nationalities().values() for lang in item.languages})


def normalise_language(text: str) -> str:
    cleaned = " ".join(text.split())
    if cleaned.lower() in {ANY_LANGUAGE, "all", "interpreting", "interpreters"}:
        return ANY_LANGUAGE
    return cleaned[:1].upper() + cleaned[1:]
