"""``antislavery export-open-data DIR``: write everything public as a Frictionless data package."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from antislavery.api.opendata import export_package
from antislavery.errors import ToolkitError


class Command(BaseCommand):
    help = ("Write everything the toolkit publishes into DIR as a Frictionless data package: "
            "datapackage.json and one CSV file per table, figures through the disclosure rule.")

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path,
                            help="A new or empty folder to write the package into.")

    def handle(self, *, directory: Path, **options):
        try:
            result = export_package(directory)
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc
        for name, count in result.rows.items():
            self.stdout.write(f"{name}: {count} rows")
        self.stdout.write(f"Wrote {result.descriptor}")
