"""The collated report rendered as Markdown, HTML and DOCX from one document."""

from __future__ import annotations

from io import BytesIO
from zipfile import ZipFile

import pytest
from docx import Document

from antislavery.reports.render import FORMATS, render
from antislavery.reports.render.document import (
    Annex,
    CollatedDocument,
    Example,
    Section,
    blocks,
    spans,
)


def document(**overrides) -> CollatedDocument:
    values = {
        "title": "Support outside the NRM: collated report",
        "issuer": "APCC",
        "introduction": "The inspectorate asked us to collate progress.\n\n"
                        "- support before the NRM;\n- **holding** the force to account.",
        "responses_received": 3,
        "recipients": 5,
        "non_respondents": ["Dorset", "Gwent"],
        "summary": "Offices fund navigators & advocates <script>.",
        "sections": [
            Section("response", "Responses", children=[
                Section("victim_support", "Victim support services", examples=[
                    Example("Surrey", "Funds a **navigator** for adults.", "/themes/passages/7/"),
                    Example("Essex", "Navigators give practical help.", ""),
                ]),
            ]),
            Section("challenge", "Challenges", children=[
                Section("covid", "Challenge: the pandemic", examples=[
                    Example("Metropolitan Police", "Referrals fell in lockdown.",
                            "/themes/passages/9/"),
                ]),
            ]),
        ],
        "annex": Annex([("victim_support", "Victim support services"),
                        ("covid", "Challenge: the pandemic")],
                       [("Essex", {"victim_support"}), ("Metropolitan Police", {"covid"}),
                        ("Surrey", {"victim_support"})]),
        "is_demo": True,
    }
    return CollatedDocument(**{**values, **overrides})


def test_text_is_read_as_paragraphs_bullets_and_bold():
    found = blocks("One\nline.\n\n- a\n- b\ncontinued\n\nLast.")

    assert [(b.kind, b.lines) for b in found] == [
        ("para", ["One line."]), ("bullets", ["a", "b continued"]), ("para", ["Last."])]
    assert spans("a **b** c") == [("a ", False), ("b", True), (" c", False)]


def test_markdown_has_headings_counts_bold_linked_areas_and_annex():
    text = render(document(), "md").decode()

    assert text.startswith("# Support outside the NRM: collated report\n")
    assert "## Introduction" in text
    assert "3 of 5 areas responded." in text
    assert "No response had been received from Dorset and Gwent." in text
    assert "## Executive summary" in text
    assert "### Victim support services" in text
    assert "- [**Surrey**](/themes/passages/7/): Funds a **navigator** for adults." in text
    assert "- **Essex**: Navigators give practical help." in text
    assert "| Essex | \u2713 |  |" in text
    assert "Demonstration data" in text


def test_html_escapes_text_bolds_and_links_area_names():
    html = render(document(), "html").decode()

    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="/themes/passages/7/"><strong>Surrey</strong></a>: Funds a ' \
           "<strong>navigator</strong> for adults." in html
    assert "<strong>Essex</strong>: Navigators" in html
    assert '<h3 id="theme-covid">Challenge: the pandemic</h3>' in html
    assert "<li><strong>holding</strong> the force to account.</li>" in html
    assert "<th scope=\"row\">Surrey</th><td>\u2713</td><td></td>" in html


def test_docx_has_headings_bold_area_names_links_and_the_annex_table():
    data = render(document(), "docx")

    word = Document(BytesIO(data))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:4] == ["Support outside the NRM: collated report", "Introduction",
                            "Responses received", "Executive summary"]
    assert "Victim support services" in headings
    essex = next(p for p in word.paragraphs if p.text.startswith("Essex"))
    assert essex.runs[0].bold
    assert essex.runs[0].text == "Essex"
    xml = ZipFile(BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert "/themes/passages/7/" in xml
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["", "Victim support services",
                                                      "Challenge: the pandemic"]
    assert [c.text for c in table.rows[2].cells] == ["Metropolitan Police", "", "\u2713"]


def test_every_area_answered_is_said_plainly():
    text = render(document(non_respondents=[], responses_received=5), "md").decode()

    assert "Every area asked has responded." in text


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="use one of docx, html, md"):
        render(document(), "pdf")
    assert FORMATS == ("docx", "html", "md")
