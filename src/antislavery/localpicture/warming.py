"""Drawing every area's public picture ahead of its first visitor.

An area's charts take seconds to draw. After an import the store has a new state, so every
area's cached picture is out of date; one low-priority background task per area draws the
public picture again into the shared cache, and the first visitor gets it at once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from antislavery.areas.models import Area

from .analysis.picture import area_picture

WARM_PRIORITY = -10  # below uploads waiting to be imported

_deferral = threading.local()


@contextlib.contextmanager
def warming_deferred() -> Iterator[None]:
    """Within the block, imports queue no warming; one round is queued at its end if needed.

    For loaders that import several files in a row (the demo): the pictures are drawn once,
    for the final state, instead of once per file.
    """
    if getattr(_deferral, "active", False):
        yield
        return
    _deferral.active, _deferral.wanted = True, False
    try:
        yield
    finally:
        _deferral.active = False
        if _deferral.wanted:
            queue_warming()


def queue_warming() -> int:
    """Queue one task per police force area; returns how many were queued (0 when off)."""
    if not settings.LOCALPICTURE_WARM_AFTER_IMPORT:
        return 0
    if getattr(_deferral, "active", False):
        _deferral.wanted = True
        return 0
    from .tasks import warm_area_picture

    area_ids = list(Area.objects.filter(territorial=True).order_by("name")
                    .values_list("pk", flat=True))
    for area_id in area_ids:
        warm_area_picture.using(priority=WARM_PRIORITY).enqueue(area_id)
    return len(area_ids)


def warm_area(area_id: int) -> bool:
    """Draw the area's public picture into the cache; False when there is nothing to draw."""
    from .views_picture import charts_html

    area = Area.objects.filter(pk=area_id, territorial=True).first()
    if area is None:
        return False
    language = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    with translation.override(language):
        picture = area_picture(area, user=AnonymousUser())
        if not picture.has_figures:
            return False
        charts_html(picture)
    return True
