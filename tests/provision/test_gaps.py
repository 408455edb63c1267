"""The gap analysis: each finding appears exactly when it should, with the figure behind it.

These tests build areas with known provision and known local figures and never touch the
database: the analysis is a pure function.
"""

from __future__ import annotations

import datetime
import json

import pytest

from antislavery.localpicture.figures import LocalFigures, Share
from antislavery.provision import gaps
from antislavery.provision.gaps import analyse_gaps
from antislavery.provision.models import Entry
from tests.provision.factories import TODAY, place, unsaved

HERE = place("essex", "Essex")
ELSEWHERE = place("surrey", "Surrey")
FAR = place("cumbria", "Cumbria")
ALL_STAGES = ["before_nrm", "during_nrm", "after_nrm", "outside_nrm"]


def figures(**values) -> LocalFigures:
    defaults = {"area_slug": "essex", "period_label": "Oct 2023 to Sep 2024", "referrals": 200}
    return LocalFigures(**{**defaults, **values})


def analyse(entries=(), figs=None, practice=(), today=TODAY):
    return analyse_gaps(area=HERE, entries=list(entries), figures=figs,
                        practice=list(practice), today=today)


def findings(report, code):
    return [finding for finding in report.findings if finding.code == code]


def full_cover(**values):
    """A running, evaluated entry covering every stage with emergency accommodation."""
    defaults = {"kind": "accommodation", "nrm_stages": ALL_STAGES,
                "evaluation": "internal", "victim_groups": ["adult", "child"]}
    return unsaved(HERE, **{**defaults, **values})


# --- support before, after and outside the NRM ---

def test_area_with_nothing_lacks_support_at_every_stage_and_accommodation():
    report = analyse()
    assert report.codes == ["no_support_before_nrm", "no_support_after_nrm",
                            "no_support_outside_nrm", "no_emergency_accommodation"]


@pytest.mark.parametrize(("stage", "code"), [
    ("before_nrm", "no_support_before_nrm"),
    ("after_nrm", "no_support_after_nrm"),
    ("outside_nrm", "no_support_outside_nrm"),
])
def test_a_running_entry_covering_a_stage_removes_only_that_stage_finding(stage, code):
    report = analyse([unsaved(HERE, nrm_stages=[stage])])
    stage_codes = {"no_support_before_nrm", "no_support_after_nrm", "no_support_outside_nrm"}
    assert code not in report.codes
    assert set(report.codes) & stage_codes == stage_codes - {code}


def test_a_pilot_counts_as_provision():
    report = analyse([unsaved(HERE, status="pilot", nrm_stages=["before_nrm"])])
    assert "no_support_before_nrm" not in report.codes


@pytest.mark.parametrize("state", [
    {"status": "planned"}, {"status": "ended", "end": datetime.date(2024, 12, 1)},
    {"draft": True}, {"withdrawn_at": datetime.datetime(2024, 12, 1, tzinfo=datetime.UTC)},
])
def test_planned_ended_draft_or_withdrawn_entries_are_not_provision(state):
    report = analyse([unsaved(HERE, nrm_stages=["before_nrm"], **state)])
    assert "no_support_before_nrm" in report.codes


def test_an_entry_without_stages_covers_no_stage():
    report = analyse([unsaved(HERE, nrm_stages=[])])
    assert "no_support_before_nrm" in report.codes


def test_stage_finding_carries_the_referral_count_when_figures_exist():
    report = analyse(figs=figures(referrals=1234))
    (finding,) = findings(report, "no_support_before_nrm")
    assert finding.figure.value == 1234
    assert "1,234" in finding.figure.text
    assert "Oct 2023 to Sep 2024" in finding.figure.text


def test_stage_finding_has_no_figure_without_local_figures():
    (finding,) = findings(analyse(), "no_support_after_nrm")
    assert finding.figure is None


# --- emergency accommodation before a referral decision ---

