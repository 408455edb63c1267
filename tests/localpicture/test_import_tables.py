"""The Home Office data tables are read through their layout files, from ODS and XLSX."""

from __future__ import annotations

import pytest

from antislavery.errors import ImportRejected
from antislavery.localpicture.importers.tables import period_from_text
from antislavery.localpicture.models import Observation
from antislavery.localpicture.services import ImportOptions, import_statistics

from . import table_files as files
from .store_helpers import store_dump

pytestmark = pytest.mark.django_db

KINDS = ["xlsx", "ods"]


def _import(data: bytes, kind: str, **options):
    return import_statistics(data=data, file_name=f"nrm-tables.{kind}", actor=None,
                             options=ImportOptions(**options))


def _figures() -> dict[tuple[str, str, str, str], object]:
    return {(o.geography, o.period, o.measure, o.breakdown): o.value if o.value is not None
            else o.flag for o in Observation.objects.filter(is_current=True)}


def _standard(kind: str, number: int = 13, **table) -> bytes:
    return files.workbook([files.cover(), files.contents(number), files.other_table(),
                           files.police_table(number, **table)], kind)


@pytest.mark.parametrize("kind", KINDS)
def test_police_table_gives_force_figures_by_breakdown_and_nationality(areas, kind):
    result = _import(_standard(kind), kind)

    figures = _figures()
    by_force = "nrm_referrals_by_force"
    assert figures[("essex", "2023-Q4", by_force, "")] == 13
    assert figures[("essex", "2023-Q4", by_force, "nationality=albania")] == 2
    assert figures[("essex", "2023-Q4", by_force, "nationality=vietnam")] == 1
    assert figures[("essex", "2023-Q4", by_force, "exploitation=criminal")] == 9
    assert figures[("essex", "2023-Q4", by_force,
                    "age_group=child;exploitation=criminal;gender=male")] == 6
    assert figures[("essex", "2023-Q4", by_force,
                    "age_group=adult;exploitation=criminal;nationality=albania")] == 1
    assert figures[("essex", "2023-Q4", by_force, "exploitation=multiple")] == 4
    assert result.added == len(figures)
    assert Observation.objects.get(geography="essex", breakdown="").area.slug == "essex"


@pytest.mark.parametrize("kind", KINDS)
def test_markers_become_flags_never_zero(areas, kind):
    _import(_standard(kind), kind)

    figures = _figures()
    assert figures[("essex", "2023-Q4", "nrm_referrals_by_force",
                    "age_group=child;exploitation=criminal;gender=female;nationality=vietnam"
                    )] == "suppressed"
    assert figures[("essex", "2023-Q4", "nrm_referrals_by_force",
                    "exploitation=multiple;nationality=eritrea")] == "not_available"
    assert figures[("uk", "2023-Q4", "nrm_referrals",
                    "exploitation=sexual;first_responder=police;nationality=eritrea"
                    )] == "not_available"


@pytest.mark.parametrize("kind", KINDS)
def test_all_police_total_is_a_national_figure_and_crime_units_are_left_out(areas, kind):
    _import(_standard(kind), kind)

    figures = _figures()
    assert figures[("uk", "2023-Q4", "nrm_referrals", "first_responder=police")] == 375
    assert figures[("uk", "2023-Q4", "nrm_referrals",
                    "exploitation=sexual;first_responder=police")] == 70
    assert not Observation.objects.filter(measure="nrm_referrals_by_force",
                                          geography="uk").exists()
    geographies = set(Observation.objects.values_list("geography", flat=True))
    assert geographies == {"essex", "uk"}


def test_ods_and_xlsx_of_the_same_tables_give_the_same_figures(areas):
    _import(_standard("xlsx"), "xlsx")
    from_xlsx = _figures()
    revision = files.workbook([files.police_table(13, essex_total=14)], "ods")

    result = _import(revision, "ods")

    assert (result.superseded, result.added) == (1, 0)
    assert result.unchanged == len(from_xlsx) - 1
    assert _figures() == {**from_xlsx, ("essex", "2023-Q4", "nrm_referrals_by_force", ""): 14}


