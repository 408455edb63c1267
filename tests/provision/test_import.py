"""Importing provision from CSV and XLSX: every row or none, every problem named."""

from __future__ import annotations

import datetime
import io

import pytest
from openpyxl import Workbook

from antislavery.accounts.models import AuditEntry
from antislavery.errors import ImportRejected, NotPermitted
from antislavery.provision import exports, importing
from antislavery.provision.importing import import_entries
from antislavery.provision.models import Entry, EntryVersion
from tests.provision.factories import entry

pytestmark = pytest.mark.django_db

HEADER = ("area,title,kind,nrm_stages,victim_groups,exploitation,languages,status,start,end,"
          "evaluation,public")


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def xlsx_bytes(rows: list[list], title: str = "Register") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts():
    return (Entry.objects.count(), EntryVersion.objects.count(),
            AuditEntry.objects.count())


GOOD = csv_bytes(
    "Essex Police,Victim care navigators,specialist_post,before_nrm;during_nrm;after_nrm,"
    "adult,sexual;labour,Romanian; Albanian,running,2021-04-01,2026-03-31,none,yes",
    "Leicestershire; Lincolnshire,Regional navigators,specialist_post,before_nrm,adult,,"
    ",planned,01/01/2022,,planned,no",
)


def test_csv_import_adds_every_row_with_a_version_and_audit_entry(areas):
    result = import_entries(actor=None, name="register.csv", data=GOOD)
    assert (result.rows, result.created, result.updated) == (2, 2, 0)
    essex = Entry.objects.get(title="Victim care navigators")
    assert essex.area == areas["essex"]
    assert essex.nrm_stages == ["before_nrm", "during_nrm", "after_nrm"]
    assert essex.exploitation == ["sexual", "labour"]
    assert essex.languages == ["Romanian", "Albanian"]
    assert essex.end == datetime.date(2026, 3, 31)
    assert essex.public is True
    regional = Entry.objects.get(title="Regional navigators")
    assert regional.area == areas["leicestershire"]
    assert {a.slug for a in regional.areas.all()} == {"leicestershire", "lincolnshire"}
    assert regional.start == datetime.date(2022, 1, 1)
    assert regional.public is False
    assert EntryVersion.objects.filter(action="import").count() == 2
    assert AuditEntry.objects.filter(action="provision.import").count() == 2
    assert AuditEntry.objects.filter(action="provision.import").first().note == (
        "Imported from register.csv")


def test_xlsx_import_reads_dates_and_booleans_as_typed_cells(areas):
    data = xlsx_bytes([
        HEADER.split(","),
        ["Surrey", "Victim navigator", "specialist_post", "before_nrm;after_nrm", "adult",
         None, None, "running", datetime.datetime(2019, 6, 1),  # noqa: DTZ001 -- cells are naive
         None, "independent", True],
    ])
    result = import_entries(actor=None, name="Register.XLSX", data=data)
    assert result.created == 1
    made = Entry.objects.get()
    assert (made.area.slug, made.start, made.evaluation, made.public) == (
        "surrey", datetime.date(2019, 6, 1), "independent", True)


def test_every_problem_is_named_by_row_and_column_and_nothing_changes(areas):
    entry(areas["essex"], title="Existing")
    before = counts()
    data = csv_bytes(
        "Essex,Fine row,fund,before_nrm,adult,,,running,,,none,yes",
        "Wessex,Bad area,fund,,,,,running,,,none,yes",
        "Essex,Bad codes,navigator,sometime,elders,fraud,,running,,,none,yes",
        "",
        "Essex,Bad values,fund,,,,,,31-03-2025,,published,maybe",
        "Essex,Backwards,fund,,,,,running,2025-01-01,2024-01-01,none,no",
        "Essex,Existing,fund,,,,,running,,,none,no",
    )
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="bad.csv", data=data)
    where = [(p.row, p.column) for p in caught.value.problems]
    assert where == [
        (3, "area"),
        (4, "kind"), (4, "nrm_stages"), (4, "victim_groups"), (4, "exploitation"),
        (6, "status"), (6, "start"), (6, "public"), (6, "evaluation_url"),
        (7, "end"),
        (8, "title"),
    ]
    messages = {(p.row, p.column): p.message for p in caught.value.problems}
    assert messages[(3, "area")].startswith("'Wessex' is not a police force area.")
    assert "'31-03-2025' is not a date" in messages[(6, "start")]
    assert "'maybe' is not yes or no" in messages[(6, "public")]
    assert "Essex already has an entry called 'Existing'" in messages[(8, "title")]
    assert "Nothing was imported" in caught.value.message
    assert counts() == before


