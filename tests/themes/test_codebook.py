"""The project's codebook carries the shared codes and refuses malformed entries."""

from __future__ import annotations

import pytest

from antislavery.themes.engine import codebook
from antislavery.themes.engine.codebook import CodebookError, Theme

# The contract: these codes are used by exports, the command line and the API.
THEME_CODES = [
    "victim_support", "force_collaboration", "scrutiny", "partnership", "prevention",
    "investigation", "child_exploitation", "evidence", "language_barriers",
    "victim_engagement", "accommodation", "covid", "improvement",
]
FACET_VALUES = {
    "nrm_stage": ["before_nrm", "during_nrm", "after_nrm", "outside_nrm"],
    "exploitation": ["sexual", "labour", "criminal", "domestic_servitude", "organ_removal"],
    "victim_group": ["adult", "child"],
    "intervention": ["specialist_post", "commissioned_service", "fund", "accommodation",
                     "training", "campaign", "partnership_body", "case_conference",
                     "needs_assessment", "investigative_team", "evaluation"],
}


def test_packaged_codebook_carries_every_shared_code():
    book = codebook.packaged()

    assert book.theme_codes == THEME_CODES
    assert {name: list(f.values) for name, f in book.facets.items()} == FACET_VALUES
    assert all(theme.label and theme.means for theme in book.themes.values())


def test_challenges_are_grouped_together_in_report_order():
    book = codebook.packaged()

    assert list(book.groups) == ["response", "challenge", "future"]
    assert [t.code for t in book.themes_in("challenge")] == [
        "language_barriers", "victim_engagement", "accommodation", "covid"]


def test_a_theme_without_a_definition_is_refused():
    data = {"groups": {"response": "Responses"},
            "themes": {"x": {"label": "X", "group": "response"}},
            "facets": {name: {"label": name, "values": {"a": "A"}} for name in FACET_VALUES}}

    with pytest.raises(CodebookError, match="Theme 'x' needs a label, a group and a definition"):
        codebook.parse(data)


def test_a_theme_in_an_unknown_group_is_refused():
    data = {"groups": {"response": "Responses"},
            "themes": {"x": {"label": "X", "group": "elsewhere", "means": "Something."}},
            "facets": {name: {"label": name, "values": {"a": "A"}} for name in FACET_VALUES}}

    with pytest.raises(CodebookError, match="unknown group 'elsewhere'"):
        codebook.parse(data)


def test_adding_a_theme_keeps_the_original_unchanged():
    book = codebook.packaged()

    extended = book.with_theme(Theme("online", "Online exploitation", "response",
                                     "Recruitment and control through the internet."))

    assert "online" in extended.themes
    assert "online" not in book.themes


def test_adding_an_existing_code_is_refused():
    book = codebook.packaged()

    with pytest.raises(CodebookError, match="already in the codebook"):
        book.with_theme(Theme("covid", "Covid", "challenge", "Again."))