@pytest.mark.parametrize(("values", "expected"), [
    ({"kind": "accommodation", "nrm_stages": ["before_nrm"]}, False),
    ({"kind": "accommodation", "nrm_stages": ["during_nrm"]}, False),
    ({"kind": "fund", "themes": ["accommodation"], "nrm_stages": ["before_nrm"]}, False),
    ({"kind": "accommodation", "nrm_stages": ["after_nrm"]}, True),
    ({"kind": "specialist_post", "nrm_stages": ["before_nrm"]}, True),
    ({"kind": "accommodation", "nrm_stages": ["before_nrm"], "status": "planned"}, True),
])
def test_emergency_accommodation_finding(values, expected):
    report = analyse([unsaved(HERE, **values)])
    assert ("no_emergency_accommodation" in report.codes) is expected


# --- languages of the most referred nationalities ---

NATIONALITIES = [
    Share("uk", "UK", 80, 0.40),
    Share("albania", "Albanian", 60, 0.30),
    Share("vietnam", "Vietnamese", 20, 0.10),
    Share("romania", "Romanian", 16, 0.08),
]


def test_language_gap_for_each_top_nationality_without_its_language():
    report = analyse([full_cover()], figures(nationalities=NATIONALITIES))
    gaps_found = findings(report, "language_gap")
    assert [f.subject for f in gaps_found] == ["Albanian", "Vietnamese"]
    albanian = gaps_found[0]
    assert albanian.figure.value == pytest.approx(0.30)
    assert "30%" in albanian.figure.text
    assert "60" in albanian.figure.text
    assert "Albanian" in albanian.title


def test_an_entry_in_the_language_closes_that_nationalitys_gap():
    entries = [full_cover(languages=["Albanian"])]
    report = analyse(entries, figures(nationalities=NATIONALITIES))
    assert [f.subject for f in findings(report, "language_gap")] == ["Vietnamese"]


def test_interpreting_into_any_language_closes_every_language_gap():
    entries = [full_cover(languages=["any"])]
    report = analyse(entries, figures(nationalities=NATIONALITIES))
    assert findings(report, "language_gap") == []


def test_language_is_checked_only_for_the_most_referred_nationalities():
    # the fourth nationality (Romanian) is outside the top three, so it makes no finding
    report = analyse([full_cover()], figures(nationalities=NATIONALITIES))
    assert "Romanian" not in [f.subject for f in findings(report, "language_gap")]
    assert gaps.MOST_REFERRED_NATIONALITIES == 3


def test_a_nationality_below_the_minimum_share_is_not_checked():
    small = [Share("albania", "Albanian", 4, 0.04), Share("uk", "UK", 96, 0.96)]
    report = analyse([full_cover()], figures(nationalities=small))
    assert findings(report, "language_gap") == []


def test_a_planned_service_in_the_language_does_not_close_the_gap():
    entries = [full_cover(), unsaved(HERE, status="planned", languages=["Albanian"])]
    report = analyse(entries, figures(nationalities=NATIONALITIES[:2]))
    assert [f.subject for f in findings(report, "language_gap")] == ["Albanian"]


def test_a_nationality_with_no_known_language_is_reported_as_not_checked():
    report = analyse([full_cover()], figures(nationalities=[Share("atlantis", "Atlantean",
                                                                  50, 0.5)]))
    assert findings(report, "language_gap") == []
    assert any("Atlantean" in item.reason for item in report.not_assessed)


def test_without_nationality_figures_languages_are_not_assessed():
    report = analyse([full_cover()], figures())
    assert findings(report, "language_gap") == []
    assert "language_gap" in [item.code for item in report.not_assessed]


# --- children ---

def test_child_gap_when_child_share_is_above_national_and_nothing_is_for_children():
    entries = [full_cover(victim_groups=["adult"])]
    report = analyse(entries, figures(child_share=0.42, national_child_share=0.31))
    (finding,) = findings(report, "child_support_gap")
    assert finding.figure.value == pytest.approx(0.42)
    assert finding.figure.comparison == pytest.approx(0.31)
    assert "42%" in finding.figure.text
    assert "31%" in finding.figure.text


def test_no_child_gap_when_an_entry_is_for_children():
    entries = [full_cover(victim_groups=["adult"]), unsaved(HERE, victim_groups=["child"])]
    report = analyse(entries, figures(child_share=0.42, national_child_share=0.31))
    assert findings(report, "child_support_gap") == []


