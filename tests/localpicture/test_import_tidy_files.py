"""Tidy CSV files as spreadsheets and offices really save them are read; others are refused."""

from __future__ import annotations

import codecs
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from antislavery.errors import ImportRejected
from antislavery.localpicture.models import Observation
from antislavery.localpicture.services import ImportOptions, import_statistics

from . import table_files as files
from .store_helpers import store_dump

pytestmark = pytest.mark.django_db

HEADER = "source,period,area,measure,breakdown,value,flag"


def _import(text: str | bytes, name: str = "figures.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return import_statistics(data=data, file_name=name, actor=None)


def _current() -> list[tuple[str, str, str, str, int | None, str]]:
    return sorted(Observation.objects.filter(is_current=True).values_list(
        "geography", "period", "measure", "breakdown", "value", "flag"))


def _rejected(text: str | bytes) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        _import(text)
    return caught.value


def test_byte_order_mark_and_windows_line_ends_are_read(areas):
    # given a file saved by Excel as "CSV UTF-8": a byte-order mark and CRLF line ends
    text = "\ufeff" + HEADER + "\r\nhome-office-nrm,2023-Q4,Essex,nrm_referrals,,412,\r\n"

    # when it is imported
    result = _import(text)

    # then its one figure is stored
    assert (result.added, result.errors) == (1, [])
    assert _current() == [("essex", "2023-Q4", "nrm_referrals", "", 412, "")]


def test_semicolon_separated_file_is_read_with_its_breakdown_quoted(areas):
    # given a file saved where the comma is the decimal mark: semicolons between columns
    text = (HEADER.replace(",", ";") + "\n"
            'home-office-nrm;2023-Q4;Essex;nrm_referrals;"age_group=child;gender=male";7;\n'
            "home-office-nrm;2023-Q4;Essex;nrm_referrals;;412;\n")

    result = _import(text)

    assert result.added == 2
    assert _current() == [
        ("essex", "2023-Q4", "nrm_referrals", "", 412, ""),
        ("essex", "2023-Q4", "nrm_referrals", "age_group=child;gender=male", 7, ""),
    ]


def test_unicode_text_from_a_spreadsheet_is_read(areas):
    # given "Unicode text": UTF-16 with a byte-order mark, tabs between columns
    text = (HEADER.replace(",", "\t") + "\r\n"
            "home-office-nrm\t2023-Q4\tWrexham\tnrm_referrals\t\t3\t\r\n")
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")

    result = _import(data)

    assert result.added == 1
    assert _current() == [("north-wales", "2023-Q4", "nrm_referrals", "", 3, "")]


def test_blank_rows_and_empty_columns_a_spreadsheet_leaves_are_ignored(areas):
    # given the empty cells a spreadsheet writes after the last column and the last row
    text = (HEADER + ",,\n"
            "home-office-nrm,2023-Q4,Essex,nrm_referrals,,412,,,\n"
            ",,,,,,,,\n"
            "\n"
            " , ,,,,,,,\n")

    result = _import(text)

    assert (result.added, result.errors) == (1, [])


def test_national_geographies_are_written_in_words(areas):
    text = (HEADER + "\n"
            "home-office-nrm,2023,UK,nrm_referrals,,17004,\n"
            "home-office-nrm,2023,United Kingdom,dtn_reports,,4929,\n"
            "home-office-nrm,2023,England and Wales,recorded_crimes,,9000,\n"
            "home-office-nrm,2023,England & Wales,nrm_referrals,,15000,\n"
            "home-office-nrm,2023,England,nrm_referrals,,14000,\n"
            "home-office-nrm,2023,Wales,nrm_referrals,,1000,\n")

    _import(text)

    assert {row[:3] for row in _current()} == {
        ("uk", "2023", "nrm_referrals"), ("uk", "2023", "dtn_reports"),
        ("england-and-wales", "2023", "recorded_crimes"),
        ("england-and-wales", "2023", "nrm_referrals"),
        ("england", "2023", "nrm_referrals"), ("wales", "2023", "nrm_referrals")}


def test_a_row_with_too_many_filled_columns_is_refused(areas):
    before = store_dump()

    error = _rejected(HEADER + "\nhome-office-nrm,2023-Q4,Essex,nrm_referrals,,412,,note\n")

    assert [(p.row, p.column) for p in error.problems] == [(2, None)]
    assert "This row has 8 columns; the header has 7" in error.problems[0].message
    assert store_dump() == before


def test_a_file_with_only_the_header_is_refused_clearly(areas):
    before = store_dump()

    error = _rejected(HEADER + "\r\n,,,,,,\r\n")

    assert [(p.row, p.message) for p in error.problems] == [
        (2, "The file has a header but no figures below it.")]
    assert store_dump() == before


@pytest.mark.parametrize("marker", ["*", "[c]", "[x]", "-"])
def test_a_published_tables_marker_in_the_value_column_says_to_use_the_flag(areas, marker):
    before = store_dump()

    error = _rejected(HEADER + f"\nhome-office-nrm,2023-Q4,Essex,nrm_referrals,,{marker},\n")

    assert [(p.row, p.column) for p in error.problems] == [(2, "value")]
    assert f"'{marker}' is not a number" in error.problems[0].message
    assert "write suppressed or not_available in the flag column" in error.problems[0].message
    assert store_dump() == before


def test_tab_separated_file_whose_header_is_wrong_names_the_header(areas):
    before = store_dump()

    error = _rejected("source\tperiod\tplace\n")

    assert "The first row must be the header" in error.problems[0].message
    assert store_dump() == before


# --- the period given for data tables ---


def test_bad_period_option_is_refused_before_reading(areas):
    before = store_dump()
    _name, rows = files.police_table(period_text="2023")

    with pytest.raises(ImportRejected) as caught:
        import_statistics(data=files.xlsx([(_name, rows)]), file_name="tables.xlsx",
                          actor=None, options=ImportOptions(period="2023-Q5"))

    assert [(p.column, p.message) for p in caught.value.problems] == [
        ("period", "'2023-Q5' is not a period: write 2023, 2023-Q2 or 2023-04.")]
    assert store_dump() == before


def test_command_prints_a_bad_period_as_a_json_error_and_exits_non_zero(areas, tmp_path):
    before = store_dump()
    path = tmp_path / "tables.ods"
    path.write_bytes(files.ods([files.police_table(period_text="2023")]))
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_stats", str(path), "--json", "--period", "Q4 2023",
                     stdout=out, stderr=io.StringIO())

    assert json.loads(out.getvalue()) == {
        "release": None, "added": 0, "superseded": 0, "unchanged": 0,
        "errors": [{"sheet": None, "row": None, "column": "period",
                    "message": "'Q4 2023' is not a period: write 2023, 2023-Q2 or 2023-04."}]}
    assert store_dump() == before


