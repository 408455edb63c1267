"""No public output carries a protected count as stored, and no total gives one away.

Every output is read cell by cell: a figure is a cell holding a whole number and nothing else,
so dates and quarter labels ("2024 Q4") are never mistaken for counts.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import AnonymousUser

from antislavery.api.opendata import export_package

from . import scenario as sc
from .outputs import as_int, csv_rows, docx_tables, html_table, html_tables, ints, xlsx_rows

pytestmark = pytest.mark.django_db

AREAS = ("essex", "kent")
TABLES = ("trend", "breakdown-age_group", "comparison", "funnel")


def assert_clean(found: set[int], scenario: sc.Scenario, where: str) -> None:
    leaked = found & scenario.forbidden_numbers()
    assert not leaked, f"{where} shows protected counts as stored: {sorted(leaked)}"


def tables_ints(tables) -> set[int]:
    return set().union(set(), *(ints(rows) for rows in tables))


def section(html: str) -> str:
    start = html.index('<section class="app-local-picture"')
    return html[start:html.index("</section>", start)]


def test_area_page_shows_protected_counts_rounded_or_as_fewer_than_k(client, scenario):
    html = section(client.get("/areas/essex/").content.decode())

    rows = html_table(html, "NRM referrals in Essex, each quarter")

    by_quarter = {row[0]: row[1] for row in rows[1:]}
    assert by_quarter == {
        "2023 Q3": "20", "2023 Q4": "10", "2024 Q1": "10", "2024 Q2": "10",
        "2024 Q3": "fewer than 10", "2024 Q4": "fewer than 10", "2025 Q1": "fewer than 10",
        "2025 Q2": "20"}
    assert ("Figures from protected sources are rounded down to a multiple of 10, and shown "
            "as &#x27;fewer than 10&#x27; below that.") in html


@pytest.mark.parametrize("slug", AREAS)
def test_no_area_page_table_or_sentence_holds_a_protected_count(client, scenario, slug):
    html = section(client.get(f"/areas/{slug}/").content.decode())

    found = tables_ints(table["rows"] for table in html_tables(html))

    assert_clean(found, scenario, f"the {slug} page")
    assert "Essex had" not in html  # the last four quarters include withheld counts


@pytest.mark.parametrize("slug", AREAS)
@pytest.mark.parametrize("name", TABLES)
def test_no_chart_download_holds_a_protected_count(client, scenario, slug, name):
    as_csv = client.get(f"/statistics/areas/{slug}/data/{name}.csv")
    if as_csv.status_code == 404:
        pytest.skip(f"{slug} has no {name} table")
    as_xlsx = client.get(f"/statistics/areas/{slug}/data/{name}.xlsx")

    csv_cells = csv_rows(as_csv.content)
    xlsx_cells = xlsx_rows(as_xlsx.content)

    assert_clean(ints(csv_cells), scenario, f"{slug} {name}.csv")
    assert_clean(ints(xlsx_cells), scenario, f"{slug} {name}.xlsx")
    assert csv_cells[0][-1] == "Protected"
    assert {row[-1] for row in csv_cells[1:]} == {"yes"}
    assert any("Figures from protected sources" in str(row[0]) for row in xlsx_cells if row)


@pytest.mark.parametrize("slug", AREAS)
def test_no_profile_report_holds_a_protected_count(client, scenario, slug):
    as_docx = client.get(f"/statistics/areas/{slug}/report.docx").content
    as_json = json.loads(client.get(f"/statistics/areas/{slug}/report.json").content)
    as_csv = csv_rows(client.get(f"/statistics/areas/{slug}/report.csv").content)

    assert_clean(tables_ints(docx_tables(as_docx)), scenario, f"{slug} report.docx")
    assert_clean(_json_ints(as_json), scenario, f"{slug} report.json")
    assert_clean(ints([[row[5]] for row in as_csv[1:]]), scenario, f"{slug} report.csv")
    assert as_json["disclosure"]["protected"] is True
    assert {row[7] for row in as_csv[1:]} == {"yes"}


NOT_FIGURES = {"threshold", "areas_counted", "releases", "population"}


def _json_ints(data: object) -> set[int]:
    """Whole numbers anywhere in JSON data, but for keys that hold no figure (area counts)."""
    if isinstance(data, dict):
        return set().union(set(), *(_json_ints(v) for k, v in data.items()
                                    if k not in NOT_FIGURES))
    if isinstance(data, list):
        return set().union(set(), *(_json_ints(v) for v in data))
    return {data} if isinstance(data, int) and not isinstance(data, bool) else set()


def test_national_and_compare_pages_hold_no_protected_count(client, scenario):
    national = client.get("/statistics/").content.decode()
    compare = client.get("/statistics/compare/?areas=essex&areas=kent").content.decode()

    for name, html in (("national page", national), ("compare page", compare)):
        assert_clean(tables_ints(t["rows"] for t in html_tables(html)), scenario, name)
    rows = html_table(national, "Every police force area")
    kent = next(row for row in rows if row[0] == "Kent")
    assert kent[2:4] == ["40", "70"]
    assert "Figures from protected sources are rounded down" in national
    assert "Figures from protected sources are rounded down" in compare


def test_api_serves_protected_counts_rounded_and_flagged(client, scenario):
    answer = client.get("/api/observations?area=essex&breakdown=total&page_size=1000").json()

    values = {row["period"]: (row["value"], row["flag"], row["display"], row["protected"])
              for row in answer["results"]}

    assert values["2023-Q3"] == (20, "", "20", True)
    assert values["2024-Q3"] == (None, "fewer_than", "fewer than 10", True)
    assert values["2024-Q1"] == (10, "", "10", True)


@pytest.mark.parametrize("slug", AREAS)
def test_no_api_answer_holds_a_protected_count(client, scenario, slug):
    as_json = client.get(f"/api/observations?area={slug}&page_size=1000").json()
    as_csv = csv_rows(client.get(f"/api/observations?area={slug}&page_size=1000&format=csv")
                      .content)
    picture = client.get(f"/api/areas/{slug}/picture").json()

    value_column = as_csv[0].index("value")
    display_column = as_csv[0].index("display")
    assert_clean({as_int(r["value"]) for r in as_json["results"]} - {None}, scenario, "API")
    assert_clean(ints([[r[value_column], r[display_column]] for r in as_csv[1:]]), scenario,
                 "API CSV")
    assert_clean(_json_ints({k: v for k, v in picture.items() if k != "releases"}), scenario,
                 "API picture")
    assert all(r["protected"] for r in as_json["results"] if r["measure"] == "nrm_referrals")


def test_open_data_package_holds_no_protected_count(tmp_path, scenario):
    result = export_package(tmp_path / "package")

    rows = csv_rows((result.directory / "data" / "observations.csv").read_bytes())

    header = rows[0]
    ours = [r for r in rows[1:] if r[header.index("geography")] in AREAS
            and r[header.index("measure")] == "nrm_referrals"]
    assert len(ours) == 2 * 3 * 8
    assert_clean(ints([[r[header.index("value")]] for r in ours]), scenario, "observations.csv")
    assert {r[header.index("protected")] for r in ours} == {"true"}
    assert "recorded_crimes" not in {r[header.index("measure")] for r in rows[1:]}


def test_private_upload_is_in_no_public_output(client, scenario, tmp_path):
    api = client.get("/api/observations?measure=recorded_crimes").json()
    page = client.get("/statistics/?measure=recorded_crimes").content.decode()
    releases = client.get("/api/releases").json()["results"]

    assert api["results"] == []
    assert "has no quarterly figures for Recorded modern slavery crimes" in page
    assert scenario.essex_private.pk not in {r["id"] for r in releases}


# --- totals cannot be differenced back -----------------------------------------------------


def test_every_shown_total_is_the_sum_of_the_shown_quarters(client, scenario):
    for slug, counts in (("essex", sc.ESSEX), ("kent", sc.KENT)):
        html = section(client.get(f"/areas/{slug}/").content.decode())
        name = slug.capitalize()
        rows = html_table(html, f"NRM referrals in {name}, each quarter")[1:]
        values = [as_int(row[1]) for row in rows]
        for index, row in enumerate(rows):
            total = as_int(row[2])
            if total is None:
                continue
            parts = values[index - 3:index + 1]
            assert None not in parts
            assert total == sum(parts)  # type: ignore[arg-type]
            raw = counts[index - 3:index + 1]
            # Taking away any three shown parts leaves the fourth as shown, never as stored.
            for hidden in range(4):
                rest = sum(p for i, p in enumerate(parts) if i != hidden)  # type: ignore[misc]
                assert total - rest == sc.shown(raw[hidden])


def test_window_totals_with_a_withheld_quarter_are_not_given(client, scenario):
    html = section(client.get("/areas/essex/").content.decode())
    rows = html_table(html, "NRM referrals in Essex, each quarter")[1:]

    totals = {row[0]: row[2] for row in rows}

    for quarter in ("2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2"):
        assert totals[quarter] == "no figure"


def test_group_totals_add_the_shown_figures_of_protected_areas(client, scenario):
    national = client.get("/statistics/").content.decode()
    last, previous = sc.window_sums(sc.KENT)

    rows = html_table(national, "Every police force area")[1:]

    by_area = {row[0]: row for row in rows}
    assert (as_int(by_area["Kent"][2]), as_int(by_area["Kent"][3])) == (last, previous)
    assert (last, previous) == (40, 70)
    assert sum(sc.KENT[4:]) == 76  # stored; never shown, and 70 (76 rounded) is not 40


def test_england_and_wales_total_counts_protected_areas_by_their_shown_figures(
        client, scenario):
    html = section(client.get("/areas/kent/").content.decode())
    rows = html_table(html, "NRM referrals in Kent beside its peers")

    england_and_wales = next(r for r in rows if r[0] == "England and Wales")
    official = sum(4 * (sc.OFFICIAL_BASE + sc_index) for sc_index in _official_indexes(scenario))

    assert as_int(england_and_wales[2]) == official + 40


def _official_indexes(scenario: sc.Scenario) -> list[int]:
    from antislavery.areas.models import Area

    slugs = sorted(Area.objects.filter(territorial=True).values_list("slug", flat=True))
    return [slugs.index(slug) for slug in scenario.official_areas]


# --- staff --------------------------------------------------------------------------------


def test_own_office_sees_its_figures_unrounded_and_not_for_publication(
        client, scenario, areas):
    from tests import factories

    viewer = factories.office_user(areas["essex"], role="office_viewer")
    client.force_login(viewer)

    html = section(client.get("/areas/essex/").content.decode())

    rows = html_table(html, "NRM referrals in Essex, each quarter")[1:]
    assert [as_int(row[1]) for row in rows] == sc.ESSEX
    assert "not for publication" in html


def test_another_office_sees_the_figures_rounded(client, scenario, areas):
    from tests import factories

    client.force_login(factories.office_user(areas["surrey"]))

    html = section(client.get("/areas/essex/").content.decode())

    rows = html_table(html, "NRM referrals in Essex, each quarter")[1:]
    assert as_int(rows[0][1]) == 20
    assert "not for publication" not in html


def test_anonymous_viewer_is_the_public(scenario):
    from antislavery.localpicture.disclosure import Discloser

    discloser = Discloser(AnonymousUser())

    assert discloser.value(23, release_id=scenario.essex_public.pk).value == 20
    assert discloser.value(23, release_id=scenario.essex_public.pk).protected is True


def test_staff_downloads_mark_unrounded_figures_not_for_publication(client, scenario, areas):
    from tests import factories

    client.force_login(factories.office_user(areas["essex"], role="office_viewer"))

    trend = csv_rows(client.get("/statistics/areas/essex/data/trend.csv").content)
    report = csv_rows(client.get("/statistics/areas/essex/report.csv").content)

    assert [as_int(row[1]) for row in trend[1:]] == sc.ESSEX  # unrounded: staff may see them
    assert trend[0][-1] == "Not for publication"
    assert {row[-1] for row in trend[1:]} == {"yes"}
    assert report[0][-1] == "not_for_publication"
    assert {row[-1] for row in report[1:]} == {"yes"}


def test_public_downloads_are_not_marked_not_for_publication(client, scenario):
    trend = csv_rows(client.get("/statistics/areas/essex/data/trend.csv").content)
    report = csv_rows(client.get("/statistics/areas/essex/report.csv").content)

    assert "Not for publication" not in trend[0]
    assert {row[-1] for row in report[1:]} == {"no"}


def test_gap_analysis_for_the_own_office_is_marked_not_for_publication(client, scenario, areas):
    # The gap findings quote the office's own (protected) figures unrounded to its staff.
    from tests import factories

    client.force_login(factories.office_user(areas["essex"], role="office_viewer"))

    page = client.get("/provision/gaps/essex/").content.decode()
    report = json.loads(client.get("/provision/gaps/essex/?format=json").content)
    document = client.get("/provision/gaps/essex/?format=docx").content

    assert "Not for publication" in page
    assert report["not_for_publication"] is True
    assert report["disclosure_notes"]
    assert b"word/document.xml" in document
    from io import BytesIO

    from docx import Document

    text = "\n".join(p.text for p in Document(BytesIO(document)).paragraphs)
    assert "Not for publication" in text


def test_public_gap_analysis_is_not_marked_not_for_publication(client, scenario):
    page = client.get("/provision/gaps/essex/").content.decode()
    report = json.loads(client.get("/provision/gaps/essex/?format=json").content)

    assert "Not for publication" not in page
    assert report["not_for_publication"] is False
