"""Reading the codebook, passages, suggestions and decisions."""

from __future__ import annotations

from dataclasses import dataclass

from .engine.codebook import FACETS, Codebook, Facet, Theme
from .models import CodebookEntry


@dataclass(frozen=True)
class CodebookGroup:
    code: str
    label: str
    themes: list[CodebookEntry]


@dataclass(frozen=True)
class CodebookFacet:
    name: str
    label: str
    values: list[CodebookEntry]


def codebook_groups() -> list[CodebookGroup]:
    """Themes grouped as a collated report presents them."""
    themes = list(CodebookEntry.objects.filter(kind=CodebookEntry.Kind.THEME))
    return [CodebookGroup(value, str(label), [t for t in themes if t.group == value])
            for value, label in CodebookEntry.Group.choices]


def codebook_facets() -> list[CodebookFacet]:
    from .engine import codebook as codebook_file

    labels = {name: facet.label for name, facet in codebook_file.packaged().facets.items()}
    values = list(CodebookEntry.objects.filter(kind=CodebookEntry.Kind.FACET_VALUE))
    return [CodebookFacet(name, labels.get(name, name), [v for v in values if v.facet == name])
            for name in FACETS]


def current_codebook() -> Codebook:
    """The codebook as the engine needs it, with every code people have added."""
    from .engine import codebook as codebook_file

    packaged = codebook_file.packaged()
    themes = {
        entry.code: Theme(entry.code, entry.label, entry.group, entry.definition)
        for entry in CodebookEntry.objects.filter(kind=CodebookEntry.Kind.THEME)
    }
    facets = {}
    for name in FACETS:
        values = {entry.code: entry.label for entry in CodebookEntry.objects.filter(
            kind=CodebookEntry.Kind.FACET_VALUE, facet=name)}
        facets[name] = Facet(name, packaged.facets[name].label,
                             values or dict(packaged.facets[name].values))
    if not themes:
        return packaged
    return Codebook(packaged.version, themes, dict(packaged.groups), facets)


def label_names() -> dict[str, str]:
    """Every engine label ("scrutiny", "nrm_stage:before_nrm") with its readable name."""
    return {entry.label_key: entry.label for entry in CodebookEntry.objects.all()}
