"""The package's codebook table: every theme and facet value, the codes coordinators added
included, with labels and definitions."""

from __future__ import annotations

from collections.abc import Iterator

from antislavery.themes.engine.codebook import FACETS, packaged
from antislavery.themes.models import CodebookEntry

from .resources import Column, Resource, Row, utc

CODEBOOK_SOURCE = {
    "title": "Codebook of the Anti-Slavery Local Response Toolkit: the packaged codes and "
             "those coordinators of national bodies added",
}


def code_rows() -> Iterator[Row]:
    facet_labels = {name: facet.label for name, facet in packaged().facets.items()}
    group_labels = {value: str(label) for value, label in CodebookEntry.Group.choices}
    for entry in CodebookEntry.objects.order_by("pk"):
        yield {"key": entry.label_key, "kind": entry.kind, "code": entry.code,
               "label": entry.label, "definition": entry.definition, "facet": entry.facet,
               "facet_label": facet_labels.get(entry.facet, ""), "group": entry.group,
               "group_label": group_labels.get(entry.group, ""), "builtin": entry.builtin,
               "added_at": utc(entry.created_at)}


def codebook_resources() -> list[Resource]:
    return [Resource(
        "codebook", "Codebook",
        "The codes responses and provision entries are described with: themes, in groups, "
        "and the values of each facet. Other tables name codes by 'code' (themes) or by "
        "'code' within a facet.", [
            Column("key", "string", "A theme's code, or facet:value.", required=True),
            Column("kind", "string", "theme or facet_value.", required=True,
                   enum=tuple(CodebookEntry.Kind.values)),
            Column("code", "string", "The code.", required=True),
            Column("label", "string", "Its name.", required=True),
            Column("definition", "string", "What it means."),
            Column("facet", "string", "For a facet value: its facet.", enum=FACETS),
            Column("facet_label", "string", "The facet's name."),
            Column("group", "string", "For a theme: its group.",
                   enum=tuple(CodebookEntry.Group.values)),
            Column("group_label", "string", "The group's name."),
            Column("builtin", "boolean", "True for a packaged code, false for one a "
                                         "coordinator added."),
            Column("added_at", "datetime", "When the code joined the codebook (UTC)."),
        ], code_rows, primary_key=["key"], sources=[CODEBOOK_SOURCE])]