@pytest.mark.parametrize("local", [0.31, 0.2])
def test_no_child_gap_when_child_share_is_not_above_national(local):
    entries = [full_cover(victim_groups=["adult"])]
    report = analyse(entries, figures(child_share=local, national_child_share=0.31))
    assert findings(report, "child_support_gap") == []
    assert "child_support_gap" not in [item.code for item in report.not_assessed]


def test_without_child_shares_children_are_not_assessed():
    report = analyse([full_cover(victim_groups=["adult"])], figures(child_share=0.5))
    assert findings(report, "child_support_gap") == []
    assert "child_support_gap" in [item.code for item in report.not_assessed]


# --- exploitation types making up a large share ---

def test_exploitation_gap_for_each_large_type_without_provision():
    exploitation = [Share("labour", "Labour", 76, 0.38), Share("sexual", "Sexual", 50, 0.25),
                    Share("criminal", "Criminal", 40, 0.20)]
    report = analyse([full_cover()], figures(exploitation=exploitation,
                                             national_exploitation={"labour": 0.30}))
    found = findings(report, "exploitation_gap")
    assert [f.subject for f in found] == ["sexual", "labour"]
    labour = found[1]
    assert labour.figure.value == pytest.approx(0.38)
    assert labour.figure.comparison == pytest.approx(0.30)
    assert "38%" in labour.figure.text
    assert "30%" in labour.figure.text
    assert "25%" in labour.why


def test_an_entry_for_the_type_closes_its_exploitation_gap():
    exploitation = [Share("labour", "Labour", 76, 0.38)]
    entries = [full_cover(exploitation=["labour"])]
    report = analyse(entries, figures(exploitation=exploitation))
    assert findings(report, "exploitation_gap") == []


def test_combined_exploitation_counts_towards_each_type():
    exploitation = [Share("criminal", "Criminal", 40, 0.20),
                    Share("labour_criminal", "Labour & Criminal", 10, 0.10)]
    report = analyse([full_cover()], figures(exploitation=exploitation))
    found = findings(report, "exploitation_gap")
    assert [f.subject for f in found] == ["criminal"]
    assert found[0].figure.value == pytest.approx(0.30)


def test_labels_from_the_statistics_name_codebook_types():
    shares = [Share("Domestic", "Domestic", 30, 0.3), Share("Organ Harvesting", "Organ", 1,
                                                            0.01)]
    assert gaps.exploitation_shares(shares) == {"domestic_servitude": 0.3,
                                                "organ_removal": 0.01}


def test_without_exploitation_figures_types_are_not_assessed():
    report = analyse([full_cover()], figures())
    assert "exploitation_gap" in [item.code for item in report.not_assessed]


# --- services ending soon with nothing after them ---

def test_running_service_ending_within_six_months_without_successor():
    ending = full_cover(title="Navigator contract", end=datetime.date(2025, 6, 30))
    report = analyse([ending])
    (finding,) = findings(report, "ending_without_successor")
    assert finding.subject == "Navigator contract"
    assert finding.figure.value == "2025-06-30"
    assert "30 June 2025" in finding.figure.text


def test_service_ending_after_six_months_is_not_flagged():
    report = analyse([full_cover(end=datetime.date(2025, 7, 16))])
    assert findings(report, "ending_without_successor") == []


def test_service_ending_exactly_six_months_ahead_is_flagged():
    report = analyse([full_cover(end=datetime.date(2025, 7, 15))])
    assert len(findings(report, "ending_without_successor")) == 1


def test_a_planned_successor_of_the_same_kind_and_stages_answers_the_ending():
    ending = full_cover(end=datetime.date(2025, 3, 31))
    successor = unsaved(HERE, kind="accommodation", status="planned", nrm_stages=ALL_STAGES,
                        start=datetime.date(2025, 4, 1))
    assert findings(analyse([ending, successor]), "ending_without_successor") == []


@pytest.mark.parametrize("values", [
    {"kind": "training", "nrm_stages": ALL_STAGES},
    {"kind": "accommodation", "nrm_stages": ["before_nrm"]},
    {"kind": "accommodation", "nrm_stages": ALL_STAGES, "end": datetime.date(2025, 3, 1)},
    {"kind": "accommodation", "nrm_stages": ALL_STAGES, "draft": True},
])
def test_an_entry_that_does_not_carry_on_the_service_is_no_successor(values):
    ending = full_cover(end=datetime.date(2025, 3, 31))
    report = analyse([ending, unsaved(HERE, status="planned", **values)])
    assert len(findings(report, "ending_without_successor")) == 1


