"""Splitting returns into passages, on text extracted from real DOCX, PDF and ODT files."""

from __future__ import annotations

import re

import pytest

from antislavery.themes.engine.segment import MIN_WORDS, segment

from .documents import docx_text, odt_text, pdf_text, write_docx, write_odt, write_pdf

NAVIGATOR = ("The Commissioner funds a victim navigator who meets every adult identified as a "
             "potential victim and stays with them while the referral is considered.")
HOUSING = ("We have no pre-referral housing of our own, so officers book a hotel room and the "
           "victims' hub covers food and clothing for the first few days.")
INTERPRETERS = ("Interpreters for Tigrinya and Kurdish Sorani are hard to find at night, so the "
                "force has a contract with a national agency for rarer languages.")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def assert_spans_hold(source: str, passages) -> None:
    """Every passage's span is a stretch of the source holding the passage's own words, in
    the order the source has them."""
    previous_end = 0
    for passage in passages:
        assert 0 <= passage.start < passage.end <= len(source)
        assert passage.start >= previous_end
        remaining = iter(words(source[passage.start:passage.end].replace("-\n", "")))
        assert all(word in remaining for word in words(passage.full_text)), passage
        previous_end = passage.end


def test_docx_paragraphs_and_bullets_become_passages_with_headings_attached(tmp_path):
    # given a return written in Word with a heading, a paragraph and bulleted points
    path = write_docx(tmp_path / "return.docx", [
        ("heading", "Victims' services"),
        ("para", NAVIGATOR),
        ("bullet", HOUSING),
        ("bullet", INTERPRETERS),
        ("bullet", "Go bags for victims."),
    ])
    source = docx_text(path)

    # when it is segmented
    passages = segment(source)

    # then the heading introduces the first passage, each bullet stands alone,
    # and the three-word bullet joins the passage before it
    assert [p.text.split("\n")[0] for p in passages] == [NAVIGATOR, HOUSING, INTERPRETERS]
    assert passages[0].heading == "Victims' services"
    assert passages[2].text.endswith("Go bags for victims.")
    assert [p.position for p in passages] == [0, 1, 2]
    assert source[passages[0].start:].startswith("Victims' services")
    assert_spans_hold(source, passages)


def test_docx_numbered_list_keeps_each_point(tmp_path):
    path = write_docx(tmp_path / "numbered.docx", [
        ("para", "Our response to the recommendation covers three areas of work this year."),
        ("number", NAVIGATOR),
        ("number", HOUSING),
    ])

    passages = segment(docx_text(path))

    assert [p.text for p in passages][1:] == [NAVIGATOR, HOUSING]


def test_pdf_text_is_unwrapped_dehyphenated_and_freed_of_page_furniture(tmp_path):
    # given a two-page PDF whose lines are hard-wrapped, with a word hyphenated across a
    # line, a footer and page numbers on each page, and a paragraph running over the page
    long_para = ("West Midlands have identified somewhere safe to stay before a referral as the "
                 "main gap. Potential victims are often placed in hotels and bed and breakfasts, "
                 "which is not always appropriate and can increase the risk of further exploita-\n"
                 "tion.")
    path = write_pdf(tmp_path / "return.pdf", [
        ["Accommodation", long_para, f"- {INTERPRETERS}", "Continued overleaf",
         "The partnership has asked the district councils and the"],
        ["county's housing providers to agree who pays for emergency rooms when a victim is "
         "found late at night or at the weekend.", NAVIGATOR],
    ], footer="Office of the Police and Crime Commissioner | www.opcc.example.uk")
    source = pdf_text(path)
    # the extraction really is hard-wrapped and hyphenated
    assert "\n" in source
    assert "exploita-" in source

    # when it is segmented
    passages = segment(source)

    # then paragraphs are whole again and the furniture is gone
    texts = [p.text for p in passages]
    assert texts[0].startswith("West Midlands have identified")
    assert "further exploitation." in texts[0]
    assert passages[0].heading == "Accommodation"
    assert texts[1].startswith("Interpreters for Tigrinya")
    assert passages[1].bullet
    assert texts[1].endswith("Continued overleaf")
    assert texts[2] == (
        "The partnership has asked the district councils and the county's housing providers "
        "to agree who pays for emergency rooms when a victim is found late at night or at the "
        "weekend.")
    assert texts[3] == NAVIGATOR
    assert not any("Page 1 of 2" in t or "www.opcc" in t for t in texts)
    assert_spans_hold(source, passages)


