"""Reading the statistics store, always through what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet

from antislavery.accounts import permissions

from . import vocabulary
from .models import Observation, Release, Source


def visible_releases(user: Any) -> QuerySet[Release]:
    """Public releases, plus private ones of the user's own office (all, for coordinators)."""
    releases = Release.objects.select_related("source", "owner_area")
    if permissions.is_coordinator(user):
        return releases
    own_area = permissions.office_area_id(user)
    condition = Q(visibility=Release.Visibility.PUBLIC)
    if own_area is not None:
        condition |= Q(visibility=Release.Visibility.PRIVATE, owner_area_id=own_area)
    return releases.filter(condition)


def visible_observations(user: Any) -> QuerySet[Observation]:
    """Every stored figure (current and revised) of the releases the user may see."""
    observations = Observation.objects.all()
    if permissions.is_coordinator(user):
        return observations
    own_area = permissions.office_area_id(user)
    condition = Q(release__visibility=Release.Visibility.PUBLIC)
    if own_area is not None:
        condition |= Q(release__visibility=Release.Visibility.PRIVATE,
                       release__owner_area_id=own_area)
    return observations.filter(condition)


def current_observations(user: Any) -> QuerySet[Observation]:
    """The latest figure of each cell, among what the user may see."""
    return visible_observations(user).filter(is_current=True)


def sources() -> QuerySet[Source]:
    return Source.objects.order_by("name")


def release_summary(release: Release) -> list[dict[str, Any]]:
    """Per measure: how many figures the release added, its first and last period, places."""
    rows = (Observation.objects.filter(release=release)
            .values("measure", "grain")
            .annotate(figures=Count("pk"), first=Min("period"), last=Max("period"),
                      places=Count("geography", distinct=True),
                      revisions=Count("previous"))
            .order_by("measure", "grain"))
    return [{**row, "label": vocabulary.measure_label(row["measure"]),
             "grain_label": Observation.Grain(row["grain"]).label} for row in rows]
