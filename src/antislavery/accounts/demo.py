"""Demo accounts, one for each role, sharing a password generated for this installation."""

from __future__ import annotations

import secrets
from typing import TextIO

from django.conf import settings

from antislavery.areas.models import Organisation

from .models import Role, User

ORDER = 20

DEMO_ACCOUNTS = (
    # username, role, organisation slug, full name
    ("admin@demo.example", Role.ADMINISTRATOR, None, "Demo Administrator"),
    ("coordinator@demo.example", Role.COORDINATOR, "apcc", "Demo Coordinator (APCC)"),
    ("iasc@demo.example", Role.COORDINATOR, "iasc", "Demo Coordinator (IASC)"),
    ("editor.essex@demo.example", Role.OFFICE_EDITOR, "office-essex", "Demo Editor (Essex)"),
    ("viewer.essex@demo.example", Role.OFFICE_VIEWER, "office-essex", "Demo Viewer (Essex)"),
    ("editor.surrey@demo.example", Role.OFFICE_EDITOR, "office-surrey", "Demo Editor (Surrey)"),
)


def demo_password() -> str:
    """The installation's demo password, created once and kept in the data folder."""
    path = settings.DATA_DIR / "demo-password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


def load(*, stdout: TextIO) -> None:
    password = demo_password()
    for username, role, organisation_slug, full_name in DEMO_ACCOUNTS:
        first, _, last = full_name.partition(" ")
        organisation = (Organisation.objects.get(slug=organisation_slug)
                        if organisation_slug else None)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": username, "role": role, "organisation": organisation,
                      "first_name": first, "last_name": last},
        )
        if created or not user.check_password(password):
            user.set_password(password)
        user.role, user.organisation = role, organisation
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.save()


def print_accounts(*, stdout: TextIO) -> None:
    password = demo_password()
    stdout.write(f"\nDemo accounts (password for all: {password})\n")
    for username, role, organisation_slug, _name in DEMO_ACCOUNTS:
        where = f" ({organisation_slug})" if organisation_slug else ""
        stdout.write(f"  {Role(role).label:<15} {username}{where}\n")
