"""``antislavery themes ...``: the theme engine from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from antislavery.errors import ToolkitError
from antislavery.themes.engine.cache import packaged_suggester
from antislavery.themes.engine.jsonlines import InputError, classify_passages, read_passages


class Command(BaseCommand):
    help = ("Work with themes: classify passages with the toolkit's own model, analyse a "
            "request's responses, refit the model.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        classify = actions.add_parser(
            "classify",
            help='Suggest themes, facets and the area named for JSON lines {"id", "text"}.',
            description=(
                'Read JSON lines {"id": ..., "text": ...} and write one line per input, in '
                'the same order: {"id", "themes", "facets", "area"}. Uses the model trained '
                "on the toolkit's own coded examples: offline and deterministic."
            ),
        )
        classify.add_argument("file", metavar="FILE",
                              help="JSON lines to classify; '-' reads standard input.")
        classify.add_argument("-o", "--output", metavar="OUT", type=Path,
                              help="Write the results to OUT instead of standard output.")
        analyse = actions.add_parser(
            "analyse", help="Split a request's responses into passages and suggest codes.",
            description="Split every submitted response to REQUEST (answers and attached "
                        "documents) into passages, and have the machine suggest codes for "
                        "passages no one has coded. Safe to repeat.")
        analyse.add_argument("request", metavar="REQUEST", help="The request's slug.")
        actions.add_parser(
            "refresh", help="Refit the model on everything coded and suggest again.",
            description="Refit the suggestion model on the toolkit's examples and every "
                        "passage people have coded, then suggest codes again for passages "
                        "not yet coded.")

    def handle(self, *, action: str, **options):
        if action == "classify":
            self.classify(options["file"], options["output"])
        elif action == "analyse":
            self.analyse(options["request"])
        elif action == "refresh":
            from antislavery.themes.services import refresh_suggestions

            self.stdout.write(f"Suggestions made with model {refresh_suggestions()}")

    def analyse(self, slug: str) -> None:
        from antislavery.returns.models import Request
        from antislavery.themes.services import analyse_request

        found = Request.objects.filter(slug=slug).first()
        if found is None:
            raise CommandError(_("There is no request '%(slug)s'.") % {"slug": slug})
        try:
            result = analyse_request(request=found)
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{result.texts} texts; {result.passages_created} new passages; "
                          f"suggestions for {result.passages_suggested} passages "
                          f"(model {result.model_version})")

    def classify(self, file: str, output: Path | None) -> None:
        passages = self.read(file)
        suggester = packaged_suggester()
        if output is None:
            classify_passages(passages, self.stdout, suggester)
            return
        with open(output, "w", encoding="utf-8") as out:
            count = classify_passages(passages, out, suggester)
        self.stderr.write(f"{count} passages classified into {output}")

    def read(self, file: str) -> list[tuple[object, str]]:
        try:
            if file == "-":
                return read_passages(sys.stdin)
            with open(file, encoding="utf-8") as source:
                return read_passages(source)
        except InputError as exc:
            raise CommandError(f"{file}: {exc.describe(_)}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(_("Cannot read %(file)s: %(error)s")
                               % {"file": file, "error": exc}) from exc
