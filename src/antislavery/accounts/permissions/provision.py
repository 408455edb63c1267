"""Who may read, add, import and change provision entries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from ..models import Role
from .core import (
    can_edit_for_area,
    is_administrator,
    is_coordinator,
    is_signed_in,
    office_area_id,
    require,
)

if TYPE_CHECKING:
    from antislavery.areas.models import Area




def can_view_entry(user: Any, entry: Any) -> bool:
    """Published entries are for everyone; the rest for coordinators and the offices of the
    areas the entry covers."""
    return entry.is_published or can_view_entry_history(user, entry)


def can_view_entry_history(user: Any, entry: Any) -> bool:
    """Earlier versions may hold what was private: coordinators and the covered offices."""
    if is_coordinator(user):
        return True
    area_id = office_area_id(user)
    return area_id is not None and entry.areas.filter(pk=area_id).exists()


def can_edit_entry(user: Any, entry: Any) -> bool:
    """An entry is kept by its lead area's office editors (and administrators)."""
    return can_edit_for_area(user, entry.area)


def can_add_entry(user: Any, area: Area) -> bool:
    return can_edit_for_area(user, area)


def can_import_provision(user: Any) -> bool:
    """Anyone who may add entries for some area; each row is checked against its area."""
    return is_administrator(user) or (
        is_signed_in(user) and user.role == Role.OFFICE_EDITOR and office_area_id(user)
        is not None
    )


def can_draft_entry_from_passage(user: Any, area: Area) -> bool:
    """Coordinators turn passages of any area's response into drafts for that area's office."""
    return is_coordinator(user) or can_edit_for_area(user, area)


def require_can_view_entry(user: Any, entry: Any) -> None:
    require(can_view_entry(user, entry),
            _("Only the office for %(area)s and coordinators can see this entry.")
            % {"area": entry.area.name})


def require_can_view_entry_history(user: Any, entry: Any) -> None:
    require(can_view_entry_history(user, entry),
            _("Only the office for %(area)s and coordinators can see an entry's history.")
            % {"area": entry.area.name})


def require_can_edit_entry(user: Any, entry: Any) -> None:
    require(can_edit_entry(user, entry),
            _("Only editors in the office for %(area)s can change this entry.")
            % {"area": entry.area.name})


def require_can_add_entry(user: Any, area: Area) -> None:
    require(can_add_entry(user, area),
            _("Only editors in the office for %(area)s can add entries for it.")
            % {"area": area.name})


def require_can_import_provision(user: Any) -> None:
    require(can_import_provision(user),
            _("Only office editors and administrators can import provision entries."))


def require_can_draft_entry_from_passage(user: Any, area: Area) -> None:
    require(can_draft_entry_from_passage(user, area),
            _("Only coordinators and editors in the office for %(area)s can draft entries "
              "for it.") % {"area": area.name})


def get_entry_for_view(user: Any, pk: int) -> Any:
    """The entry if the user may see it; to anyone else a private entry does not exist."""
    from antislavery.errors import NotFound
    from antislavery.provision.selectors import entry_by_pk

    entry = entry_by_pk(pk)
    if not can_view_entry(user, entry):
        raise NotFound(_("There is no such entry."), code="no_such_entry")
    return entry


def get_entry_for_edit(user: Any, pk: int) -> Any:
    from antislavery.provision.selectors import entry_by_pk

    entry = entry_by_pk(pk)
    require_can_edit_entry(user, entry)
    return entry
