"""Reading users and the audit log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import AuditEntry, User


def audit_entries(*, action: str = "", actor: str = "", area: Any = None) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor", "content_type", "area")
    if action:
        entries = entries.filter(action__icontains=action)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if area is not None:
        entries = entries.filter(area=area)
    return entries


def audit_entries_for(obj: Any) -> QuerySet[AuditEntry]:
    from django.contrib.contenttypes.models import ContentType

    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


def members_of_office(area: Any) -> QuerySet[User]:
    return User.objects.filter(organisation__area=area, is_active=True)
