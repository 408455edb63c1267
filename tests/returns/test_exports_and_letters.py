"""Exports of the tracker and answers (XLSX, CSV), and letters as pages and DOCX."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from antislavery.areas.models import Organisation
from antislavery.returns import exports, letters, services
from tests import factories as shared
from tests.returns import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(issued, three_areas):
    """Essex submitted (with a formula-like line); Surrey only drafted."""
    essex = issued.responses.get(area__slug="essex")
    editor = shared.office_user(three_areas[0])
    services.save_answers(response=essex, actor=editor, consent=True, based_on=0,
                          answers=factories.answer_text("=HYPERLINK(\"x\")\n\n- a bullet"))
    services.submit_response(response=essex, actor=editor, based_on=1)
    surrey = issued.responses.get(area__slug="surrey")
    services.save_answers(response=surrey, actor=shared.office_user(three_areas[1]),
                          consent=False, based_on=0,
                          answers=factories.answer_text("Surrey's unfinished draft"))
    return issued


def test_answers_xlsx_has_submitted_answers_only_and_keeps_text_as_text(answered):
    content, content_type, name = exports.export(answered, what="answers", fmt="xlsx")

    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert content_type.endswith("spreadsheetml.sheet")
    assert name == f"{answered.slug}-answers.xlsx"
    assert rows[0][:8] == ("area", "area_name", "state", "version", "submitted",
                           "question_key", "question", "answer")
    assert len(rows) == 2
    assert rows[1][0] == "essex"
    assert rows[1][7] == "=HYPERLINK(\"x\")\n\n- a bullet"
    assert sheet.cell(row=2, column=8).data_type == "s"
    assert "Surrey's unfinished draft" not in str(rows)


def test_answers_csv_guards_against_formulas(answered):
    content, _type, _name = exports.export(answered, what="answers", fmt="csv")

    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0]["answer"].startswith("'=HYPERLINK")


def test_tracker_exports_list_every_recipient(answered):
    content, _type, _name = exports.export(answered, what="tracker", fmt="xlsx")
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))

    assert [r[0] for r in rows[1:]] == ["cumbria", "essex", "surrey"]
    assert [r[2] for r in rows[1:]] == ["not_started", "submitted", "draft"]


def test_export_pages_are_for_coordinators(client, answered, essex_editor, apcc_coordinator):
    url = f"/requests/{answered.slug}/export/answers.csv"
    client.force_login(essex_editor)
    assert client.get(url).status_code == 403

    client.force_login(apcc_coordinator)
    reply = client.get(url)
    assert reply.status_code == 200
    assert reply["Content-Disposition"] == f'attachment; filename="{answered.slug}-answers.csv"'


def test_letter_fills_each_recipient_placeholders(issued):
    office = Organisation.objects.get(area__slug="essex")
    office.holder_name = "Jo Example"
    office.save()
    issued.letter_template = ("Dear {{ commissioner_name }},\n\n{{ commissioner_title }} "
                              "({{ area }}): please answer by {{ due_date }}.")

    text = letters.letter_text(issued, office.area)

    assert text.startswith("Dear Jo Example,")
    assert "Police, Fire and Crime Commissioner for Essex (Essex)" in text
    assert issued.due_on.strftime("%B %Y") in text


def test_letter_without_a_recorded_name_addresses_the_title(issued, areas):
    text = letters.letter_text(issued, areas["cumbria"])

    assert text.startswith("Dear Police, Fire and Crime Commissioner for Cumbria,")


def test_letter_docx_is_a_word_document_with_the_letter(issued, areas):
    issued.letter_template = "Dear {{ area }},\n\n**Please answer.**\n\n- one\n- two"

    document = WordDocument(io.BytesIO(letters.letter_docx(issued, areas["surrey"])))

    paragraphs = [(p.text, p.style.name) for p in document.paragraphs]
    assert paragraphs == [("Dear Surrey,", "Normal"), ("Please answer.", "Normal"),
                          ("one", "List Bullet"), ("two", "List Bullet")]
    assert document.paragraphs[1].runs[1].bold is True


def test_letter_pages_are_for_the_coordinators_and_the_addressed_office(
        client, issued, essex_editor, surrey_editor, apcc_coordinator):
    page = f"/requests/{issued.slug}/letters/essex/"
    docx = f"/requests/{issued.slug}/letters/essex.docx"

    client.force_login(apcc_coordinator)
    assert client.get(f"/requests/{issued.slug}/letters/").status_code == 200
    assert client.get(docx).status_code == 200
    client.force_login(essex_editor)
    assert client.get(page).status_code == 200
    client.force_login(surrey_editor)
    assert client.get(page).status_code == 403
    assert client.get(docx).status_code == 403
