"""Who someone is: signed in, coordinator, administrator, member of an office."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from antislavery.errors import NotPermitted

from ..models import Role

if TYPE_CHECKING:
    from antislavery.areas.models import Area, PeerGroup


def is_signed_in(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and user.is_active)


def is_administrator(user: Any) -> bool:
    return is_signed_in(user) and (user.is_superuser or user.role == Role.ADMINISTRATOR)


def is_coordinator(user: Any) -> bool:
    """Staff of a national body (administrators may do everything they may)."""
    return is_administrator(user) or (is_signed_in(user) and user.role == Role.COORDINATOR)


def office_area_id(user: Any) -> int | None:
    """The area whose office the user works for, or None."""
    if not is_signed_in(user) or user.role not in (Role.OFFICE_VIEWER, Role.OFFICE_EDITOR):
        return None
    return user.area_id


def is_office_member(user: Any, area: Area) -> bool:
    return area is not None and office_area_id(user) == area.pk


def can_view_private(user: Any, area: Area) -> bool:
    """Drafts and private entries of an area: its own office, coordinators, administrators."""
    return is_coordinator(user) or is_office_member(user, area)


def can_edit_for_area(user: Any, area: Area) -> bool:
    """Write the area's own material: its office editors (and administrators)."""
    return is_administrator(user) or (
        is_office_member(user, area) and user.role == Role.OFFICE_EDITOR
    )


def can_view_audit(user: Any) -> bool:
    return is_coordinator(user)


def can_create_peer_group(user: Any) -> bool:
    return is_signed_in(user)


def can_manage_peer_group(user: Any, group: PeerGroup) -> bool:
    if group.kind == group.Kind.PRESET:
        return is_administrator(user)
    return is_administrator(user) or (is_signed_in(user) and group.owner_id == user.pk)


def require(condition: bool, message: str | None = None) -> None:
    if not condition:
        raise NotPermitted(message or _("You do not have permission to do that."))


def require_signed_in(user: Any) -> None:
    require(is_signed_in(user), _("Sign in to do that."))


def require_coordinator(user: Any) -> None:
    require(is_coordinator(user), _("Only coordinators of a national body can do that."))


def require_can_edit_for_area(user: Any, area: Area) -> None:
    require(
        can_edit_for_area(user, area),
        _("Only editors in the office for %(area)s can change this.") % {"area": area.name},
    )


def require_can_view_private(user: Any, area: Area) -> None:
    require(
        can_view_private(user, area),
        _("Only the office for %(area)s and coordinators can see this.") % {"area": area.name},
    )


def require_can_view_audit(user: Any) -> None:
    require(can_view_audit(user), _("Only coordinators and administrators can see the audit log."))


def require_can_manage_peer_group(user: Any, group: PeerGroup) -> None:
    require(can_manage_peer_group(user, group),
            _("Only the person who made this group can change it."))


def get_area_for_edit(actor: Any, slug: str) -> Area:
    from antislavery.areas.selectors import area_by_slug

    area = area_by_slug(slug)
    require_can_edit_for_area(actor, area)
    return area


