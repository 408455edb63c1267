"""Write the audit log. Services call :func:`record` inside their own transaction."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry, User


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_safe(v) for v in value]
    return str(value)


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The stored values of a model instance, JSON-ready, for ``before``/``after``."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in {"modified_at", "password"}:
            continue
        values[field.name] = _json_safe(field.value_from_object(obj))
    for field in obj._meta.many_to_many:
        if (fields is None or field.name in fields) and obj.pk is not None:
            values[field.name] = sorted(
                _json_safe(pk) for pk in getattr(obj, field.name).values_list("pk", flat=True)
            )
    return values


def _area_of(obj: models.Model | None) -> Any:
    if obj is None:
        return None
    if obj._meta.label == "areas.Area":
        return obj
    return getattr(obj, "area", None) if hasattr(obj, "area_id") else None


def record(
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    area: Any = None,
    note: str = "",
    path: str = "",
) -> AuditEntry:
    """Append one entry. ``actor`` None means the system (commands, migrations)."""
    made = entry(actor, action, obj, before=before, after=after, area=area, note=note,
                 path=path)
    made.save(force_insert=True)
    return made


def entry(
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    area: Any = None,
    note: str = "",
    path: str = "",
) -> AuditEntry:
    """An entry as :func:`record` makes it, not yet saved: for writing many in one statement
    (``AuditEntry.objects.bulk_create``) in the transaction of the change they record."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    label = user.get_username() if user is not None else ("anonymous" if actor else "system")
    return AuditEntry(
        actor=user,
        actor_label=label,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        area=area if area is not None else _area_of(obj),
        before=_json_safe(before),
        after=_json_safe(after),
        note=note,
        path=path[:500],
    )
