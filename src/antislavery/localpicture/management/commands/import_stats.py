"""``antislavery import-stats FILE``: import a statistics file as one release, all or nothing."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import NoReturn

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from antislavery.errors import ImportRejected, Problem, ToolkitError
from antislavery.localpicture.services import ImportOptions, check_size, import_statistics


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(_("'%(text)s' is not a date; write it as 2024-03-07.")
                           % {"text": text}) from None


class Command(BaseCommand):
    help = ("Import a statistics file (tidy CSV, or Home Office NRM/DtN data tables as .ods "
            "or .xlsx) as one release. Any problem rejects the whole file and changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .csv, .ods or .xlsx file to import.")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="Print one JSON object: release, added, superseded, "
                                 "unchanged, errors.")
        parser.add_argument("--source", default="",
                            help="Slug of the source the figures come from (default: the "
                                 "file's source column; home-office-nrm for data tables).")
        parser.add_argument("--source-name", default="",
                            help="Name of a new source, when --source names one not yet known.")
        parser.add_argument("--title", default="",
                            help="Title of the release (default: the file name).")
        parser.add_argument("--published-on", type=_date, default=None,
                            help="Date the figures were published, as YYYY-MM-DD.")
        parser.add_argument("--private-to", default="",
                            help="Keep the release private to this area's office (and "
                                 "coordinators); any name the gazetteer knows.")
        parser.add_argument("--period", default="",
                            help="Period of a data-tables file whose titles do not say it "
                                 "(2023, 2023-Q4 or 2023-10).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Check the file and count what would change, then keep "
                                 "nothing.")

    def handle(self, *, file: Path, as_json: bool, dry_run: bool, **options):
        data = self._read(file, as_json)
        import_options = ImportOptions(
            source=options["source"], source_name=options["source_name"],
            title=options["title"], published_on=options["published_on"],
            private_to=options["private_to"], period=options["period"])
        progress = None if as_json else self._progress
        try:
            result = import_statistics(data=data, file_name=file.name, actor=None,
                                       options=import_options, dry_run=dry_run,
                                       progress=progress)
        except ImportRejected as exc:
            self._rejected(exc, as_json)
        except ToolkitError as exc:
            self._rejected(ImportRejected(exc.message), as_json)
        if as_json:
            self._print_json(result.as_json())
            return
        self._report(result, file)

    def _read(self, file: Path, as_json: bool) -> bytes:
        try:
            check_size(file.stat().st_size)
            return file.read_bytes()
        except ImportRejected as exc:
            self._rejected(exc, as_json)
        except OSError as exc:
            self._rejected(ImportRejected(_("Cannot read %(file)s: %(reason)s.")
                                          % {"file": file, "reason": exc.strerror}), as_json)

    def _progress(self, read: int, total: int | None) -> None:
        self.stderr.write("\r" + _("%(read)s of %(total)s rows read")
                          % {"read": f"{read:,}", "total": f"{total or read:,}"}, ending="")
        if total is not None and read >= total:
            self.stderr.write("")

    def _print_json(self, payload: dict) -> None:
        self.stdout.write(json.dumps(payload, ensure_ascii=False))

    def _rejected(self, exc: ImportRejected, as_json: bool) -> NoReturn:
        problems = exc.problems or [Problem(exc.message)]
        if as_json:
            self._print_json({"release": None, "added": 0, "superseded": 0, "unchanged": 0,
                              "errors": [problem.as_dict() for problem in problems]})
        else:
            for problem in problems:
                self.stderr.write(str(problem))
        raise CommandError(exc.message)

    def _report(self, result, file: Path) -> None:
        if result.already_imported:
            self.stdout.write(_("%(name)s was already imported as release %(pk)s (%(title)s); "
                                "nothing changed.") % {"name": file.name, "pk": result.release.pk,
                                                       "title": result.release.title})
            return
        counts = _("%(added)s added, %(superseded)s superseded, %(unchanged)s unchanged") % {
            "added": result.added, "superseded": result.superseded,
            "unchanged": result.unchanged}
        if result.dry_run:
            self.stdout.write(_("Dry run: %(counts)s. Nothing was kept.") % {"counts": counts})
        else:
            self.stdout.write(_("Release %(pk)s (%(title)s): %(counts)s.") % {
                "pk": result.release.pk, "title": result.release.title, "counts": counts})
