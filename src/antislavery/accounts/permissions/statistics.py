"""Who may import official and local figures, and who sees them unrounded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from ..models import Role
from .core import (
    can_edit_for_area,
    is_coordinator,
    is_signed_in,
    office_area_id,
    require,
)

if TYPE_CHECKING:
    from antislavery.areas.models import Area




def can_view_release(user: Any, release: Any) -> bool:
    """Public releases: everyone. Private ones: the owning office and coordinators."""
    if release.visibility == "public":
        return True
    if is_coordinator(user):
        return True
    return release.owner_area_id is not None and office_area_id(user) == release.owner_area_id


def can_import_statistics(user: Any) -> bool:
    """Coordinators import any figures; office editors import their own area's."""
    return is_coordinator(user) or (
        office_area_id(user) is not None and user.role == Role.OFFICE_EDITOR
    )


def can_import_statistics_for(user: Any, area: Area | None) -> bool:
    """May the user import figures about ``area`` (None: national or multi-area figures)?"""
    if is_coordinator(user):
        return True
    return area is not None and can_edit_for_area(user, area)


def can_view_import_job(user: Any, job: Any) -> bool:
    return is_coordinator(user) or (is_signed_in(user) and job.created_by_id == user.pk)


def require_can_import_statistics(user: Any) -> None:
    require(can_import_statistics(user),
            _("Only coordinators and office editors can import statistics."))


def require_can_view_release(user: Any, release: Any) -> None:
    require(can_view_release(user, release),
            _("These figures are private to the office that uploaded them and coordinators."))


def require_can_view_import_job(user: Any, job: Any) -> None:
    require(can_view_import_job(user, job),
            _("Only the person who uploaded this file and coordinators can see its progress."))


# Disclosure control: small protected counts are shown rounded to everyone but their own
# office and coordinators.


def can_see_unrounded(user: Any, release_or_area: Any) -> bool:
    """May the user see protected figures of this release (or about this area) unrounded?

    Coordinators may see every protected figure; an office's staff may see their own office's:
    a release (or source) it owns or, given an area, that area's. Everyone else, the public
    included, sees them rounded.
    """
    if is_coordinator(user):
        return True
    own_area = office_area_id(user)
    if own_area is None or release_or_area is None:
        return False
    return own_area in _owner_area_ids(release_or_area)


def _owner_area_ids(release_or_area: Any) -> set[int]:
    from antislavery.areas.models import Area

    if isinstance(release_or_area, Area):
        return {release_or_area.pk}
    owners = {getattr(release_or_area, "owner_area_id", None)}
    source = getattr(release_or_area, "source", None)
    if source is not None:
        owners.add(source.owner_area_id)
    return {pk for pk in owners if pk is not None}

