"""The command line: `antislavery provision import FILE` and `antislavery gaps AREA`."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document

from antislavery.accounts.models import AuditEntry
from antislavery.provision.models import Entry, EntryVersion
from tests.provision.factories import entry

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs"


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts():
    return (Entry.objects.count(), EntryVersion.objects.count(), AuditEntry.objects.count())


def test_the_documented_example_file_imports(areas):
    out, _err = run("provision", "import", str(DOCS / "provision-example.csv"))
    assert out.strip() == "3 rows: 3 added, 0 changed, 0 unchanged."
    regional = Entry.objects.get(title="Regional victim navigators")
    assert {a.slug for a in regional.areas.all()} == {"leicestershire", "lincolnshire",
                                                      "nottinghamshire"}


def test_the_format_document_shows_the_example_file_verbatim():
    example = (DOCS / "provision-example.csv").read_text().strip()
    assert example in (DOCS / "provision-format.md").read_text()


def test_import_prints_every_problem_and_exits_non_zero_changing_nothing(areas, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("area,title,kind,nrm_stages,victim_groups,exploitation,languages,status,"
                    "start,end,evaluation,public\n"
                    "Wessex,One,fund,,,,,running,,,none,yes\n"
                    "Essex,Two,navigator,,,,,running,,,none,maybe\n")
    before = counts()
    err = StringIO()
    refused = re.escape("The file has 3 problems. Nothing was imported")
    with pytest.raises(CommandError, match=refused):
        call_command("provision", "import", str(path), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0] == ("row 2, column area: 'Wessex' is not a police force area. "
                        "Did you mean: Essex, Sussex?")
    assert lines[1].startswith("row 3, column kind: 'navigator' is not allowed in kind")
    assert lines[2].startswith("row 3, column public: 'maybe' is not yes or no")
    assert counts() == before


def test_import_dry_run_changes_nothing(areas):
    before = counts()
    out, _err = run("provision", "import", str(DOCS / "provision-example.csv"), "--dry-run")
    assert "3 rows checked" in out
    assert counts() == before


def test_import_as_a_user_applies_their_permissions(areas, essex_editor):
    with pytest.raises(CommandError):
        run("provision", "import", str(DOCS / "provision-example.csv"), "--as",
            essex_editor.username)
    assert Entry.objects.count() == 0


def test_import_of_a_missing_file_is_an_error(areas, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("provision", "import", str(tmp_path / "nothing.csv"))


def test_gaps_prints_json_in_the_documented_shape(areas):
    entry(areas["surrey"], title="Surrey navigator", nrm_stages=["before_nrm"])
    out, _err = run("gaps", "Essex Police")
    data = json.loads(out)
    assert data["area"] == "essex"
    first = data["findings"][0]
    assert first["code"] == "no_support_before_nrm"
    assert first["examples"] == [{"area": "surrey", "title": "Surrey navigator",
                                  "evidence": "No evaluation"}]
    assert {"code", "title", "why", "figure", "examples"} <= set(first)
    # no local figures were imported, so nothing stands behind the finding
    assert first["figure"] is None
    assert all(set(example) >= {"area", "title"} for finding in data["findings"]
               for example in finding["examples"])


def test_gaps_counts_private_entries_unless_asked_for_the_public_view(areas):
    entry(areas["essex"], nrm_stages=["before_nrm"], public=False)
    everything = json.loads(run("gaps", "essex")[0])
    public = json.loads(run("gaps", "essex", "--public")[0])
    assert "no_support_before_nrm" not in [f["code"] for f in everything["findings"]]
    assert "no_support_before_nrm" in [f["code"] for f in public["findings"]]


def test_gaps_writes_a_word_report(areas, tmp_path):
    path = tmp_path / "essex.docx"
    out, _err = run("gaps", "essex", "--format", "docx", "-o", str(path))
    assert "written to" in out
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Gaps in provision: Essex" in text
    assert "No support before a referral to the NRM" in text
    assert "How the checks work" in text


def test_gaps_for_an_unknown_area_names_candidates(areas):
    unknown = re.escape("'Surey' is not a police force area. Did you mean")
    with pytest.raises(CommandError, match=unknown):
        run("gaps", "Surey")


def test_every_provision_command_is_documented_in_cli_md():
    text = (DOCS / "cli.md").read_text()
    headings = re.findall(r"^## `antislavery ([a-z-]+)", text, flags=re.MULTILINE)
    assert "provision" in headings
    assert "gaps" in headings
    for option in ("--dry-run", "--as EMAIL", "--format json", "--format docx", "--public",
                   "--output"):
        assert option in text
