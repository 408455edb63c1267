"""``antislavery provision import FILE``: add or change provision entries from a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from antislavery.accounts.models import User
from antislavery.errors import ImportRejected, ToolkitError
from antislavery.provision.importing import import_entries


class Command(BaseCommand):
    help = "Work with the provision register. 'import FILE' adds or changes entries from a file."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        importer = actions.add_parser(
            "import", help="Import entries from a CSV or XLSX file: every row or none.")
        importer.add_argument("path", type=Path, metavar="FILE",
                              help="The CSV or XLSX file (format: docs/provision-format.md).")
        importer.add_argument("--dry-run", action="store_true",
                              help="Check the file and report, but change nothing.")
        importer.add_argument("--as", dest="username", metavar="EMAIL",
                              help="Record the import as this user's, with their permissions "
                                   "(default: the system, which may import for any area).")

    def handle(self, *, action: str, **options):
        if action == "import":
            self._import(**options)

    def _import(self, *, path: Path, dry_run: bool, username: str | None, **options):
        actor = None
        if username:
            actor = User.objects.filter(username=username, is_active=True).first()
            if actor is None:
                raise CommandError(_("There is no active user '%(user)s'.")
                                   % {"user": username})
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(path)s: %(reason)s.")
                               % {"path": path, "reason": exc.strerror}) from exc
        try:
            result = import_entries(actor=actor, name=path.name, data=data, dry_run=dry_run)
        except ImportRejected as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(exc.message) from exc
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc
        if result.dry_run:
            self.stdout.write(_("%(rows)s rows checked, no problems; nothing changed (dry "
                                "run).") % {"rows": result.rows})
        else:
            self.stdout.write(_("%(rows)s rows: %(created)s added, %(updated)s changed, "
                                "%(unchanged)s unchanged.") % {
                "rows": result.rows, "created": result.created, "updated": result.updated,
                "unchanged": result.unchanged})
        if result.ignored_columns:
            self.stdout.write(_("Columns not read (not part of the format): %(columns)s.")
                              % {"columns": ", ".join(result.ignored_columns)})
