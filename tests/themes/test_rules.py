"""Phrase rules: what they match, and the codes they may name."""

from __future__ import annotations

import pytest

from antislavery.themes.engine import codebook, rules
from antislavery.themes.engine.codebook import CodebookError


def ruleset(phrases, themes=("covid",), facets=None):
    data = {"themes": [{"id": "test", "themes": list(themes), "facets": facets or {},
                        "weight": 0.8, "reason": "Because.", "phrases": phrases}]}
    return rules.parse(data, codebook.packaged())


def test_phrases_match_whole_words_in_any_case():
    found = ruleset(["lockdown"]).hits("LOCKDOWN hit us; lockdowns did too; no matches here")

    assert found[0].phrases == ("LOCKDOWN",)


def test_a_trailing_star_matches_any_ending():
    found = ruleset(["navigator*"]).hits("Two Navigators and a navigator post.")

    assert found[0].phrases == ("Navigators", "navigator")


def test_words_match_across_hyphens_line_breaks_and_curly_apostrophes():
    text = "Pre-NRM support\nfrom the victims\u2019 hub."

    found = ruleset(["pre NRM", "victims' hub"]).hits(text)

    assert found[0].phrases == ("Pre-NRM", "victims\u2019 hub")


def test_words_separated_by_a_comma_do_not_match_a_phrase():
    assert ruleset(["police panel"]).hits("police, panel") == []


def test_regular_expression_phrases():
    found = ruleset(["re:\\bOp(?:eration)? [A-Z][a-z]+"]).hits("Under Operation Aidant we...")

    assert found[0].phrases == ("Operation Aidant",)


def test_scores_take_the_strongest_weight_of_the_rules_behind_a_label():
    book = codebook.packaged()
    data = {"themes": [
        {"id": "weak", "themes": ["covid"], "weight": 0.3, "reason": "Weak.", "phrases": ["virus"]},
        {"id": "strong", "themes": ["covid"], "weight": 0.9, "reason": "Strong.",
         "phrases": ["pandemic"]},
    ]}

    scores = rules.parse(data, book).scores("The virus pandemic")

    weight, hits = scores["covid"]
    assert weight == 0.9
    assert [hit.rule.id for hit in hits] == ["weak", "strong"]


def test_a_rule_naming_an_unknown_code_is_refused():
    with pytest.raises(CodebookError, match="codes the codebook lacks: nonsense"):
        ruleset(["x"], themes=("nonsense",))


def test_packaged_rules_load_and_explain_language_passages():
    book = codebook.packaged()

    found = rules.packaged(book).scores("A Polish-speaking PCSO and Tigrinya interpreters.")

    _weight, hits = found["language_barriers"]
    assert set(hits[0].phrases) == {"Polish-speaking", "interpreters"}
    assert "interpreting" in hits[0].rule.reason


def test_every_rule_s_reason_is_marked_for_translation():
    from antislavery.themes.engine.messages import RULE_REASONS

    reasons = {rule.reason for rule in rules.packaged(codebook.packaged()).rules}

    assert reasons - RULE_REASONS == set(), "add these to themes/engine/messages.py"
    assert RULE_REASONS - reasons == set(), "no rule gives these reasons any more"