def test_unknown_area_names_the_gazetteers_candidates(areas):
    data = csv_bytes("Lincoln,Somewhere,fund,,,,,running,,,none,yes")
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.csv", data=data)
    (problem,) = caught.value.problems
    assert problem.column == "area"
    assert problem.message == ("'Lincoln' is not a police force area. "
                               "Did you mean: Lincolnshire?")


def test_missing_and_unknown_columns_are_named_in_the_header_row(areas):
    header = HEADER.replace("languages,", "").replace("public", "pubic")
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.csv", data=csv_bytes("Essex", header=header))
    assert [(p.row, p.column) for p in caught.value.problems] == [
        (1, "pubic"), (1, "languages"), (1, "public")]
    assert "'pubic' is not a column" in caught.value.problems[0].message
    assert counts() == before


def test_xlsx_problems_name_the_sheet(areas):
    data = xlsx_bytes([HEADER.split(","), ["Essex", "", "fund", None, None, None, None,
                                           "running", None, None, "none", "yes"]])
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.xlsx", data=data)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Register", 2, "title")


def test_duplicate_titles_within_the_file_are_refused(areas):
    data = csv_bytes("Essex,Navigator,fund,,,,,running,,,none,yes",
                     "Essex Police,navigator,fund,,,,,running,,,none,yes")
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.csv", data=data)
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (3, "title")
    assert "Row 2 already has an entry called" in problem.message
    assert Entry.objects.count() == 0


@pytest.mark.parametrize(("name", "data", "message"), [
    ("register.csv", xlsx_bytes([["area"]]), "is called a CSV file but is not text"),
    ("register.csv", b"%PDF-1.7 binary", "is called a CSV file but is not text"),
    ("register.xlsx", GOOD, "is called an Excel workbook (.xlsx) but is not one"),
    ("register.xlsx", b"PK\x03\x04 not really a zip", "is called an Excel workbook"),
    ("register.csv", "área,título\n".encode("latin-1"), "is not UTF-8 text"),
    ("register.txt", GOOD, "is not a CSV or XLSX file"),
    ("register.xls", b"\xd0\xcf\x11\xe0old excel", "is not a CSV or XLSX file"),
    ("register.csv", b"", "is empty"),
    ("register.csv", csv_bytes(), "has a header but no entries"),
])
def test_files_that_are_not_what_they_say_are_refused_and_change_nothing(areas, name, data,
                                                                         message):
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name=name, data=data)
    assert message in caught.value.message
    assert counts() == before


def test_a_word_document_renamed_xlsx_is_refused(areas, tmp_path):
    from docx import Document

    path = tmp_path / "notes.docx"
    Document().save(path)
    with pytest.raises(ImportRejected, match="is called an Excel workbook"):
        import_entries(actor=None, name="notes.xlsx", data=path.read_bytes())


def test_a_file_over_the_size_limit_is_refused(areas, monkeypatch):
    monkeypatch.setattr(importing.files, "MAX_IMPORT_BYTES", 100)
    before = counts()
    with pytest.raises(ImportRejected, match="larger than the"):
        import_entries(actor=None, name="big.csv", data=GOOD)
    assert counts() == before


def test_the_size_limit_is_two_megabytes(areas):
    data = GOOD + b"#" * (2 * 1024 * 1024)
    with pytest.raises(ImportRejected, match="larger than the 2 MB"):
        import_entries(actor=None, name="big.csv", data=data)


def test_office_editor_imports_for_own_area_only(areas, essex_editor):
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=essex_editor, name="x.csv", data=GOOD)
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (3, "area")
    assert "Leicestershire is not yours" in problem.message
    assert counts() == before
    own = csv_bytes("Essex,Go bags,fund,before_nrm,adult,,,running,,,none,yes")
    assert import_entries(actor=essex_editor, name="x.csv", data=own).created == 1
    assert AuditEntry.objects.get(action="provision.import").actor == essex_editor


def test_office_viewer_may_not_import(areas, essex_viewer):
    with pytest.raises(NotPermitted):
        import_entries(actor=essex_viewer, name="x.csv", data=GOOD)


def test_dry_run_checks_and_changes_nothing(areas):
    before = counts()
    result = import_entries(actor=None, name="x.csv", data=GOOD, dry_run=True)
    assert (result.rows, result.dry_run) == (2, True)
    assert counts() == before


def test_a_reference_changes_that_entry_with_a_new_version(areas):
    made = entry(areas["essex"], title="Navigator", status="pilot")
    data = csv_bytes(f"{made.pk},Essex,Navigator,specialist_post,,,,,running,,,none,yes",
                     header="reference," + HEADER)
    result = import_entries(actor=None, name="x.csv", data=data)
    assert (result.created, result.updated) == (0, 1)
    made.refresh_from_db()
    assert made.status == "running"
    assert made.versions.first().action == "import"


