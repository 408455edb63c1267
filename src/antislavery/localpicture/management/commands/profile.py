"""``antislavery profile AREA``: an area's local picture report as DOCX, JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from antislavery.errors import ToolkitError
from antislavery.localpicture.profile import FORMATS, profile_for


class Command(BaseCommand):
    help = ("Write an area's local picture report: NRM referrals over the latest four quarters "
            "in the store against the four before, trends, breakdowns, comparisons, sources "
            "and caveats. Shows public figures only.")

    def add_arguments(self, parser):
        parser.add_argument("area", help="The area: its name, slug, code or any name the "
                                         "gazetteer knows (\"Essex\", \"the Met\").")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, default="docx",
                            help="docx (a report for a board; the default), json or csv "
                                 "(the same figures for machines).")
        parser.add_argument("-o", "--output", type=Path, default=None,
                            help="File to write. Without it JSON and CSV go to standard "
                                 "output; a DOCX needs a file.")
        parser.add_argument("--peers", default="",
                            help="Slug of a group of areas to compare with, besides the "
                                 "area's region and England and Wales.")

    def handle(self, *, area, fmt, output, peers, **options):
        if output is None and fmt == "docx":
            raise CommandError(_("A DOCX report needs a file: add -o FILE."))
        try:
            built = profile_for(area_text=area, fmt=fmt, peers=peers)
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc
        if output is None:
            sys.stdout.write(built.content.decode("utf-8"))
            return
        try:
            output.write_bytes(built.content)
        except OSError as exc:
            raise CommandError(_("Could not write %(file)s: %(reason)s.")
                               % {"file": output, "reason": exc.strerror}) from exc
        self.stdout.write(_("Wrote %(file)s (%(size)s bytes).")
                          % {"file": output, "size": f"{len(built.content):,}"})
