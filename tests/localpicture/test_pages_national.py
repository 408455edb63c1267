"""The national page (every area at a glance) and the compare page."""

from __future__ import annotations

import io
import re

import pytest

from antislavery.areas.models import Area
from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    data.clear_cache()


@pytest.fixture
def official(areas):
    return data.populate()


def area_links(html: str) -> list[str]:
    return re.findall(r'<a class="govuk-link" href="/areas/[a-z-]+/#local-picture">([^<]+)</a>',
                      html)


def test_national_page_lists_every_area_of_england_and_wales_by_name(client, official):
    response = client.get("/statistics/")
    assert response.status_code == 200
    html = response.content.decode()
    names = area_links(html)
    expected = list(Area.objects.filter(territorial=True).order_by("name")
                    .values_list("name", flat=True))
    assert names == expected
    assert len(names) == 43
    assert "NRM referrals, 2024 Q4 to 2025 Q3" in html


def test_national_page_places_areas_against_funnel_limits_rather_than_ranking_them(
        client, official):
    html = client.get("/statistics/").content.decode()
    assert 'id="chart-funnel"' in html
    assert re.search(r'<svg[^>]* role="img" aria-label="Funnel plot of the rate', html)
    assert "within the expected range" in html


def test_national_page_shows_another_measure_when_asked(client, official):
    dtn = data.release(title="Duty to Notify figures")
    data.series(dtn, "kent", "2024-Q4", [3, 4, 5, 6], measure="dtn_reports")
    html = client.get("/statistics/?measure=dtn_reports").content.decode()
    assert "Duty to Notify reports, 2024 Q4 to 2025 Q3" in html
    assert "<td class=\"govuk-table__cell govuk-table__cell--numeric\">18</td>" in html


def test_national_page_rejects_an_unknown_measure_with_an_error_summary(client, official):
    response = client.get("/statistics/?measure=bananas")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error:" in html
    assert "There is a problem" in html
    assert "Choose figures from the list." in html


def test_national_page_with_synthetic_figures_shows_the_demonstration_notice(client, areas):
    data.populate(kind=Source.Kind.SYNTHETIC)
    html = client.get("/statistics/").content.decode()
    assert "data-demo-notice" in html
    assert "Synthetic figures" in html


def test_national_page_without_figures_says_so(client, areas):
    html = client.get("/statistics/").content.decode()
    assert "The statistics store has no quarterly figures for NRM referrals yet." in html


def test_compare_page_compares_a_peer_group(client, official):
    response = client.get("/statistics/compare/?group=region-east-of-england")
    assert response.status_code == 200
    html = response.content.decode()
    assert "NRM referrals: Bedfordshire, Cambridgeshire, Essex, Hertfordshire, Norfolk, " \
           "Suffolk" in html
    assert "East of England (6 of 6 areas)" in html
    assert "England and Wales (43 of 43 areas)" in html
    assert 'id="chart-compare-trend"' in html
    assert "Four-quarter total per 100,000 people" in html


def test_compare_page_compares_chosen_areas(client, official):
    html = client.get("/statistics/compare/?areas=kent&areas=surrey").content.decode()
    assert "NRM referrals: Kent, Surrey" in html
    assert "Shares by age at exploitation, 2024 Q4 to 2025 Q3" in html


@pytest.mark.filterwarnings("error::django.core.cache.backends.base.CacheKeyWarning")
def test_comparing_many_areas_keeps_the_cache_key_short_enough_for_memcached(client, official):
    # the areas with a Violence Reduction Unit: eighteen slugs would make a 330-character key
    first = client.get("/statistics/compare/?group=vru-areas")
    again = client.get("/statistics/compare/?group=vru-areas")
    assert first.status_code == again.status_code == 200
    assert "NRM referrals: Avon and Somerset, Bedfordshire" in first.content.decode()
    assert again.content == first.content


def test_compare_page_needs_two_areas(client, official):
    response = client.get("/statistics/compare/?areas=kent")
    assert response.status_code == 400
    assert "Choose at least two areas, or a group of areas." in response.content.decode()


