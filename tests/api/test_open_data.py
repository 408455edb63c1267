"""The open-data package: a valid Frictionless data package of everything public."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from frictionless import Package, validate

from antislavery.api.opendata import export_package
from antislavery.api.opendata.codebook import CODEBOOK_SOURCE
from antislavery.api.opendata.provision import REGISTER_SOURCE
from antislavery.provision import services

pytestmark = pytest.mark.django_db


def test_package_passes_frictionless_validation(tmp_path, official, protected_public,
                                                private_release):
    result = export_package(tmp_path / "package")

    report = validate(str(result.descriptor))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == len(result.rows)


def test_package_describes_sources_licences_and_each_figures_release(tmp_path, official,
                                                                     protected_public):
    result = export_package(tmp_path / "package")

    descriptor = json.loads(result.descriptor.read_text())
    package = Package(str(result.descriptor))

    assert {r["name"] for r in descriptor["resources"]} >= {
        "areas", "peer-groups", "peer-group-members", "sources", "releases", "observations",
        "measures", "breakdown-values"}
    assert descriptor["licenses"][0]["name"] == "OGL-UK-3.0"
    assert {s["title"] for s in descriptor["sources"]} == {
        "Modern Slavery: NRM and Duty to Notify statistics",
        "Local figures from the office for Essex", REGISTER_SOURCE["title"],
        CODEBOOK_SOURCE["title"]}
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    keys = {key["fields"]: key["reference"]["resource"]
            for key in observations["schema"]["foreignKeys"]}
    assert keys == {"source": "sources", "release": "releases", "area": "areas"}
    sources = {row["slug"]: row for row in package.get_resource("sources").read_rows()}
    assert sources["home-office-nrm"]["licence"] == "Open Government Licence v3.0"
    assert sources["local-essex"]["protected"] is True


def test_package_figures_are_public_and_disclosed(tmp_path, official, protected_public,
                                                 private_release):
    result = export_package(tmp_path / "package")

    rows = list(csv.DictReader((result.directory / "data" / "observations.csv").open()))

    releases = {int(r["release"]) for r in rows}
    assert releases == {official.pk, protected_public.pk}
    helpline = {r["period"]: (r["value"], r["flag"]) for r in rows
                if r["measure"] == "helpline_cases"}
    assert helpline == {"2023-Q1": ("", "fewer_than"), "2023-Q2": ("", "fewer_than"),
                        "2023-Q3": ("", "fewer_than"), "2023-Q4": ("10", ""),
                        "2024-Q1": ("10", ""), "2024-Q2": ("20", "")}
    assert result.rows["observations"] == len(rows)


def test_command_writes_the_package_and_reports_rows(tmp_path, official):
    out = io.StringIO()

    call_command("export_open_data", str(tmp_path / "od"), stdout=out)

    assert "observations: 24 rows" in out.getvalue()
    assert (tmp_path / "od" / "datapackage.json").exists()


def test_command_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path, official):
    folder = tmp_path / "used"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")

    with pytest.raises(CommandError, match="is not empty; give a new or empty folder"):
        call_command("export_open_data", str(folder))

    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_command_refuses_a_file(tmp_path, official):
    target = tmp_path / "file.txt"
    target.write_text("x")

    with pytest.raises(CommandError, match="is a file, not a folder"):
        call_command("export_open_data", str(target))

    assert target.read_text() == "x"


def test_download_link_gives_the_package_as_a_zip(client, official):
    response = client.get("/api/open-data.zip")

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert response["Content-Type"] == "application/zip"
    assert "datapackage.json" in archive.namelist()
    assert "data/observations.csv" in archive.namelist()


def test_download_is_made_again_when_the_figures_change(client, official, protected_public):
    first = zipfile.ZipFile(io.BytesIO(b"".join(client.get("/api/open-data.zip")
                                                .streaming_content)))
    before = first.read("data/observations.csv").decode().count("\n")
    from antislavery.localpicture.services import import_statistics
    from tests.localpicture.store_helpers import tidy_csv

    import_statistics(data=tidy_csv([["home-office-nrm", "2025", "Kent", "dtn_reports", "",
                                      "12", ""]]), file_name="more.csv", actor=None)
    second = zipfile.ZipFile(io.BytesIO(b"".join(client.get("/api/open-data.zip")
                                                 .streaming_content)))

    assert second.read("data/observations.csv").decode().count("\n") == before + 1


def test_package_holds_published_answers_only(tmp_path, official, request_with_answers):
    result = export_package(tmp_path / "package")

    report = validate(str(result.descriptor))
    answers = list(csv.DictReader((result.directory / "data" / "published_answers.csv").open()))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [(a["area"], a["answer"]) for a in answers] == [("essex", "We fund a navigator.")]


def read(result, name: str) -> list[dict[str, str]]:
    path = result.directory / "data" / f"{name.replace('-', '_')}.csv"
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_package_with_provision_and_codebook_passes_frictionless_validation(
        tmp_path, official, register, added_codes):
    result = export_package(tmp_path / "package")

    report = validate(str(result.descriptor))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {"provision-entries", "provision-entry-areas", "practice-library",
            "codebook"} <= set(result.rows)


@pytest.mark.parametrize("name", ["provision-entries", "provision-entry-areas",
                                  "practice-library", "codebook"])
def test_new_tables_have_a_schema_sources_and_licence(tmp_path, register, name):
    result = export_package(tmp_path / "package")

    descriptor = json.loads(result.descriptor.read_text())

    resource = next(r for r in descriptor["resources"] if r["name"] == name)
    assert resource["licenses"][0]["name"] == "OGL-UK-3.0"
    assert resource["sources"][0]["title"]
    assert resource["sources"][0] in descriptor["sources"]
    assert resource["schema"]["primaryKey"]
    assert all(f["description"] for f in resource["schema"]["fields"])


def test_package_holds_public_entries_only(tmp_path, register):
    result = export_package(tmp_path / "package")

    entries = read(result, "provision-entries")
    covered = read(result, "provision-entry-areas")
    practice = read(result, "practice-library")
    every_file = "".join(p.read_text(encoding="utf-8")
                         for p in sorted(result.directory.rglob("*")) if p.is_file())

    public = [str(register.essex.pk), str(register.kent.pk)]
    assert [e["id"] for e in entries] == public
    assert [(c["entry"], c["area"], c["lead"]) for c in covered] == [
        (public[0], "essex", "true"), (public[1], "essex", "false"),
        (public[1], "kent", "true")]
    assert [(p["entry"], p["evidence"], p["evaluation"]) for p in practice] == [
        (public[0], "3", "independent"), (public[1], "4", "published")]
    assert entries[1]["nrm_stages"] == "before_nrm"
    for word in register.secrets:
        assert word not in every_file


def test_download_drops_an_entry_withdrawn_since(client, register, essex_editor):
    def entries_in_download() -> str:
        archive = zipfile.ZipFile(io.BytesIO(b"".join(
            client.get("/api/open-data.zip").streaming_content)))
        return archive.read("data/provision_entries.csv").decode()

    before = entries_in_download()
    services.withdraw_entry(actor=essex_editor, entry=register.essex, reason="Ended.")
    after = entries_in_download()

    assert "Victim navigators for adults" in before
    assert "Victim navigators for adults" not in after
    assert "Training for frontline staff" in after


def test_package_codebook_lists_codes_coordinators_added(tmp_path, added_codes):
    result = export_package(tmp_path / "package")

    codes = {row["key"]: row for row in read(result, "codebook")}

    assert codes["online_recruitment"]["builtin"] == "false"
    assert codes["online_recruitment"]["definition"] == (
        "Victims recruited through social media or job sites.")
    assert codes["exploitation:forced_marriage"]["facet_label"] == "Type of exploitation"
    assert codes["victim_support"]["builtin"] == "true"


def test_download_link_serves_the_exported_package_and_the_frictionless_command_passes_it(
        client, tmp_path, official, protected_public, private_release, request_with_answers,
        register, added_codes):
    # given: a package exported afresh by the command, and the one the download link serves
    call_command("export_open_data", str(tmp_path / "exported"), stdout=io.StringIO())
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get("/api/open-data.zip")
                                                  .streaming_content)))
    archive.extractall(tmp_path / "downloaded")

    # when: frictionless's own command line validates each
    checked = {name: subprocess.run(  # noqa: S603 (our own arguments)
        [str(Path(sys.executable).parent / "frictionless"), "validate", "--json",
         "datapackage.json"], cwd=tmp_path / name, capture_output=True, text=True,
        check=False) for name in ("exported", "downloaded")}

    # then: both pass, and they hold the same tables with the same rows
    for name, run in checked.items():
        assert run.returncode == 0, f"{name}: {run.stdout[-2000:]} {run.stderr[-2000:]}"
        report = json.loads(run.stdout)
        assert report["valid"] is True
        assert report["stats"]["tasks"] >= 12
    exported = sorted(p.relative_to(tmp_path / "exported").as_posix()
                      for p in (tmp_path / "exported").rglob("*.csv"))
    assert exported == sorted(n for n in archive.namelist() if n.endswith(".csv"))
    for name in exported:
        assert (tmp_path / "exported" / name).read_bytes() == archive.read(name), name
    exported_descriptor, downloaded_descriptor = (
        {**json.loads((tmp_path / n / "datapackage.json").read_text()), "created": None}
        for n in ("exported", "downloaded"))
    assert exported_descriptor == downloaded_descriptor