def test_odt_headings_paragraphs_and_list_items(tmp_path):
    path = write_odt(tmp_path / "return.odt", [
        ("heading", "Challenges"),
        ("para", HOUSING),
        ("bullet", INTERPRETERS),
    ])
    source = odt_text(path)

    passages = segment(source)

    assert [p.text for p in passages] == [HOUSING, INTERPRETERS]
    assert passages[0].heading == "Challenges"
    assert_spans_hold(source, passages)


@pytest.mark.parametrize("marker", ["-", "\u2022", "*", "\u2013", "1.", "2)", "a)", "(ii)"])
def test_every_bullet_marker_starts_a_passage_and_is_dropped(marker):
    source = f"{NAVIGATOR}\n{marker} {HOUSING}\n{marker} {INTERPRETERS}"

    passages = segment(source)

    assert [p.text for p in passages] == [NAVIGATOR, HOUSING, INTERPRETERS]
    assert [p.bullet for p in passages] == [False, True, True]
    assert source[passages[1].start:passages[1].end] == HOUSING


def test_blank_lines_separate_paragraphs_and_offsets_are_exact():
    source = f"\n\n  {NAVIGATOR}\n\n\n{HOUSING}  \n"

    passages = segment(source)

    assert [source[p.start:p.end] for p in passages] == [NAVIGATOR, HOUSING]


def test_short_fragments_never_stand_alone():
    source = (f"Introduction\n\nThank you.\n\n{NAVIGATOR}\n\nSee annex B.\n\n"
              f"Accommodation:\n\n{HOUSING}\n\nContinued overleaf")

    passages = segment(source)

    assert len(passages) == 2
    assert all(len(words(p.full_text)) >= MIN_WORDS for p in passages)
    assert passages[0].heading.startswith("Introduction")
    assert "Thank you." in passages[0].heading
    assert passages[0].text == f"{NAVIGATOR}\nSee annex B."
    assert passages[1].heading == "Accommodation:"
    assert passages[1].text == f"{HOUSING}\nContinued overleaf"
    assert source[passages[1].start:passages[1].end].endswith("Continued overleaf")


def test_a_lead_in_opens_a_passage_with_the_short_points_it_introduces():
    # given an answer typed into the form: a paragraph, a lead-in, then short bullet points
    lead_in = "Support is tailored to each person:"
    source = (f"{NAVIGATOR}\n\n{lead_in}\n\n- advocacy and signposting to other services;\n"
              "- emergency housing where it is needed;\n"
              "- practical help such as clothes, a phone and food.\n")

    # when it is segmented
    passages = segment(source)

    # then the lead-in heads the points it introduces, in the source's order, and the
    # paragraph before them is left as it was
    assert [p.text for p in passages] == [
        NAVIGATOR,
        "advocacy and signposting to other services;\n- emergency housing where it is needed;",
        "practical help such as clothes, a phone and food.",
    ]
    assert passages[1].heading == lead_in
    assert source[passages[1].start:passages[1].end] == (
        f"{lead_in}\n\n- advocacy and signposting to other services;\n"
        "- emergency housing where it is needed;")
    assert_spans_hold(source, passages)


def test_a_short_point_after_a_lead_in_joins_the_passage_before_in_source_order():
    # given a lead-in of two words and a point of three: too short together to stand alone
    source = f"{NAVIGATOR}\n\nWe also fund:\n\n- go bags.\n\n{HOUSING}"

    passages = segment(source)

    assert passages[0].text == f"{NAVIGATOR}\nWe also fund:\n- go bags."
    assert source[passages[0].start:passages[0].end].endswith("- go bags.")
    assert passages[1].text == HOUSING
    assert_spans_hold(source, passages)


def test_text_of_one_short_line_is_one_passage():
    assert [p.text for p in segment("Nothing to add.")] == ["Nothing to add."]


@pytest.mark.parametrize("source", ["", "   \n\n \t", "Page 3 of 4"])
def test_blank_text_has_no_passages(source):
    assert segment(source) == []


def test_dash_opening_a_wrapped_line_in_mid_sentence_is_not_a_bullet():
    first = ("Potential victims are often placed temporarily within hotels and B&Bs which are "
             "far from any support")
    source = (f"{first}\n- this is not always appropriate and can increase the risk of harm,\n"
              "especially for people who have been exploited in that same town before now.\n"
              f"{NAVIGATOR}")

    passages = segment(source)

    assert passages[0].text.startswith(first + " - this is not always appropriate")
    assert passages[1].text == NAVIGATOR
