"""``antislavery import-stats``: what it prints, in text and as JSON."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from antislavery.localpicture.models import Observation, Release

from . import table_files as files
from .store_helpers import store_dump, tidy_csv

pytestmark = pytest.mark.django_db

ROWS = [["home-office-nrm", "2023-Q4", "Essex", "nrm_referrals", "", "412", ""],
        ["home-office-nrm", "2023-Q4", "UK", "nrm_referrals", "", "4134", ""]]


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_stats", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def csv_file(tmp_path, areas):
    path = tmp_path / "nrm.csv"
    path.write_bytes(tidy_csv(ROWS))
    return path


def test_json_output_is_exactly_the_documented_object(csv_file):
    out, err = _run(str(csv_file), "--json", "--title", "NRM Q4 2023",
                    "--published-on", "2024-05-10")

    payload = json.loads(out)
    release = Release.objects.get()
    assert payload == {"release": release.pk, "added": 2, "superseded": 0, "unchanged": 0,
                       "errors": []}
    assert (release.title, str(release.published_on)) == ("NRM Q4 2023", "2024-05-10")
    assert err == ""


def test_text_output_reports_counts_and_progress_on_stderr(csv_file):
    out, err = _run(str(csv_file))

    assert "2 added, 0 superseded, 0 unchanged" in out
    assert "2 of 2 rows read" in err


def test_same_file_again_says_so_and_changes_nothing(csv_file):
    _run(str(csv_file))
    before = store_dump()

    out, _err = _run(str(csv_file))
    payload = json.loads(_run(str(csv_file), "--json")[0])

    assert "was already imported as release" in out
    assert (payload["added"], payload["superseded"], payload["unchanged"]) == (0, 0, 2)
    assert store_dump() == before


def test_dry_run_prints_counts_and_keeps_nothing(csv_file):
    before = store_dump()

    payload = json.loads(_run(str(csv_file), "--json", "--dry-run")[0])

    assert payload == {"release": None, "added": 2, "superseded": 0, "unchanged": 0,
                       "errors": []}
    assert store_dump() == before


def test_private_to_keeps_the_release_for_one_office(tmp_path, areas):
    path = tmp_path / "local.csv"
    path.write_bytes(tidy_csv([["", "2024-Q1", "Essex", "recorded_crimes", "", "9", ""]]))

    _run(str(path), "--source", "essex-police-counts", "--source-name", "Essex Police counts",
         "--private-to", "Essex Police")

    release = Release.objects.get()
    assert (release.visibility, release.owner_area.slug) == ("private", "essex")
    assert (release.source.slug, release.source.kind) == ("essex-police-counts", "local")


def test_data_tables_import_with_the_home_office_source(tmp_path, areas):
    path = tmp_path / "tables.ods"
    path.write_bytes(files.workbook([files.cover(), files.police_table(13)], "ods"))

    payload = json.loads(_run(str(path), "--json")[0])

    assert payload["errors"] == []
    assert payload["added"] == Observation.objects.count() > 0
    assert Release.objects.get().source.slug == "home-office-nrm"


def test_missing_file_is_an_error_in_json(tmp_path, areas):
    from django.core.management.base import CommandError

    out = io.StringIO()
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_stats", str(tmp_path / "nope.csv"), "--json", stdout=out,
                     stderr=io.StringIO())

    assert json.loads(out.getvalue())["errors"][0]["message"].startswith("Cannot read")
