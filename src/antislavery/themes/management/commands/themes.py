"""``antislavery themes ...``: the theme engine from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from antislavery.themes.engine.cache import packaged_suggester
from antislavery.themes.engine.jsonlines import InputError, classify_passages, read_passages


class Command(BaseCommand):
    help = "Work with themes: classify passages with the toolkit's own model."

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

    def handle(self, *, action: str, **options):
        if action == "classify":
            self.classify(options["file"], options["output"])

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
            raise CommandError(f"{file}: {exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
