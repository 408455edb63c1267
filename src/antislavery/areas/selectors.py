"""Reading areas, organisations and peer groups."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from antislavery.errors import NotFound

from .gazetteer import Gazetteer, Resolution
from .models import Area, Organisation, PeerGroup

_lock = threading.Lock()
_cached: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The gazetteer of every area in the database, built once per process."""
    global _cached
    with _lock:
        if _cached is None:
            entries = []
            for area in Area.objects.prefetch_related("aliases"):
                others = [area.code, area.force_name, *(a.text for a in area.aliases.all())]
                entries.append((area.slug, area.name, others))
            _cached = Gazetteer.from_entries(entries)
        return _cached


def reset_gazetteer() -> None:
    global _cached
    with _lock:
        _cached = None


def resolve(text: str) -> Resolution:
    return gazetteer().resolve(text)


def area_for_text(text: str) -> Area:
    """The area a text names, or ``NotFound`` carrying the closest candidates."""
    resolution = resolve(text)
    if resolution.slug is None:
        candidates = list(resolution.candidates)
        message = _("'%(text)s' is not a police force area.") % {"text": text}
        if candidates:
            message += " " + _("Did you mean: %(names)s?") % {"names": ", ".join(candidates)}
        raise NotFound(message, code="unknown_area", candidates=candidates)
    return Area.objects.get(slug=resolution.slug)


def area_by_slug(slug: str) -> Area:
    try:
        return Area.objects.select_related("office").get(slug=slug)
    except Area.DoesNotExist:
        return area_for_text(slug)


def territorial_areas() -> QuerySet[Area]:
    """The 43 police force areas of England and Wales."""
    return Area.objects.filter(territorial=True)


def vru_areas() -> QuerySet[Area]:
    return territorial_areas().filter(has_vru=True)


def areas_by_region() -> OrderedDict[str, list[Area]]:
    """Territorial areas grouped by region (English regions, then Wales), then the others."""
    groups: OrderedDict[str, list[Area]] = OrderedDict()
    areas = Area.objects.order_by("-territorial", "country", "region", "name")
    for area in areas:
        key = area.region if area.territorial else _("Outside England and Wales")
        groups.setdefault(key, []).append(area)
    return groups


def peer_groups_for(area: Area) -> QuerySet[PeerGroup]:
    return area.peer_groups.order_by("kind", "name")


def regional_peers(area: Area) -> QuerySet[Area]:
    return territorial_areas().filter(region=area.region).exclude(pk=area.pk)


def visible_peer_groups() -> QuerySet[PeerGroup]:
    return PeerGroup.objects.prefetch_related(
        Prefetch("areas", queryset=Area.objects.order_by("name"))
    ).select_related("owner")


def national_bodies() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.NATIONAL)
