"""Bring the built-in codebook entries up to the packaged codebook file.

Used by a data migration (with the historical model) and by ``antislavery demo``; safe to
repeat. Codes people added are never touched, and a built-in code is never removed.
"""

from __future__ import annotations

from typing import Any

from .engine import codebook as codebook_file


def sync(entry_model: Any) -> int:
    """Create or update every built-in entry; returns how many were created."""
    book = codebook_file.packaged()
    wanted: list[dict[str, Any]] = []
    for position, theme in enumerate(book.themes.values()):
        wanted.append({"kind": "theme", "facet": "", "code": theme.code, "label": theme.label,
                       "definition": theme.means, "group": theme.group, "position": position})
    for facet in book.facets.values():
        for position, (value, label) in enumerate(facet.values.items()):
            wanted.append({"kind": "facet_value", "facet": facet.name, "code": value,
                           "label": label, "definition": label, "group": "",
                           "position": position})
    created = 0
    for values in wanted:
        _entry, was_created = entry_model.objects.update_or_create(
            facet=values["facet"], code=values["code"],
            defaults={**values, "builtin": True},
        )
        created += was_created
    return created
