"""Changing provision entries. Every change saves a new version and writes an audit entry."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import InvalidTransition, ToolkitError

from .fields import EntryFields, problems_with
from .models import VERSIONED_FIELDS, Entry, EntryVersion


class EntryInvalid(ToolkitError):
    """The values given for an entry break a rule; ``problems`` pairs fields with messages."""

    code = "entry_invalid"

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(" ".join(message for _field, message in problems))
        self.problems = problems


def snapshot(entry: Entry) -> dict[str, Any]:
    """Every versioned field's value, JSON-ready (areas by slug)."""
    data: dict[str, Any] = {}
    for name in VERSIONED_FIELDS:
        if name == "area":
            data[name] = entry.area.slug
        elif name == "areas":
            data[name] = sorted(entry.areas.values_list("slug", flat=True))
        else:
            data[name] = _json_value(getattr(entry, name))
    return data


def _actor_label(actor: Any) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return "system"


def _save_version(entry: Entry, *, actor: Any, action: str, before: dict[str, Any] | None,
                  note: str = "") -> EntryVersion:
    after = snapshot(entry)
    entry.version_number += 1
    entry.save(update_fields=["version_number", "modified_at"])
    version = EntryVersion.objects.create(
        entry=entry, number=entry.version_number, action=action, data=after, note=note,
        created_by=actor if actor is not None and getattr(actor, "is_authenticated", False)
        else None,
        created_by_label=_actor_label(actor),
    )
    audit.record(actor, f"provision.{action}", entry, before=before, after=after,
                 area=entry.area, note=note)
    return version


def _validated(data: EntryFields) -> EntryFields:
    data = data.normalised()
    problems = problems_with(data)
    if problems:
        raise EntryInvalid(problems)
    return data


def _apply(entry: Entry, data: EntryFields) -> None:
    for name, value in data.model_values().items():
        setattr(entry, name, value)
    entry.save()
    entry.areas.set([entry.area, *data.other_areas])


def _create(*, actor: Any, area: Any, data: EntryFields, action: str, note: str = "",
            **extra: Any) -> Entry:
    data = _validated(data)
    entry = Entry(area=area, **extra)
    _apply(entry, data)
    _save_version(entry, actor=actor, action=action, before=None, note=note)
    return entry


@transaction.atomic
def create_entry(*, actor: Any, area: Any, data: EntryFields, note: str = "",
                 action: str = EntryVersion.Action.CREATE) -> Entry:
    """A new entry kept by ``area``'s office; refused unless the actor may edit for it.

    ``actor`` None is the system (the operator's command line), which may add for any area.
    """
    if actor is not None:
        permissions.require_can_add_entry(actor, area)
    return _create(actor=actor, area=area, data=data, action=action, note=note)


@transaction.atomic
def update_entry(*, actor: Any, entry: Entry, data: EntryFields, note: str = "",
                 action: str = EntryVersion.Action.CHANGE) -> EntryVersion | None:
    """Save changed values as a new version (a checked draft stops being a draft).

    Returns None, and saves nothing, when no value changed.
    """
    if actor is not None:
        permissions.require_can_edit_entry(actor, entry)
    if entry.is_withdrawn:
        raise InvalidTransition(_("A withdrawn entry cannot be changed."))
    return _change(actor=actor, entry=entry, data=_validated(data), action=action, note=note)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date | datetime.datetime) else value


def _change(*, actor: Any, entry: Entry, data: EntryFields, action: str,
            note: str = "") -> EntryVersion | None:
    before = snapshot(entry)
    proposed = {**before, "draft": False,
                "areas": sorted({entry.area.slug, *(a.slug for a in data.other_areas)}),
                **{name: _json_value(value) for name, value in data.model_values().items()}}
    if proposed == before:
        return None
    entry.draft = False
    _apply(entry, data)
    return _save_version(entry, actor=actor, action=action, before=before, note=note)


@transaction.atomic
def end_entry(*, actor: Any, entry: Entry, end: datetime.date,
              note: str = "") -> EntryVersion:
    """Mark the entry ended on ``end``; it stays on record and stops counting as provision."""
    permissions.require_can_edit_entry(actor, entry)
    if entry.is_withdrawn:
        raise InvalidTransition(_("A withdrawn entry cannot be ended."))
    if entry.status == Entry.Status.ENDED:
        raise InvalidTransition(_("This entry has already ended."))
    if entry.start and end < entry.start:
        raise EntryInvalid([("end", _("The end date must be on or after the start date."))])
    before = snapshot(entry)
    entry.status, entry.end = Entry.Status.ENDED, end
    entry.save(update_fields=["status", "end", "modified_at"])
    return _save_version(entry, actor=actor, action=EntryVersion.Action.END, before=before,
                         note=note)


@transaction.atomic
def withdraw_entry(*, actor: Any, entry: Entry, reason: str) -> EntryVersion:
    """Take an entry out of the register (entered in error, duplicate...). Kept on record."""
    permissions.require_can_edit_entry(actor, entry)
    if entry.is_withdrawn:
        raise InvalidTransition(_("This entry has already been withdrawn."))
    reason = reason.strip()
    if not reason:
        raise EntryInvalid([("reason", _("Say why the entry is withdrawn."))])
    before = snapshot(entry)
    entry.withdrawn_at, entry.withdrawn_reason = timezone.now(), reason
    entry.save(update_fields=["withdrawn_at", "withdrawn_reason", "modified_at"])
    return _save_version(entry, actor=actor, action=EntryVersion.Action.WITHDRAW,
                         before=before, note=reason)


@transaction.atomic
def draft_entry_from_text(*, actor: Any, area: Any, text: str, source_label: str,
                          source_url: str) -> Entry:
    """A private draft entry for ``area`` from a passage of a response, in one step.

    The kind, stages, groups, exploitation types and languages are suggested from the
    passage's words; the area's office checks them, and saving the entry ends the draft.
    """
    from .drafting import suggest_fields

    permissions.require_can_draft_entry_from_passage(actor, area)
    if not text.strip():
        raise EntryInvalid([("text", _("The passage is empty: there is nothing to draft "
                                       "from."))])
    return _create(actor=actor, area=area, data=suggest_fields(text),
                   action=EntryVersion.Action.DRAFT, note=source_label, draft=True,
                   source_label=source_label.strip()[:300], source_url=source_url.strip()[:500])


@transaction.atomic
def load_demo_entry(*, key: str, area: Any, data: EntryFields) -> Entry | None:
    """Add a demonstration entry once: None if the entry with ``key`` is already there."""
    if Entry.objects.filter(demo_key=key).exists():
        return None
    return _create(actor=None, area=area, data=data, action=EntryVersion.Action.CREATE,
                   note="Demonstration content", demo=True, demo_key=key)
