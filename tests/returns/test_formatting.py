"""Formatted answers: the Markdown subset, its HTML and its plain text."""

from __future__ import annotations

from antislavery.returns import formatting

SOURCE = """We fund two posts.
They started in **March**.

- advocacy
* housing, see [the guide](https://example.org/guide)
\u2022 food

1. review
2. report"""


def test_parse_finds_paragraphs_bullets_and_numbered_items():
    blocks = formatting.parse(SOURCE)

    assert [(b.kind, b.items) for b in blocks] == [
        ("p", ("We fund two posts. They started in **March**.",)),
        ("ul", ("advocacy", "housing, see [the guide](https://example.org/guide)", "food")),
        ("ol", ("review", "report")),
    ]


def test_html_uses_govuk_classes_bold_and_safe_links():
    html = str(formatting.to_html(SOURCE))

    assert '<p class="govuk-body">We fund two posts. They started in <strong>March</strong>.</p>' \
        in html
    assert '<ul class="govuk-list govuk-list--bullet"><li>advocacy</li>' in html
    assert 'href="https://example.org/guide"' in html
    assert 'rel="noopener noreferrer"' in html
    assert '<ol class="govuk-list govuk-list--number"><li>review</li><li>report</li></ol>' in html


def test_html_escapes_markup_and_refuses_script_links():
    html = str(formatting.to_html('<script>alert(1)</script>\n\n[x](javascript:alert(1)) '
                                  '<img src=x onerror=alert(1)>'))

    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert 'href="javascript' not in html


def test_plain_text_keeps_each_paragraph_and_item_as_a_block():
    assert formatting.to_plain(SOURCE).split("\n\n") == [
        "We fund two posts. They started in March.",
        "- advocacy",
        "- housing, see the guide (https://example.org/guide)",
        "- food",
        "1. review",
        "2. report",
    ]


def test_normalise_writes_every_bullet_as_a_dash_and_one_blank_line_between_blocks():
    assert formatting.normalise("Intro\n\n\n\n* one\n\u2022 two\nOutro") == (
        "Intro\n\n- one\n- two\n\nOutro")


def test_indented_line_continues_a_list_item():
    assert formatting.plain_blocks("- first line\n  continues here\n- second") == [
        "- first line continues here", "- second"]


def test_extracted_document_blocks_become_formatted_text():
    text = formatting.from_paragraphs(["Intro.", "- a", "- b", "1. c", "End."])

    assert text == "Intro.\n\n- a\n- b\n\n1. c\n\nEnd."
    assert formatting.plain_blocks(text) == ["Intro.", "- a", "- b", "1. c", "End."]


def test_empty_text_renders_nothing():
    assert str(formatting.to_html("")) == ""
    assert formatting.to_plain(None) == ""
