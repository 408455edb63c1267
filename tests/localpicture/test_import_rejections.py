"""A bad file is refused whole, every problem is named, and the store does not change."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from antislavery.errors import ImportRejected
from antislavery.localpicture.services import ImportOptions, import_statistics

from .store_helpers import store_dump, tidy_csv

pytestmark = pytest.mark.django_db

GOOD = ["home-office-nrm", "2023-Q4", "Essex", "nrm_referrals", "", "412", ""]


@pytest.fixture
def store(areas):
    """A store holding one earlier release, so that 'unchanged' means something."""
    import_statistics(data=tidy_csv([GOOD, ["home-office-nrm", "2023-Q4", "Kent",
                                            "nrm_referrals", "", "300", ""]]),
                      file_name="earlier.csv", actor=None)
    return store_dump()


def _rejected(data: bytes, name: str = "bad.csv", **options) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        import_statistics(data=data, file_name=name, actor=None,
                          options=ImportOptions(**options))
    return caught.value


def _where(error: ImportRejected) -> list[tuple[object, object, object]]:
    return [(p.sheet, p.row, p.column) for p in error.problems]


def test_unknown_area_is_refused_with_the_gazetteers_candidates(store):
    error = _rejected(tidy_csv([GOOD, ["home-office-nrm", "2023-Q4", "Esex Police",
                                       "nrm_referrals", "", "5", ""]]))

    assert _where(error) == [(None, 3, "area")]
    assert "'Esex Police' is not a police force area" in error.problems[0].message
    assert "Essex" in error.problems[0].message
    assert store_dump() == store


@pytest.mark.parametrize(("period", "fragment"), [
    ("2023-Q5", "'2023-Q5' is not a period"),
    ("Q4 2023", "'Q4 2023' is not a period"),
    ("2023-13", "'2023-13' is not a period"),
    ("", "'' is not a period"),
])
def test_bad_period_is_refused(store, period, fragment):
    error = _rejected(tidy_csv([["home-office-nrm", period, "Kent", "nrm_referrals", "", "1",
                                 ""]]))

    assert _where(error) == [(None, 2, "period")]
    assert fragment in error.problems[0].message
    assert store_dump() == store


@pytest.mark.parametrize(("value", "fragment"), [
    ("-4", "'-4' is negative"),
    ("twelve", "'twelve' is not a number"),
    ("3.5", "'3.5' is not a whole number"),
])
def test_negative_or_non_numeric_value_is_refused(store, value, fragment):
    error = _rejected(tidy_csv([["home-office-nrm", "2024", "Kent", "nrm_referrals", "",
                                 value, ""]]))

    assert _where(error) == [(None, 2, "value")]
    assert fragment in error.problems[0].message
    assert store_dump() == store


def test_empty_value_without_a_flag_is_refused(store):
    error = _rejected(tidy_csv([["home-office-nrm", "2024", "Kent", "nrm_referrals", "", "",
                                 ""]]))

    assert _where(error) == [(None, 2, "value")]
    assert "The value is empty" in error.problems[0].message
    assert store_dump() == store


def test_value_with_a_flag_is_refused(store):
    error = _rejected(tidy_csv([["home-office-nrm", "2024", "Kent", "nrm_referrals", "", "0",
                                 "suppressed"]]))

    assert _where(error) == [(None, 2, "flag")]
    assert store_dump() == store


def test_unknown_measure_and_dimension_are_refused(store):
    error = _rejected(tidy_csv([
        ["home-office-nrm", "2024", "Kent", "nrm_referals", "", "1", ""],
        ["home-office-nrm", "2024", "Kent", "nrm_referrals", "sex=male", "1", ""],
        ["home-office-nrm", "2024", "Kent", "nrm_referrals", "age_group=teen", "1", ""],
    ]))

    assert _where(error) == [(None, 2, "measure"), (None, 3, "breakdown"),
                             (None, 4, "breakdown")]
    assert "'nrm_referals' is not a measure" in error.problems[0].message
    assert "'sex' is not a breakdown dimension" in error.problems[1].message
    assert "'teen' is not a value of age_group" in error.problems[2].message
    assert store_dump() == store


def test_duplicate_cell_is_refused_even_when_written_differently(store):
    error = _rejected(tidy_csv([
        ["home-office-nrm", "2024-Q1", "Kent", "nrm_referrals", "gender=male;age_group=child",
         "1", ""],
        ["home-office-nrm", "2024-q1", "Kent Police", "nrm_referrals",
         "age_group=child;gender=male", "2", ""],
    ]))

    assert _where(error) == [(None, 3, "area")]
    assert "given twice" in error.problems[0].message
    assert "row 2" in error.problems[0].message
    assert store_dump() == store


def test_every_problem_in_the_file_is_listed_at_once(store):
    error = _rejected(tidy_csv([
        GOOD,
        ["home-office-nrm", "2024-Q9", "Atlantis", "nrm_referrals", "", "-1", ""],
        ["home-office-nrm", "2024-Q1", "Kent", "made_up", "", "x", ""],
    ]))

    assert _where(error) == [(None, 3, "period"), (None, 3, "area"), (None, 3, "value"),
                             (None, 4, "measure"), (None, 4, "value")]
    assert "5 problems" in error.message
    assert store_dump() == store


def test_wrong_header_is_refused(store):
    error = _rejected(tidy_csv([GOOD], header=["source", "period", "place", "measure",
                                               "breakdown", "value", "flag"]))

    assert _where(error) == [(None, 1, None)]
    assert "The first row must be the header" in error.problems[0].message
    assert store_dump() == store


def test_spreadsheet_named_csv_is_refused(store):
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)

    error = _rejected(buffer.getvalue(), name="figures.csv")

    assert "is called a CSV file but is not text" in error.problems[0].message
    assert store_dump() == store


@pytest.mark.parametrize("name", ["tables.xlsx", "tables.ods"])
def test_text_named_as_a_spreadsheet_is_refused(store, name):
    error = _rejected(tidy_csv([GOOD]), name=name)

    assert "but is not one" in error.problems[0].message
    assert store_dump() == store


def test_unknown_file_type_is_refused(store):
    error = _rejected(b"%PDF-1.7", name="figures.pdf")

    assert "Only .csv, .ods and .xlsx files" in error.problems[0].message
    assert store_dump() == store


def test_file_over_the_size_limit_is_refused(store, settings):
    settings.STATS_MAX_UPLOAD_BYTES = 100

    error = _rejected(tidy_csv([GOOD] * 5))

    assert error.code == "too_large"
    assert "the largest file that can be imported is 0.0 MB" in error.message
    assert store_dump() == store


def test_file_that_is_not_utf8_is_refused(store):
    error = _rejected("source,period,area\nhome-office-nrm,2024,Ynys Môn\n".encode("cp1252"))

    assert "not UTF-8" in error.problems[0].message
    assert store_dump() == store


def test_unknown_source_is_refused_unless_named(store):
    error = _rejected(tidy_csv([["my-counts", "2024", "Kent", "nrm_referrals", "", "1", ""]]))

    assert _where(error) == [(None, None, "source")]
    assert "'my-counts' is not a source the toolkit knows" in error.problems[0].message
    assert store_dump() == store


def test_command_prints_json_errors_and_exits_non_zero(store, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(tidy_csv([["home-office-nrm", "2024", "Atlantis", "nrm_referrals", "",
                                "1", ""]]))
    out = io.StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("import_stats", str(path), "--json", stdout=out, stderr=io.StringIO())

    payload = json.loads(out.getvalue())
    assert list(payload) == ["release", "added", "superseded", "unchanged", "errors"]
    assert payload["release"] is None
    assert payload["errors"] == [{"sheet": None, "row": 2, "column": "area",
                                  "message": "'Atlantis' is not a police force area."}]
    assert "1 problems" in str(caught.value)
    assert store_dump() == store


def test_command_refuses_a_file_over_the_limit_before_reading_it(store, tmp_path, settings):
    settings.STATS_MAX_UPLOAD_BYTES = 10
    path = tmp_path / "big.csv"
    path.write_bytes(tidy_csv([GOOD]))
    out = io.StringIO()

    with pytest.raises(CommandError, match="largest file"):
        call_command("import_stats", str(path), "--json", stdout=out, stderr=io.StringIO())

    assert json.loads(out.getvalue())["errors"][0]["message"].startswith("The file is")
    assert store_dump() == store