def test_a_planned_or_ended_service_is_not_ending_without_successor():
    entries = [full_cover(), unsaved(HERE, status="planned", end=datetime.date(2025, 2, 1))]
    assert findings(analyse(entries), "ending_without_successor") == []


# --- nothing evaluated ---

@pytest.mark.parametrize("evaluation", ["none", "planned"])
def test_nothing_evaluated_when_no_running_entry_has_been_evaluated(evaluation):
    report = analyse([full_cover(evaluation=evaluation), full_cover(evaluation="none")])
    (finding,) = findings(report, "nothing_evaluated")
    assert finding.figure.value == 2
    assert "0 of 2" in finding.figure.text


@pytest.mark.parametrize("evaluation", ["internal", "independent"])
def test_one_evaluated_entry_answers_nothing_evaluated(evaluation):
    report = analyse([full_cover(evaluation=evaluation), full_cover(evaluation="none")])
    assert findings(report, "nothing_evaluated") == []


def test_an_evaluated_ended_entry_does_not_count():
    entries = [full_cover(evaluation="none"),
               full_cover(evaluation="independent", status="ended",
                          end=datetime.date(2024, 1, 1))]
    assert len(findings(analyse(entries), "nothing_evaluated")) == 1


def test_an_area_without_provision_is_not_told_nothing_is_evaluated():
    assert "nothing_evaluated" not in analyse().codes


# --- a fully provided area ---

def test_a_well_provided_area_has_no_findings():
    entries = [full_cover(languages=["Albanian", "Vietnamese"],
                          exploitation=["labour", "sexual"])]
    figs = figures(nationalities=NATIONALITIES, child_share=0.5, national_child_share=0.3,
                   exploitation=[Share("labour", "Labour", 100, 0.5)])
    report = analyse(entries, figs)
    assert report.findings == []
    assert report.not_assessed == []


# --- examples from other areas' published practice ---

def test_examples_are_other_areas_published_running_practice_best_evidence_first():
    practice = [
        unsaved(ELSEWHERE, title="Surrey navigator", nrm_stages=["before_nrm"],
                evaluation="independent"),
        unsaved(FAR, title="Cumbria liaison", nrm_stages=["before_nrm"]),
        unsaved(FAR, title="Cumbria plan", nrm_stages=["before_nrm"], status="planned"),
        unsaved(FAR, title="Cumbria private", nrm_stages=["before_nrm"], public=False),
        unsaved(HERE, title="Essex own", nrm_stages=["before_nrm"], status="planned"),
        unsaved(FAR, title="Cumbria after", nrm_stages=["after_nrm"]),
    ]
    (finding,) = findings(analyse(practice=practice), "no_support_before_nrm")
    assert [(e.area, e.title) for e in finding.examples] == [
        ("surrey", "Surrey navigator"), ("cumbria", "Cumbria liaison")]
    assert finding.examples[0].evidence == "Independently evaluated"


def test_at_most_three_examples_per_finding():
    practice = [unsaved(ELSEWHERE, title=f"Service {n}", nrm_stages=["after_nrm"])
                for n in range(5)]
    (finding,) = findings(analyse(practice=practice), "no_support_after_nrm")
    assert len(finding.examples) == gaps.MAX_EXAMPLES == 3


def test_language_examples_offer_the_missing_language():
    practice = [unsaved(ELSEWHERE, title="Albanian caseworker", languages=["Albanian"]),
                unsaved(FAR, title="Polish caseworker", languages=["Polish"])]
    report = analyse([full_cover()], figures(nationalities=NATIONALITIES[:2]),
                     practice=practice)
    (finding,) = findings(report, "language_gap")
    assert [e.title for e in finding.examples] == ["Albanian caseworker"]


# --- the report as data ---