@pytest.mark.parametrize("kind", KINDS)
def test_table_is_found_by_title_when_its_number_moves(areas, kind):
    earlier = files.workbook([files.contents(12), files.police_table(
        12, heading="First responder (Police)", period_text="July to September 2022")], kind)
    later = files.workbook([files.contents(13), files.police_table(13)], kind)

    _import(earlier, kind)
    _import(later, kind)

    essex = dict(Observation.objects.filter(geography="essex", breakdown="").values_list(
        "period", "value"))
    assert essex == {"2022-Q3": 13, "2023-Q4": 13}


@pytest.mark.parametrize("kind", KINDS)
def test_changed_headings_are_a_wrong_layout_and_change_nothing(areas, kind):
    before = store_dump()

    with pytest.raises(ImportRejected) as caught:
        _import(_standard(kind, gender_heading="Sex"), kind)

    problem = caught.value.problems[0]
    assert (problem.sheet, problem.row, problem.column) == ("Table_13", 1, "A")
    assert "no row has the headings" in problem.message
    assert "police-first-responder" in problem.message
    assert store_dump() == before


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_force_is_named_with_sheet_row_column_and_candidates(areas, kind):
    before = store_dump()
    data = _standard(kind, forces=["Essex Police", "Hertfordshir Constabulary"])

    with pytest.raises(ImportRejected) as caught:
        _import(data, kind)

    [problem] = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Table_13", 14, "A")
    assert "'Hertfordshir Constabulary' is not a police force area" in problem.message
    assert "Hertfordshire" in problem.message
    assert store_dump() == before


@pytest.mark.parametrize("kind", KINDS)
def test_bad_value_cells_are_named_by_column_letter(areas, kind):
    name, rows = files.police_table(13)
    rows[7][5] = -3
    rows[8][4] = "n/a"
    before = store_dump()

    with pytest.raises(ImportRejected) as caught:
        _import(files.workbook([(name, rows)], kind), kind)

    where = [(p.sheet, p.row, p.column) for p in caught.value.problems]
    assert where == [("Table_13", 8, "F"), ("Table_13", 9, "E")]
    assert "'-3' is negative" in caught.value.problems[0].message
    assert "'n/a' is not a number" in caught.value.problems[1].message
    assert store_dump() == before


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_nationality_heading_is_refused(areas, kind):
    before = store_dump()

    with pytest.raises(ImportRejected) as caught:
        _import(_standard(kind, extra_nationality="Ruritania"), kind)

    [problem] = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Table_13", 6, "J")
    assert "'Ruritania' is not a nationality" in problem.message
    assert store_dump() == before


@pytest.mark.parametrize("kind", KINDS)
def test_workbook_without_a_known_table_is_refused(areas, kind):
    before = store_dump()

    with pytest.raises(ImportRejected) as caught:
        _import(files.workbook([files.cover(), files.other_table()], kind), kind)

    assert "No sheet in this file is a table the importer knows" in (
        caught.value.problems[0].message)
    assert store_dump() == before


@pytest.mark.parametrize("kind", KINDS)
def test_period_comes_from_the_option_when_the_title_has_none(areas, kind):
    data = files.workbook([files.police_table(13, period_text="latest quarter")], kind)

    with pytest.raises(ImportRejected, match="1 problems"):
        _import(data, kind)
    _import(data, kind, period="2024-Q1")

    assert set(Observation.objects.values_list("period", flat=True)) == {"2024-Q1"}


def test_damaged_spreadsheet_is_refused(areas):
    data = files.workbook([files.police_table(13)], "xlsx")
    before = store_dump()

    with pytest.raises(ImportRejected) as caught:
        _import(data[:2000], "xlsx")

    assert "is not one" in caught.value.problems[0].message or (
        "could not be read" in caught.value.problems[0].message)
    assert store_dump() == before


@pytest.mark.parametrize(("text", "period"), [
    ("Table 13: referrals, October to December 2023", "2023-Q4"),
    ("January to March 2024", "2024-Q1"),
    ("Referrals, January to December 2022", "2022"),
    ("UK, Quarter 2 2025", "2025-Q2"),
    ("referrals by quarter, 2019 Q3", "2019-Q3"),
    ("February to April 2023", None),
    ("no period here", None),
])
def test_period_is_read_from_a_title(text, period):
    found = period_from_text(text)

    assert (found.text if found else None) == period