def test_upload_form_refuses_a_bad_period_with_status_400(client, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    before = store_dump()
    client.force_login(coordinator)
    upload = SimpleUploadedFile("tables.xlsx", files.xlsx([files.police_table()]))

    response = client.post(reverse("localpicture:upload"),
                           {"file": upload, "period": "2023-13", "visibility": "public"})

    assert response.status_code == 400
    assert "is not a period: write 2023, 2023-Q2 or 2023-04." in response.content.decode()
    assert store_dump() == before


def test_data_table_markers_are_read_whatever_their_case(areas):
    # given a data table whose suppressed cell says [C] rather than [c]
    name, rows = files.police_table()
    rows = [[("[C]" if cell == "[c]" else cell) for cell in row] for row in rows]

    import_statistics(data=files.xlsx([(name, rows)]), file_name="tables.xlsx", actor=None)

    # then it is stored as suppressed, never as a number
    flagged = Observation.objects.get(
        geography="essex", measure="nrm_referrals_by_force",
        breakdown="age_group=child;exploitation=criminal;gender=female;nationality=vietnam")
    assert (flagged.value, flagged.flag) == (None, "suppressed")


def test_a_file_with_more_problems_than_are_listed_is_refused_not_crashed(areas, settings):
    # given more bad rows than the problem list keeps (500), then rows of the same faults
    before = store_dump()
    rows = "".join(f"home-office-nrm,2023-Q4,Atlantis {n},nrm_referrals,,1,\n"
                   for n in range(600))

    error = _rejected(HEADER + "\n" + rows)

    # then the file is refused with the problems listed, and nothing changes
    assert len(error.problems) == 500
    assert "at least 500 problems; the first 500 are listed" in error.message
    assert error.problems[0].column == "area"
    assert store_dump() == before
