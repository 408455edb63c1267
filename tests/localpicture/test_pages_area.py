"""The local picture section of the area page, its charts and its downloads."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from scipy import stats as scipy_stats

from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    data.clear_cache()


@pytest.fixture
def official(areas):
    return data.populate()


def essex_counts() -> tuple[int, int]:
    base = 10 + data.territorial_index("essex")
    return 4 * base + 3 * (4 + 5 + 6 + 7), 4 * base + 3 * (0 + 1 + 2 + 3)


def section(html: str) -> str:
    match = re.search(r'<section class="app-local-picture".*?</section>', html, re.S)
    assert match, "the area page has no local picture section"
    return match.group(0)


def test_area_page_gives_the_last_four_quarters_against_the_four_before(client, official):
    last, previous = essex_counts()
    html = section(client.get("/areas/essex/").content.decode())
    assert f"Essex had {last} referrals in the four quarters 2024 Q4 to 2025 Q3" in html
    assert f"against {previous} in the four quarters before (2023 Q4 to 2024 Q3)" in html
    expected_p = scipy_stats.binomtest(last, last + previous, 0.5).pvalue
    assert expected_p < 0.05
    assert "This is a clear increase." in html
    assert f"p = {expected_p:.3f}" in html


def test_area_page_draws_each_chart_as_inline_svg_with_a_text_alternative_and_a_table(
        client, official):
    html = section(client.get("/areas/essex/").content.decode())
    charts = re.findall(r'<div class="app-chart" id="chart-([a-z_-]+)">(.*?)(?=<div class="app-'
                        r'chart"|<h3 class="govuk-heading-m">Sources)', html, re.S)
    names = [name for name, _body in charts]
    assert names == ["trend", "breakdown-age_group", "breakdown-exploitation", "comparison",
                     "funnel"]
    for _name, body in charts:
        assert re.search(r'<svg[^>]* role="img" aria-label="[^"]{40,}"', body)
        assert '<table class="govuk-table' in body
        assert "Download these figures" in body
        assert "Source: NRM statistics for every area" in body
    assert not re.search(r"\sstyle=", html), "inline styles break the content security policy"


def test_breakdown_table_puts_the_area_beside_its_region_and_england_and_wales(client, official):
    html = section(client.get("/areas/essex/").content.decode())
    assert "Share in rest of East of England" in html
    assert "Share in England and Wales" in html


def test_a_chosen_peer_group_joins_the_comparison(client, official):
    html = section(client.get("/areas/essex/?peers=vru-areas").content.decode())
    assert "Share in rest of Areas with a Violence Reduction Unit" in html
    assert 'value="vru-areas" selected' in html


def test_an_unknown_peer_group_is_named_and_the_page_still_shows(client, official):
    response = client.get("/areas/essex/?peers=no-such-group")
    assert response.status_code == 200
    assert "There is no group called 'no-such-group'" in section(
        response.content.decode())


def test_official_figures_show_no_demonstration_notice(client, official):
    html = client.get("/areas/essex/").content.decode()
    assert "data-demo-notice" not in html
    assert "Synthetic figures" not in section(html)


def test_synthetic_figures_are_labelled_and_turn_on_the_demonstration_notice(client, areas):
    data.populate(kind=Source.Kind.SYNTHETIC, title="Synthetic figures")
    html = client.get("/areas/essex/").content.decode()
    assert "data-demo-notice" in html
    assert "Synthetic figures" in section(html)
    assert "Includes synthetic demonstration figures." in section(html)


def test_a_suppressed_quarter_is_a_named_gap_and_the_change_is_not_claimed(client, areas):
    official = data.release()
    data.series(official, "essex", "2023-Q4", [50, 50, 50, 50, 60, "suppressed", 70, 80])
    html = section(client.get("/areas/essex/").content.decode())
    assert "There is no complete figure for Essex for the four quarters 2024 Q4 to 2025 Q3." \
        in html
    assert "Whether the figures changed cannot be said" in html
    assert "No figure for 2025 Q1 (suppressed)" in html
    assert "These are gaps, not zeros" in html


def test_a_revised_figure_says_what_it_was(client, areas):
    first = data.release(title="First release")
    data.series(first, "essex", "2024-Q1", [412, 400, 400, 400])
    later = data.release(title="Later release")
    data.add(later, "essex", "2024-Q1", 431)
    data.add(later, "essex", "2024-Q4", 420)
    html = section(client.get("/areas/essex/").content.decode())
    assert "revised from 412 to 431" in html
    assert "Later release" in html


def test_private_office_figures_are_seen_by_the_office_and_not_by_the_public(
        client, areas, essex_viewer):
    private = data.release(kind=Source.Kind.LOCAL, visibility="private",
                           owner_area=areas["essex"], title="Essex office counts")
    data.series(private, "essex", "2024-Q4", [5, 6, 7, 8])
    assert "Essex office counts" not in client.get("/areas/essex/").content.decode()
    client.force_login(essex_viewer)
    html = section(client.get("/areas/essex/").content.decode())
    assert "Essex office counts" in html
    assert "Essex had 26 referrals" in html


def test_an_area_without_figures_says_so(client, areas):
    html = section(client.get("/areas/cumbria/").content.decode())
    assert "The statistics store has no figures for this area yet." in html


def test_chart_figures_download_as_csv(client, official):
    response = client.get("/statistics/areas/essex/data/trend.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="essex-trend.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Quarter", "NRM referrals", "Four-quarter total", "Note", "Synthetic"]
    last, _previous = essex_counts()
    assert rows[-1][0] == "2025 Q3"
    assert int(rows[-1][2]) == last
    assert rows[-1][4] == "no"


def test_chart_figures_download_as_xlsx_with_sources_and_the_synthetic_notice(client, areas):
    data.populate(kind=Source.Kind.SYNTHETIC, title="Synthetic figures")
    response = client.get("/statistics/areas/essex/data/breakdown-age_group.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert texts[0] == "Essex"
    assert "Synthetic demonstration figures: these are not real statistics." in texts
    assert "Child (17 or under)" in texts
    assert any("Synthetic figures" in str(t) for t in texts)
    child = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Child (17 or "
                                                                              "under)")
    assert isinstance(child[1], int)


def test_chart_svg_endpoint_serves_an_svg_image(client, official):
    response = client.get("/statistics/areas/essex/charts/funnel.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


@pytest.mark.parametrize("url", [
    "/statistics/areas/essex/charts/pie.svg",
    "/statistics/areas/essex/data/pie.csv",
    "/statistics/areas/essex/data/trend.pdf",
    "/statistics/areas/essex/report.pdf",
    "/statistics/areas/btp/data/trend.csv",
    "/statistics/areas/nowhere-at-all/data/trend.csv",
])
def test_unknown_charts_formats_and_areas_are_not_found(client, official, url):
    assert client.get(url).status_code == 404


def test_area_page_queries_stay_few_however_many_areas_have_figures(
        client, official, django_assert_max_num_queries):
    data.clear_cache()
    with django_assert_max_num_queries(40):
        client.get("/areas/essex/")
    with django_assert_max_num_queries(15):
        client.get("/areas/essex/")


def test_other_measures_of_the_area_are_given_beside_referrals(client, official):
    dtn = data.release(title="Duty to Notify reports")
    data.series(dtn, "essex", "2023-Q4", [2, 2, 2, 2, 3, 3, 3, 3], measure="dtn_reports")
    html = section(client.get("/areas/essex/").content.decode())
    table = re.search(r'<table class="govuk-table">\s*<caption[^>]*>\s*Other figures for Essex'
                      r'.*?</table>', html, re.S)
    assert table, "no table of other figures"
    cells = re.findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", table.group(0))
    population = 1_000_000 + 20_000 * data.territorial_index("essex")
    assert cells == ["2024 Q4 to 2025 Q3", "12", "2023 Q4 to 2024 Q3", "8", "no clear change",
                     f"{12 * 100_000 / population:.1f}"]
    assert "must not be added to them" in html


def test_yearly_figures_download_as_csv(client, official):
    response = client.get("/statistics/areas/essex/data/yearly.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Year", "NRM referrals", "Note", "Synthetic"]
    assert rows[1][0] == "2023"
    assert rows[1][1] == ""
    assert rows[1][2] == "some quarters unknown"
