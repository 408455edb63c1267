"""``antislavery gaps AREA --format json|docx``: the gap analysis of one area."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from antislavery.areas.selectors import area_for_text
from antislavery.errors import ToolkitError
from antislavery.provision import gapreport


class Command(BaseCommand):
    help = ("Print or save the gap analysis of an area: what its provision lacks given its "
            "local picture, with findings by stable code.")

    def add_arguments(self, parser):
        parser.add_argument("area", metavar="AREA",
                            help="The police force area, by name, slug or alias (e.g. essex).")
        parser.add_argument("--format", choices=["json", "docx"], default="json",
                            help="json (printed, or saved with --output) or docx (saved).")
        parser.add_argument("-o", "--output", type=Path,
                            help="Write to this file (docx default: gaps-AREA.docx).")
        parser.add_argument("--public", action="store_true",
                            help="Count only entries the public may see (default: every "
                                 "entry, private ones included).")

    def handle(self, *, area: str, format: str, output: Path | None, public: bool, **options):
        try:
            found = area_for_text(area)
            report = gapreport.gap_report(found, everything=not public)
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc
        if format == "json":
            text = gapreport.as_json(report)
            if output is None:
                self.stdout.write(text)
                return
            output.write_text(text + "\n", encoding="utf-8")
        else:
            output = output or Path(f"gaps-{found.slug}.docx")
            demo = gapreport.shows_demo(found, report, everything=not public)
            output.write_bytes(gapreport.as_docx(report, demo=demo))
        self.stdout.write(_("%(count)s findings for %(area)s written to %(path)s") % {
            "count": len(report.findings), "area": found.name, "path": output})
