"""The documentation of the import format and command matches what the code accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from antislavery.localpicture import vocabulary
from antislavery.localpicture.management.commands.import_stats import Command
from antislavery.localpicture.models import Observation
from antislavery.localpicture.services import import_statistics

DOCS = Path(__file__).resolve().parents[2] / "docs"
FORMAT = (DOCS / "statistics-format.md").read_text()


def test_format_document_names_every_measure_dimension_and_value():
    for code in vocabulary.MEASURES:
        assert f"`{code}`" in FORMAT
    for dimension, values in vocabulary.VALUES.items():
        assert f"`{dimension}`" in FORMAT
        listed = values if dimension != "nationality" else [
            *vocabulary.COMMON_NATIONALITIES, "other", "not_specified"]
        for value in listed:
            assert f"`{value}`" in FORMAT, (dimension, value)


@pytest.mark.django_db
def test_example_in_the_format_document_imports(areas):
    example = re.search(r"Example:\n\n```\n(.*?)```", FORMAT, re.DOTALL).group(1)

    result = import_statistics(data=example.encode(), file_name="example.csv", actor=None)

    assert result.added == len(example.strip().splitlines()) - 1
    assert Observation.objects.get(period="2023-04").flag == "not_available"


def test_cli_document_describes_import_stats_and_each_option():
    cli = (DOCS / "cli.md").read_text()
    section = cli.split("## `antislavery import-stats FILE`", 1)[1]
    parser = Command().create_parser("antislavery", "import_stats")

    options = [o for action in parser._actions for o in action.option_strings
               if o.startswith("--") and o not in {"--help", "--version", "--settings",
                                                   "--pythonpath", "--traceback",
                                                   "--no-color", "--force-color",
                                                   "--skip-checks", "--verbosity"}]
    assert options
    for option in options:
        assert f"`{option}" in section, option
