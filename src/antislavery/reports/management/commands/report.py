"""``antislavery report collated REQUEST --format docx|html|md -o FILE``."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from antislavery.errors import ToolkitError
from antislavery.reports import collated
from antislavery.reports.models import CollatedReport
from antislavery.reports.render import FORMATS, render


class Command(BaseCommand):
    help = "Write reports made by the toolkit."

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        report = kinds.add_parser(
            "collated", help="The collated report of the responses to a request.",
            description="Write the collated report of a request's responses: introduction, "
                        "responses received, executive summary, examples by theme and the "
                        "annex of areas and themes.")
        report.add_argument("request", metavar="REQUEST", help="The request's slug.")
        report.add_argument("--format", dest="fmt", choices=FORMATS, default="docx",
                            help="docx (default), html or md.")
        report.add_argument("-o", "--output", metavar="FILE", type=Path, required=True,
                            help="Where to write the report.")
        report.add_argument("--base-url", default="", metavar="URL",
                            help="The toolkit's address, to make the links to passages "
                                 "absolute (for example https://toolkit.example.org).")

    def handle(self, *, kind: str, **options):
        if kind == "collated":
            self.collated(options["request"], options["fmt"], options["output"],
                          options["base_url"].rstrip("/"))

    def collated(self, slug: str, fmt: str, output: Path, base_url: str) -> None:
        from antislavery.returns.models import Request
        from antislavery.themes import selectors as theme_selectors

        found = Request.objects.select_related("issuing_body").filter(slug=slug).first()
        if found is None:
            raise CommandError(_("There is no request '%(slug)s'.") % {"slug": slug})
        report = CollatedReport.objects.filter(request=found).first()
        try:
            document = collated.build_document(
                found, report, link=lambda passage: base_url + passage.get_absolute_url())
            data = render(document, fmt)
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise CommandError(_("Cannot write %(file)s: %(error)s")
                               % {"file": output, "error": exc}) from exc
        passages = theme_selectors.current_passages(found).count()
        self.stdout.write(f"{output}: {document.responses_received} of {document.recipients} "
                          f"areas responded; {passages} passages; "
                          f"{sum(len(g.children) for g in document.sections)} theme sections")
        if not passages and document.responses_received:
            self.stderr.write(f"No passages yet: run 'antislavery themes analyse {slug}' to "
                              "split the responses and suggest codes.")
