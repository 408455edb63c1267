"""Whether demonstration data has been loaded into this installation."""

from __future__ import annotations

from django.db import DatabaseError

from .models import SiteFlag

DEMO_FLAG = "demo_loaded"


def demo_loaded() -> bool:
    try:
        return SiteFlag.objects.filter(name=DEMO_FLAG, value=True).exists()
    except DatabaseError:
        return False


def mark_demo_loaded() -> None:
    SiteFlag.objects.update_or_create(name=DEMO_FLAG, defaults={"value": True})
