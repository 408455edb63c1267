"""Declarative descriptions of the Home Office data tables (YAML files under ``layouts/``).

A new release whose table moved, or whose headings changed wording, needs a change to a
layout file, not to code. ``_common.yaml`` holds the labels and markers every table shares.
Each layout says how to recognise its table (words of its title), which leading columns label
the rows (the area, or a breakdown dimension), what the other columns mean, and which rows are
national totals or are to be left out. docs/statistics-format.md describes the keys.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import vocabulary
from ..vocabulary import normalise_label

LAYOUT_DIR = Path(__file__).resolve().parent.parent / "layouts"


class LayoutError(ValueError):
    """A layout file is malformed: a mistake of the toolkit's maintainers, not the user's."""


@dataclass(frozen=True)
class RowColumn:
    headings: tuple[str, ...]
    role: str  # "area" or "dimension"
    dimension: str = ""

    def matches(self, heading: object) -> bool:
        return isinstance(heading, str) and normalise_label(heading) in self.headings


@dataclass(frozen=True)
class SpecialRow:
    geography: str
    measure: str
    breakdown: dict[str, str]


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    source: str
    title_all: tuple[str, ...]
    title_any: tuple[str, ...]
    title_none: tuple[str, ...]
    measure: str
    row_columns: tuple[RowColumn, ...]
    value_dimension: str
    total_headings: frozenset[str]
    geography: str = ""
    fixed: dict[str, str] = field(default_factory=dict)
    national_rows: dict[str, SpecialRow] = field(default_factory=dict)
    skip_rows: tuple[str, ...] = ()
    skip_other_rows: bool = False
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    total_labels: frozenset[str] = frozenset()
    markers: dict[str, str] = field(default_factory=dict)
    combination: dict[str, Any] = field(default_factory=dict)

    def matches_title(self, title: str) -> bool:
        text = normalise_label(title)
        return (all(word in text for word in self.title_all)
                and (not self.title_any or any(word in text for word in self.title_any))
                and not any(word in text for word in self.title_none))

    @property
    def area_column(self) -> int | None:
        for index, column in enumerate(self.row_columns):
            if column.role == "area":
                return index
        return None


def _words(values: Any) -> tuple[str, ...]:
    return tuple(normalise_label(str(value)) for value in (values or ()))


def _merge_labels(common: dict[str, Any], own: dict[str, Any]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for dimension in set(common) | set(own):
        table = {**(common.get(dimension) or {}), **(own.get(dimension) or {})}
        if dimension not in vocabulary.DIMENSIONS:
            raise LayoutError(f"labels: {dimension!r} is not a breakdown dimension")
        for code in table.values():
            if code not in vocabulary.VALUES[dimension]:
                raise LayoutError(f"labels.{dimension}: {code!r} is not a value")
        merged[dimension] = {normalise_label(str(label)): code for label, code in table.items()}
    return merged


def _row_column(spec: dict[str, Any]) -> RowColumn:
    headings = _words(spec.get("headings"))
    if not headings:
        raise LayoutError("each row column needs headings")
    if spec.get("role") == "area":
        return RowColumn(headings, "area")
    dimension = spec.get("dimension", "")
    if dimension not in vocabulary.DIMENSIONS:
        raise LayoutError(f"row column {headings[0]!r}: {dimension!r} is not a dimension")
    return RowColumn(headings, "dimension", dimension)


def _special_rows(spec: dict[str, Any]) -> dict[str, SpecialRow]:
    rows = {}
    for label, target in (spec or {}).items():
        breakdown = {str(k): str(v) for k, v in (target.get("breakdown") or {}).items()}
        vocabulary.canonical_breakdown(vocabulary.join_breakdown(breakdown))
        if target.get("geography") not in vocabulary.NATIONAL_GEOGRAPHIES:
            raise LayoutError(f"rows.national.{label}: geography must be national")
        rows[normalise_label(str(label))] = SpecialRow(
            target["geography"], target.get("measure", ""), breakdown)
    return rows


def parse_layout(spec: dict[str, Any], common: dict[str, Any]) -> Layout:
    """Build a :class:`Layout` from a layout file's mapping; LayoutError if malformed."""
    try:
        measure = spec["measure"]
        title = spec["title"]
        values = spec["value_columns"]
    except KeyError as exc:
        raise LayoutError(f"layout {spec.get('name')!r} has no {exc.args[0]!r}") from None
    if measure not in vocabulary.MEASURES:
        raise LayoutError(f"layout {spec.get('name')!r}: unknown measure {measure!r}")
    rows = spec.get("rows") or {}
    fixed = {str(k): str(v) for k, v in (spec.get("fixed") or {}).items()}
    vocabulary.canonical_breakdown(vocabulary.join_breakdown(fixed))
    layout = Layout(
        name=spec["name"],
        description=spec.get("description", ""),
        source=spec.get("source", "home-office-nrm"),
        title_all=_words(title.get("all")),
        title_any=_words(title.get("any")),
        title_none=_words(title.get("none")),
        measure=measure,
        row_columns=tuple(_row_column(column) for column in spec["row_columns"]),
        value_dimension=values.get("dimension", ""),
        total_headings=frozenset(_words(values.get("total"))),
        geography=spec.get("geography", ""),
        fixed=fixed,
        national_rows=_special_rows(rows.get("national")),
        skip_rows=_words(rows.get("skip")),
        skip_other_rows=rows.get("others") == "skip",
        labels=_merge_labels(common.get("labels") or {}, spec.get("labels") or {}),
        total_labels=frozenset(_words(spec.get("total_labels", common.get("total_labels")))),
        markers={str(k): str(v) for k, v in
                 {**(common.get("markers") or {}), **(spec.get("markers") or {})}.items()},
        combination=spec.get("combination", common.get("combination")) or {},
    )
    if layout.area_column is None and layout.geography not in vocabulary.NATIONAL_GEOGRAPHIES:
        raise LayoutError(f"layout {layout.name!r} needs an area column or a national geography")
    if layout.value_dimension and layout.value_dimension not in vocabulary.DIMENSIONS:
        raise LayoutError(f"layout {layout.name!r}: unknown value dimension")
    return layout


@functools.cache
def load_layouts(directory: Path = LAYOUT_DIR) -> tuple[Layout, ...]:
    """Every layout in the folder, in file-name order."""
    common_path = directory / "_common.yaml"
    common = yaml.safe_load(common_path.read_text()) if common_path.exists() else {}
    layouts = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        layouts.append(parse_layout(yaml.safe_load(path.read_text()), common or {}))
    return tuple(layouts)
