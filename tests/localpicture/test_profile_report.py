"""The local picture report: DOCX for a board, JSON and CSV for machines, from page and command."""

from __future__ import annotations

import csv
import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command
from scipy import stats as scipy_stats

from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data

pytestmark = pytest.mark.django_db
SYNTHETIC = "Synthetic figures: some or all of these figures are generated demonstration data"


@pytest.fixture(autouse=True)
def _fresh_cache():
    data.clear_cache()


@pytest.fixture
def official(areas):
    return data.populate()


def essex_counts() -> tuple[int, int]:
    base = 10 + data.territorial_index("essex")
    return 4 * base + 3 * (4 + 5 + 6 + 7), 4 * base + 3 * (0 + 1 + 2 + 3)


def report(tmp_path, area: str = "essex", fmt: str = "docx", *args: str):
    out = tmp_path / f"report.{fmt}"
    call_command("profile", area, "--format", fmt, "-o", str(out), *args,
                 stdout=io.StringIO())
    return out


def test_json_headline_gives_the_latest_four_quarters_and_the_exact_test(tmp_path, official):
    figures = json.loads(report(tmp_path, fmt="json").read_text())
    last, previous = essex_counts()
    expected_p = scipy_stats.binomtest(last, last + previous, 0.5).pvalue
    assert figures["headline"] == {
        "nrm_referrals_last_4_quarters": last, "previous_4_quarters": previous,
        "change": "clear increase", "p_value": pytest.approx(expected_p, rel=1e-9)}
    assert figures["latest_quarter"] == "2025-Q3"
    assert figures["synthetic"] is False


def test_json_carries_the_breakdowns_rates_and_comparisons_of_the_page(tmp_path, official):
    figures = json.loads(report(tmp_path, fmt="json").read_text())
    last, _previous = essex_counts()
    population = 1_000_000 + 20_000 * data.territorial_index("essex")
    assert figures["rate_per_100000"]["rate"] == pytest.approx(last * 100_000 / population)
    low, high = figures["rate_per_100000"]["confidence_interval_95"]
    assert low == pytest.approx(scipy_stats.chi2.ppf(0.025, 2 * last) / 2 * 100_000 / population)
    assert high == pytest.approx(
        scipy_stats.chi2.ppf(0.975, 2 * last + 2) / 2 * 100_000 / population)
    child = next(v for v in figures["breakdowns"]["age_group"]["values"] if v["value"] == "child")
    assert child["share"] == pytest.approx(child["count"] / last)
    assert [c["name"] for c in figures["comparisons"]] == [
        "Essex", "Rest of East of England", "England and Wales"]
    assert figures["funnel"]["area_position"] in {"within", "above_95", "above_998"}
    assert figures["sources"][0]["title"] == "NRM statistics for every area"


def test_json_change_is_null_when_a_quarter_has_no_figure(tmp_path, areas):
    official = data.release()
    data.series(official, "essex", "2023-Q4", [5, 5, "not_available", 5, 6, 6, 6, 6])
    headline = json.loads(report(tmp_path, fmt="json").read_text())["headline"]
    assert headline == {"nrm_referrals_last_4_quarters": 24, "previous_4_quarters": None,
                        "change": None, "p_value": None}


def test_csv_gives_the_figures_in_long_form(tmp_path, official):
    rows = list(csv.DictReader(report(tmp_path, fmt="csv").open()))
    last, previous = essex_counts()
    headline = [r for r in rows if r["section"] == "headline" and r["statistic"] == "count"
                and r["item"] == "nrm_referrals"]
    assert [(r["period"], int(r["value"])) for r in headline] == [
        ("2024-Q4/2025-Q3", last), ("2023-Q4/2024-Q3", previous)]
    assert {r["synthetic"] for r in rows} == {"no"}
    assert any(r["item"] == "age_group=child" and r["statistic"] == "national_share"
               for r in rows)