def test_json_form_has_the_documented_shape():
    practice = [unsaved(ELSEWHERE, title="Surrey navigator", nrm_stages=["before_nrm"])]
    report = analyse(figs=figures(synthetic=True, sources=["Synthetic release"]),
                     practice=practice)
    data = json.loads(json.dumps(report.as_dict()))
    assert data["area"] == "essex"
    assert data["synthetic"] is True
    first = data["findings"][0]
    assert set(first) >= {"code", "title", "why", "figure", "examples"}
    assert first["code"] == "no_support_before_nrm"
    assert first["figure"]["value"] == 200
    assert first["examples"] == [{"area": "surrey", "title": "Surrey navigator",
                                  "evidence": "No evaluation"}]


def test_findings_follow_the_stable_code_order():
    report = analyse([unsaved(HERE, end=datetime.date(2025, 2, 1))],
                     figures(child_share=0.9, national_child_share=0.1))
    order = [gaps.FINDING_CODES.index(code) for code in report.codes]
    assert order == sorted(order)
    assert set(report.codes) <= set(gaps.FINDING_CODES)


def test_status_constants_match_the_model():
    assert set(Entry.COUNTING_STATUSES) == {"pilot", "running"}


# --- only running or pilot entries count, for every check ---

# For each check: the figures that make it apply and an entry that answers it.
ANSWERS = {
    "no_support_before_nrm": (None, {"nrm_stages": ["before_nrm"]}),
    "no_support_after_nrm": (None, {"nrm_stages": ["after_nrm"]}),
    "no_support_outside_nrm": (None, {"nrm_stages": ["outside_nrm"]}),
    "no_emergency_accommodation": (None, {"kind": "accommodation",
                                          "nrm_stages": ["before_nrm"]}),
    "language_gap": ({"nationalities": [Share("albania", "Albanian", 60, 0.6)]},
                     {"languages": ["Albanian"]}),
    "child_support_gap": ({"child_share": 0.6, "national_child_share": 0.3},
                          {"victim_groups": ["child"]}),
    "exploitation_gap": ({"exploitation": [Share("labour", "Labour", 60, 0.6)]},
                         {"exploitation": ["labour"]}),
    "nothing_evaluated": (None, {"evaluation": "internal"}),
}
NOT_PROVISION = {
    "planned": {"status": "planned"},
    "ended": {"status": "ended", "end": datetime.date(2024, 12, 1)},
    "draft": {"draft": True},
    "withdrawn": {"withdrawn_at": datetime.datetime(2024, 12, 1, tzinfo=datetime.UTC)},
}


@pytest.mark.parametrize("code", list(ANSWERS))
@pytest.mark.parametrize("status", ["running", "pilot"])
def test_a_running_or_pilot_entry_answers_each_check(code, status):
    figs, answer = ANSWERS[code]
    base = unsaved(HERE, title="Unevaluated base", kind="training", nrm_stages=[],
                   evaluation="none")
    before = analyse([base], figures(**(figs or {})))
    assert code in before.codes
    after = analyse([base, unsaved(HERE, status=status, **answer)], figures(**(figs or {})))
    assert code not in after.codes


@pytest.mark.parametrize("code", list(ANSWERS))
@pytest.mark.parametrize("state", list(NOT_PROVISION))
def test_a_planned_ended_draft_or_withdrawn_entry_answers_no_check(code, state):
    figs, answer = ANSWERS[code]
    base = unsaved(HERE, title="Unevaluated base", kind="training", nrm_stages=[],
                   evaluation="none")
    report = analyse([base, unsaved(HERE, **{**answer, **NOT_PROVISION[state]})],
                     figures(**(figs or {})))
    assert code in report.codes


@pytest.mark.parametrize("state", ["planned", "ended", "draft", "withdrawn"])
def test_an_entry_that_is_not_provision_is_never_said_to_end_without_successor(state):
    values = {**NOT_PROVISION[state], "end": datetime.date(2025, 2, 1)}
    assert "ending_without_successor" not in analyse([unsaved(HERE, **values)]).codes


def test_emergency_accommodation_finding_carries_the_referral_count():
    (finding,) = findings(analyse(figs=figures(referrals=321)), "no_emergency_accommodation")
    assert finding.figure.value == 321
    assert "321 potential victims" in finding.figure.text
