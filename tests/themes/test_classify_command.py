"""``antislavery themes classify``: JSON lines in, one result line per input out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
LINES = [
    {"id": "a", "text": "The PCC holds the Chief Constable to account at a monthly "
                        "performance board where modern slavery is a standing item."},
    {"id": 2, "text": "Yours sincerely."},
    {"id": "c", "text": "West Mercia's fund pays for emergency accommodation and food "
                        "for victims found at night, before any NRM referral."},
]


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_writes_one_line_per_input_in_order(tmp_path):
    source = write_lines(tmp_path / "in.jsonl", LINES)
    out = tmp_path / "out.jsonl"

    call_command("themes", "classify", str(source), "-o", str(out), stderr=StringIO())

    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in results] == ["a", 2, "c"]
    assert set(results[0]) == {"id", "themes", "facets", "area"}
    assert set(results[0]["facets"]) == {"nrm_stage", "exploitation", "victim_group",
                                         "intervention"}
    assert "scrutiny" in results[0]["themes"]
    assert results[1]["themes"] == []
    assert "accommodation" in results[2]["themes"]
    assert results[2]["facets"]["nrm_stage"] == ["before_nrm"]
    assert results[2]["area"] == "west-mercia"
    assert results[0]["area"] is None


def test_output_is_the_same_every_time(tmp_path):
    source = write_lines(tmp_path / "in.jsonl", LINES)
    first, second = StringIO(), StringIO()

    call_command("themes", "classify", str(source), stdout=first)
    call_command("themes", "classify", str(source), stdout=second)

    assert first.getvalue() == second.getvalue()
    assert len(first.getvalue().splitlines()) == 3


def test_output_is_the_same_in_separate_runs_of_the_command(tmp_path):
    source = write_lines(tmp_path / "in.jsonl", LINES)
    outputs = []
    for seed in ("1", "2"):
        # a new process each time, with its own hash seed (set and dict order)
        environment = {**os.environ, "ANTISLAVERY_DATA_DIR": str(tmp_path / seed),
                       "DJANGO_SETTINGS_MODULE": "antislavery.settings.test",
                       "PYTHONHASHSEED": seed}
        command = [str(Path(sys.executable).with_name("antislavery")), "themes", "classify",
                   str(source)]
        # the command line is the toolkit's own entry point, built from fixed strings
        ran = subprocess.run(command, capture_output=True, text=True, env=environment,  # noqa: S603
                             check=True)
        outputs.append(ran.stdout)

    assert outputs[0] == outputs[1]
    assert [json.loads(line)["id"] for line in outputs[0].splitlines()] == ["a", 2, "c"]


def test_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", StringIO(json.dumps(LINES[0]) + "\n\n"))
    out = StringIO()

    call_command("themes", "classify", "-", stdout=out)

    assert json.loads(out.getvalue())["id"] == "a"


@pytest.mark.parametrize(("bad", "message"), [
    ("not json", "Line 2: not valid JSON"),
    ('["a list"]', "Line 2: expected an object"),
    ('{"text": "no id"}', 'Line 2: the object has no "id"'),
    ('{"id": 5}', 'Line 2: the object has no "text" string'),
])
def test_a_bad_line_is_named_and_nothing_is_written(tmp_path, bad, message):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(LINES[0]) + "\n" + bad + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    with pytest.raises(CommandError, match=message):
        call_command("themes", "classify", str(source), "-o", str(out))

    assert not out.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"Cannot read .*missing\.jsonl"):
        call_command("themes", "classify", str(tmp_path / "missing.jsonl"))


def test_the_real_command_exits_non_zero_on_a_bad_line(tmp_path):
    environment = {**os.environ, "ANTISLAVERY_DATA_DIR": str(tmp_path),
                   "DJANGO_SETTINGS_MODULE": "antislavery.settings.test"}
    command = [str(Path(sys.executable).with_name("antislavery")), "themes", "classify", "-"]

    # the command line is the toolkit's own entry point, built from fixed strings
    good = subprocess.run(command, input=json.dumps(LINES[2]) + "\n", capture_output=True,  # noqa: S603
                          text=True, env=environment, check=False)
    bad = subprocess.run(command, input="{oops\n", capture_output=True, text=True,  # noqa: S603
                         env=environment, check=False)

    assert good.returncode == 0
    assert json.loads(good.stdout)["area"] == "west-mercia"
    assert bad.returncode == 1
    assert "Line 1: not valid JSON" in bad.stderr
    assert bad.stdout == ""


def test_the_command_is_documented():
    docs = (ROOT / "docs" / "cli.md").read_text()

    assert "## `antislavery themes classify FILE`" in docs
    assert "-o OUT" in docs


def test_the_message_about_a_bad_line_is_translated(tmp_path, monkeypatch):
    from antislavery.themes.engine import jsonlines
    from antislavery.themes.management.commands import themes

    catalogue = {jsonlines.LINE: "[cy] %(line)s: %(problem)s", jsonlines.NO_ID: "[cy] dim id."}
    monkeypatch.setattr(themes, "_", lambda text: catalogue.get(text, text))
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "no id"}\n', encoding="utf-8")

    with pytest.raises(CommandError, match=r"in\.jsonl: \[cy\] 1: \[cy\] dim id\.$"):
        call_command("themes", "classify", str(source))
