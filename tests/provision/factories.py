"""Provision entries for tests: saved through the services, or unsaved for pure functions."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from antislavery.areas.models import Area
from antislavery.provision.fields import EntryFields
from antislavery.provision.models import Entry
from antislavery.provision.services import create_entry

_numbers = itertools.count(1)


def fields(**values: Any) -> EntryFields:
    defaults: dict[str, Any] = {
        "title": f"Test service {next(_numbers)}", "kind": "specialist_post",
        "status": Entry.Status.RUNNING, "public": True,
    }
    return EntryFields(**{**defaults, **values})


def entry(area: Area, *, actor: Any = None, **values: Any) -> Entry:
    """A saved entry for ``area`` (made by the system unless ``actor`` is given)."""
    return create_entry(actor=actor, area=area, data=fields(**values))


def unsaved(area: Area, *, draft: bool = False,
            withdrawn_at: datetime.datetime | None = None, **values: Any) -> Entry:
    """An entry that never touches the database, for the pure gap analysis."""
    data = fields(**values).normalised()
    return Entry(area=area, draft=draft, withdrawn_at=withdrawn_at, **data.model_values())


def place(slug: str, name: str | None = None) -> Area:
    """An unsaved area, for the pure gap analysis."""
    return Area(slug=slug, name=name or slug.replace("-", " ").title())


TODAY = datetime.date(2025, 1, 15)
