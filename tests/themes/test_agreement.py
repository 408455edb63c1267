"""Cohen's kappa per code, checked against values worked out by hand."""

from __future__ import annotations

import pytest

from antislavery.themes.agreement import agreement, agreements


def coding(flags: str, code: str = "covid") -> dict[int, set[str]]:
    return {index: ({code} if flag == "1" else set()) for index, flag in enumerate(flags)}


def test_kappa_matches_the_hand_worked_value():
    # 10 passages; A codes 4, B codes 4, they agree on 3 positives and 5 negatives.
    # observed = 8/10 = 0.8; chance = 0.4 * 0.4 + 0.6 * 0.6 = 0.52
    # kappa = (0.8 - 0.52) / (1 - 0.52) = 0.28 / 0.48 = 0.58333...
    result = agreement("covid", coding("1111000000"), coding("1110100000"))

    assert result.kappa == pytest.approx(0.28 / 0.48)
    assert (result.passages, result.both, result.first_only, result.second_only,
            result.neither) == (10, 3, 1, 1, 5)
    assert result.observed == pytest.approx(0.8)


def test_kappa_of_a_second_hand_worked_table():
    # 8 passages: both 2, A only 2, B only 0, neither 4.
    # observed = 6/8 = 0.75; A says yes 4/8, B says yes 2/8
    # chance = 0.5 * 0.25 + 0.5 * 0.75 = 0.5; kappa = (0.75 - 0.5) / 0.5 = 0.5
    result = agreement("covid", coding("11110000"), coding("11000000"))

    assert result.kappa == pytest.approx(0.5)


def test_perfect_disagreement_is_minus_one():
    assert agreement("covid", coding("1100"), coding("0011")).kappa == pytest.approx(-1.0)


def test_kappa_is_undefined_when_nobody_used_the_code():
    result = agreement("covid", coding("0000"), coding("0000"))

    assert result.kappa is None
    assert result.observed == 1.0


def test_only_passages_in_both_codings_count():
    first = coding("1111000000")
    second = {key: value for key, value in coding("1110100000").items() if key < 6}

    result = agreement("covid", first, second)

    assert result.passages == 6


def test_agreements_are_reported_code_by_code():
    first = {1: {"covid", "scrutiny"}, 2: {"scrutiny"}, 3: set()}
    second = {1: {"covid"}, 2: {"scrutiny"}, 3: {"covid"}}

    results = agreements(["covid", "scrutiny"], first, second)

    assert [r.code for r in results] == ["covid", "scrutiny"]
    assert results[1].both == 1
    assert results[1].first_only == 1
