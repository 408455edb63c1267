"""Changing the codebook, passages and their coding."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import Conflict, ToolkitError

from ..engine.codebook import FACETS
from ..models import CodebookEntry

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@transaction.atomic
def add_code(*, actor: Any, kind: str, code: str, label: str, definition: str,
             group: str = "", facet: str = "") -> CodebookEntry:
    """Add a theme (in a group) or a facet value (to a facet) to the codebook."""
    permissions.require_can_edit_codebook(actor)
    code, label, definition = code.strip(), label.strip(), definition.strip()
    if not _CODE.match(code):
        raise ToolkitError(_("A code is 2 to 40 lower-case letters, digits or underscores, "
                             "starting with a letter, for example online_recruitment."))
    if not label or not definition:
        raise ToolkitError(_("Give the code a label and a definition."))
    if kind == CodebookEntry.Kind.THEME:
        if group not in CodebookEntry.Group.values:
            raise ToolkitError(_("Choose the group the theme belongs to."))
        facet = ""
    elif kind == CodebookEntry.Kind.FACET_VALUE:
        if facet not in FACETS:
            raise ToolkitError(_("Choose the facet the value belongs to."))
        group = ""
    else:
        raise ToolkitError(_("Choose whether the code is a theme or a facet value."))
    if CodebookEntry.objects.filter(facet=facet, code=code).exists():
        raise Conflict(_("The code %(code)s is already in the codebook.") % {"code": code})
    last = CodebookEntry.objects.filter(kind=kind, facet=facet).order_by("-position").first()
    entry = CodebookEntry.objects.create(
        kind=kind, facet=facet, code=code, label=label, definition=definition, group=group,
        position=(last.position + 1) if last else 0, builtin=False, created_by=actor,
    )
    audit.record(actor, "codebook.add", entry, after=audit.snapshot(entry))
    return entry


def sync_builtin_codebook() -> int:
    """Bring the built-in entries up to the packaged codebook; returns how many were new."""
    from ..codebook_sync import sync

    return sync(CodebookEntry)