def test_docx_report_has_the_headings_figures_and_sources_a_board_needs(tmp_path, official):
    document = docx.Document(str(report(tmp_path)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading",
                                                                                "Title"))]
    assert headings == [
        "Local picture: Essex", "Headline figures", "How the figures have changed",
        "Age at exploitation", "Type of exploitation",
        "Compared with peers and England and Wales", "Compared with every area", "Sources",
        "Caveats"]
    last, previous = essex_counts()
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Essex had {last} referrals in the four quarters 2024 Q4 to 2025 Q3" in text
    assert "This is a clear increase." in text
    headline = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert headline["Last four quarters (2024 Q4 to 2025 Q3)"] == str(last)
    assert headline["Four quarters before (2023 Q4 to 2024 Q3)"] == str(previous)
    assert headline["Change"] == "clear increase"
    assert len(document.inline_shapes) == 5  # trend, two breakdowns, comparison, funnel
    assert "Where a referral is recorded is not always where the exploitation happened." in text
    assert "NRM statistics for every area" in text
    assert SYNTHETIC not in text
    assert document.sections[0].header.paragraphs[0].text == ""


def test_docx_report_of_synthetic_figures_says_so_on_every_page(tmp_path, areas):
    data.populate(kind=Source.Kind.SYNTHETIC, title="Synthetic figures")
    document = docx.Document(str(report(tmp_path)))
    assert document.sections[0].header.paragraphs[0].text.startswith(SYNTHETIC)
    body = [p.text for p in document.paragraphs]
    assert body[2].startswith(SYNTHETIC)
    assert any("[synthetic]" in line for line in body)


def test_profile_command_names_the_closest_areas_for_an_unknown_one(tmp_path, official):
    out = tmp_path / "report.docx"
    with pytest.raises(CommandError, match=r"'Esex' is not a police force area\. Did you mean: "
                                           r"Essex"):
        call_command("profile", "Esex", "-o", str(out))
    assert not out.exists()


def test_profile_command_refuses_an_area_outside_england_and_wales(tmp_path, official):
    out = tmp_path / "report.json"
    with pytest.raises(CommandError, match="not a police force area of England and Wales"):
        call_command("profile", "Police Scotland", "--format", "json", "-o", str(out))
    assert not out.exists()


def test_profile_command_needs_a_file_for_a_docx(official):
    with pytest.raises(CommandError, match="A DOCX report needs a file"):
        call_command("profile", "essex")


def test_profile_command_refuses_an_unknown_peer_group(tmp_path, official):
    with pytest.raises(CommandError, match="There is no group of areas called 'nope'"):
        report(tmp_path, "essex", "json", "--peers", "nope")


def test_profile_command_adds_a_chosen_peer_group(tmp_path, official):
    figures = json.loads(report(tmp_path, "essex", "json", "--peers", "vru-areas").read_text())
    assert figures["peer_group"] == "vru-areas"
    assert "Rest of Areas with a Violence Reduction Unit" in [
        c["name"] for c in figures["comparisons"]]


def test_profile_command_resolves_any_name_the_gazetteer_knows(tmp_path, official):
    figures = json.loads(report(tmp_path, "Essex Police", "json").read_text())
    assert figures["area"] == {"slug": "essex", "name": "Essex"}


def test_report_downloads_from_the_area_page(client, official):
    html = client.get("/areas/essex/").content.decode()
    assert 'href="/statistics/areas/essex/report.docx"' in html
    response = client.get("/statistics/areas/essex/report.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == \
        'attachment; filename="local-picture-essex-2025-Q3.docx"'
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == "Local picture: Essex"


def test_report_json_downloads_with_the_same_headline_as_the_command(client, tmp_path,
                                                                     official):
    downloaded = json.loads(client.get("/statistics/areas/essex/report.json").content)
    written = json.loads(report(tmp_path, fmt="json").read_text())
    assert downloaded["headline"] == written["headline"]


def test_cli_document_describes_profile_and_each_option():
    from pathlib import Path

    from antislavery.localpicture.management.commands.profile import Command

    text = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    section = text.split("## `antislavery profile AREA`", 1)[1].split("\n## ", 1)[0]
    parser = Command().create_parser("antislavery", "profile")
    options = [o for action in parser._actions for o in action.option_strings
               if o.startswith("--") and o not in {"--help", "--version", "--verbosity",
                                                     "--settings", "--pythonpath",
                                                     "--traceback", "--no-color",
                                                     "--force-color", "--skip-checks"}]
    assert options == ["--format", "--output", "--peers"]
    for option in ["--format", "-o FILE", "--peers"]:
        assert f"`{option}" in section, option
    assert '"nrm_referrals_last_4_quarters": N' in section
