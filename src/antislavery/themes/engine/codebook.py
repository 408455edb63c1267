"""The codebook as typed objects: themes, their groups, and the facets with their values.

Loading refuses a codebook that lacks a theme's label, group or definition, names a group
it does not declare, or repeats a code; a codebook is the contract exports and tests rely
on, so a broken one must stop the program rather than code passages wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CODEBOOK_PATH = DATA_DIR / "codebook.yaml"

FACETS = ("nrm_stage", "exploitation", "victim_group", "intervention")


class CodebookError(ValueError):
    """The codebook file is not usable; the message says which entry is wrong."""


@dataclass(frozen=True)
class Theme:
    code: str
    label: str
    group: str
    means: str


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: dict[str, str]


@dataclass(frozen=True, eq=False)
class Codebook:
    version: int
    themes: dict[str, Theme]
    groups: dict[str, str]
    facets: dict[str, Facet] = field(default_factory=dict)

    @property
    def theme_codes(self) -> list[str]:
        return list(self.themes)

    def themes_in(self, group: str) -> list[Theme]:
        return [theme for theme in self.themes.values() if theme.group == group]

    def facet_labels(self) -> list[tuple[str, str]]:
        """Every facet value as ``("facet:value", label)``, in codebook order."""
        return [
            (f"{facet.name}:{value}", label)
            for facet in self.facets.values()
            for value, label in facet.values.items()
        ]

    def with_theme(self, theme: Theme) -> Codebook:
        """A copy with one more theme (codes people add through the web pages)."""
        if theme.code in self.themes:
            raise CodebookError(f"The code {theme.code!r} is already in the codebook.")
        if theme.group not in self.groups:
            raise CodebookError(f"Theme {theme.code!r} names an unknown group {theme.group!r}.")
        return Codebook(self.version, {**self.themes, theme.code: theme}, self.groups,
                        self.facets)


def parse(data: object) -> Codebook:
    """Build a codebook from the parsed YAML; raises :class:`CodebookError` if malformed."""
    if not isinstance(data, dict):
        raise CodebookError("The codebook must be a mapping with themes, groups and facets.")
    groups = {str(k): str(v) for k, v in (data.get("groups") or {}).items()}
    themes: dict[str, Theme] = {}
    for code, entry in (data.get("themes") or {}).items():
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("label", "group",
                                                                           "means")):
            raise CodebookError(f"Theme {code!r} needs a label, a group and a definition.")
        if entry["group"] not in groups:
            raise CodebookError(f"Theme {code!r} names an unknown group {entry['group']!r}.")
        themes[str(code)] = Theme(str(code), str(entry["label"]), str(entry["group"]),
                                  " ".join(str(entry["means"]).split()))
    if not themes:
        raise CodebookError("The codebook has no themes.")
    facets: dict[str, Facet] = {}
    for name, entry in (data.get("facets") or {}).items():
        values = entry.get("values") if isinstance(entry, dict) else None
        if not isinstance(values, dict) or not values:
            raise CodebookError(f"Facet {name!r} needs a label and values.")
        facets[str(name)] = Facet(str(name), str(entry.get("label", name)),
                                  {str(k): str(v) for k, v in values.items()})
    missing = [name for name in FACETS if name not in facets]
    if missing:
        raise CodebookError(f"The codebook lacks the facets {', '.join(missing)}.")
    return Codebook(int(data.get("version", 1)), themes, groups, facets)


def load(path: Path | None = None) -> Codebook:
    with open(path or CODEBOOK_PATH, encoding="utf-8") as handle:
        return parse(yaml.safe_load(handle))


@cache
def packaged() -> Codebook:
    """The codebook shipped with the toolkit, read once per process."""
    return load()