def test_a_reference_to_another_areas_entry_is_refused(areas, essex_editor):
    surrey = entry(areas["surrey"], title="Navigator")
    data = csv_bytes(f"{surrey.pk},Essex,Navigator,specialist_post,,,,,running,,,none,yes",
                     header="reference," + HEADER)
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=essex_editor, name="x.csv", data=data)
    assert "belongs to Surrey" in caught.value.problems[0].message


def test_reimporting_the_registers_own_export_changes_nothing(areas):
    entry(areas["essex"], title="Navigator", languages=["Polish"], nrm_stages=["before_nrm"],
          start=datetime.date(2024, 1, 1), other_areas=[areas["kent"]])
    entry(areas["surrey"], title="Fund", kind="fund", evaluation="published",
          evaluation_url="https://example.org/evaluation")
    today = datetime.date(2025, 1, 1)
    before = counts()
    for name, data in (("export.csv", exports.as_csv(Entry.objects.all(), today)),
                       ("export.xlsx", exports.as_xlsx(Entry.objects.all(), today))):
        result = import_entries(actor=None, name=name, data=data)
        assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert counts() == before


# --- files as offices keep them ---

def test_an_xlsx_with_a_title_above_the_columns_and_a_notes_column_imports(areas):
    data = xlsx_bytes([
        ["Essex modern slavery provision, March 2025"],
        [],
        [*[name.replace("_", " ").title() for name in HEADER.split(",")], "Notes"],
        ["Essex", "Reflection bed", "accommodation", "before_nrm", "adult", None, None,
         "running", None, None, "none", "yes", "Ring the duty desk first"],
    ])
    result = import_entries(actor=None, name="register.xlsx", data=data)
    assert (result.created, result.ignored_columns) == (1, ("notes",))
    assert Entry.objects.get().title == "Reflection bed"


def test_problems_under_a_title_row_name_the_rows_the_spreadsheet_shows(areas):
    data = xlsx_bytes([["Our services"], HEADER.split(","),
                       ["Essex", "Fine", "fund", None, None, None, None, "running", None, None,
                        "none", "yes"],
                       ["Essex", "", "fund", None, None, None, None, "running", None, None,
                        "none", "yes"]])
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.xlsx", data=data)
    assert [(p.row, p.column) for p in caught.value.problems] == [(4, "title")]
    assert counts() == before


def test_a_csv_saved_with_a_byte_order_mark_imports(areas):
    data = "\ufeff".encode() + csv_bytes("Essex,Go bags,fund,,,,,running,,,none,yes")
    assert import_entries(actor=None, name="x.csv", data=data).created == 1


def test_labels_people_write_are_read_as_the_codebooks_codes(areas):
    data = csv_bytes(
        "Essex,Safe house,Housing or a place of safety,Before the NRM; While a referral is "
        "considered; After,Children; Adults,Sexual exploitation; Criminal exploitation,,"
        "Running,,,Independent evaluation,Yes")
    import_entries(actor=None, name="x.csv", data=data)
    made = Entry.objects.get()
    assert (made.kind, made.status, made.evaluation) == ("accommodation", "running",
                                                         "independent")
    assert made.nrm_stages == ["before_nrm", "during_nrm", "after_nrm"]
    assert made.victim_groups == ["adult", "child"]
    assert made.exploitation == ["sexual", "criminal"]


def test_a_value_that_is_no_code_or_label_is_named_with_the_allowed_values(areas):
    data = csv_bytes("Essex,Helpline,Helpline,Before NRM; Sometime,Elders,,,Active,,,"
                     "Peer reviewed,yes")
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.csv", data=data)
    messages = {(p.row, p.column): p.message for p in caught.value.problems}
    assert list(messages) == [(2, "kind"), (2, "nrm_stages"), (2, "victim_groups"),
                              (2, "status"), (2, "evaluation")]
    assert messages[(2, "kind")].startswith("'Helpline' is not allowed in kind. Use one of: "
                                            "specialist_post, ")
    assert "'Sometime' is not allowed in nrm_stages" in messages[(2, "nrm_stages")]
    assert "before_nrm, during_nrm, after_nrm, outside_nrm" in messages[(2, "nrm_stages")]
    assert "(or their labels: Adults; Children)" in messages[(2, "victim_groups")]
    assert "Use one of: planned, pilot, running, ended" in messages[(2, "status")]
    assert "'Peer reviewed' is not allowed in evaluation" in messages[(2, "evaluation")]
    assert counts() == before


def test_a_misspelt_column_is_refused_with_the_column_it_resembles(areas):
    header = HEADER + ",provder"
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_entries(actor=None, name="x.csv", data=csv_bytes(
            "Essex,Go bags,fund,,,,,running,,,none,yes,Barnardo's", header=header))
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (1, "provder")
    assert problem.message == ("'provder' is not a column of the provision format. Did you "
                               "mean 'provider'?")
    assert counts() == before