def test_compare_page_refuses_an_area_outside_england_and_wales(client, official):
    response = client.get("/statistics/compare/?areas=kent&areas=police-scotland")
    assert response.status_code == 400
    assert "is not a police force area of England and Wales" in response.content.decode()


def test_compare_page_starts_as_an_empty_form(client, official):
    response = client.get("/statistics/compare/")
    assert response.status_code == 200
    assert "There is a problem" not in response.content.decode()


# --- downloads of the national and compare pages' figures ---


def _csv_rows(response) -> list[list[str]]:
    import csv
    import io

    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_national_page_offers_its_figures_as_csv_and_xlsx(client, official):
    html = client.get("/statistics/").content.decode()
    assert ('href="/statistics/?download=every-area&amp;format=csv"' in html)
    assert ('href="/statistics/?download=every-area&amp;format=xlsx"' in html)

    rows = _csv_rows(client.get("/statistics/?download=every-area&format=csv"))

    i = data.territorial_index("kent")
    kent = next(row for row in rows if row[0] == "Kent")
    count, population = 4 * (10 + i), 1_000_000 + 20_000 * i
    assert rows[0][:3] == ["Area", "Region", "2024 Q4 to 2025 Q3"]
    assert kent[:5] == ["Kent", "South East", str(count), str(count), "no clear change"]
    assert kent[6] == str(population)
    assert float(kent[7]) == pytest.approx(count / population * 100_000)
    assert kent[-1] == "no"
    assert len(rows) == 1 + 43


def test_national_download_of_synthetic_figures_says_so(client, areas):
    from openpyxl import load_workbook

    data.populate(kind=Source.Kind.SYNTHETIC)

    csv_rows = _csv_rows(client.get("/statistics/?download=every-area&format=csv"))
    response = client.get("/statistics/?download=every-area&format=xlsx")

    assert {row[-1] for row in csv_rows[1:]} == {"yes"}
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert "Synthetic demonstration figures: these are not real statistics." in texts[:4]


def test_compare_page_offers_each_table_as_csv(client, official):
    page = "/statistics/compare/?group=region-east-of-england"
    html = client.get(page).content.decode()
    for name in ("compare", "compare-trend", "compare-age_group", "compare-exploitation"):
        assert f"download={name}&amp;format=csv" in html
        assert f"download={name}&amp;format=xlsx" in html

    rows = _csv_rows(client.get(page + "&download=compare&format=csv"))

    i = data.territorial_index("essex")
    essex = next(row for row in rows if row[0] == "Essex")
    assert essex[1:3] == [str(4 * (10 + i) + 66), str(4 * (10 + i) + 18)]
    assert rows[-1][0] == "England and Wales (43 of 43 areas)"


@pytest.mark.parametrize("query", ["download=nothing&format=csv",
                                   "download=compare&format=pdf"])
def test_compare_download_of_an_unknown_table_or_format_is_not_found(client, official, query):
    response = client.get(f"/statistics/compare/?areas=kent&areas=surrey&{query}")
    assert response.status_code == 404


def test_compare_download_of_synthetic_figures_says_so(client, areas):
    from openpyxl import load_workbook

    data.populate(kind=Source.Kind.SYNTHETIC)
    page = "/statistics/compare/?areas=kent&areas=surrey"

    csv_rows = _csv_rows(client.get(page + "&download=compare-trend&format=csv"))
    response = client.get(page + "&download=compare&format=xlsx")

    assert csv_rows[0][-1] == "Synthetic"
    assert {row[-1] for row in csv_rows[1:]} == {"yes"}
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert "Synthetic demonstration figures: these are not real statistics." in texts[:4]


def test_compare_download_for_a_measure_without_figures_still_names_every_column(client,
                                                                                 official):
    from openpyxl import load_workbook

    page = "/statistics/compare/?areas=kent&areas=surrey&measure=helpline_cases"
    response = client.get(page + "&download=compare&format=xlsx")

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    head = next(row for row in rows if row and row[0] == "Area")
    assert None not in head[:6]
    assert head[1:3] == ("Last four quarters", "Four quarters before")
