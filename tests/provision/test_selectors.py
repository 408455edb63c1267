"""Reading the register: visibility, search, filters, dates, evidence and similar practice."""

from __future__ import annotations

import datetime

import pytest

from antislavery.provision import library, selectors
from antislavery.provision.models import Entry
from antislavery.provision.selectors import EntryFilters, filter_entries, search
from tests.provision.factories import entry, unsaved

pytestmark = pytest.mark.django_db


def titles(entries) -> list[str]:
    return sorted(e.title for e in entries)


def test_visible_entries_by_role(areas, essex_viewer, surrey_editor, coordinator):
    entry(areas["essex"], title="Essex public")
    entry(areas["essex"], title="Essex private", public=False)
    entry(areas["surrey"], title="Surrey private", public=False)
    entry(areas["kent"], title="Regional private", public=False, other_areas=[areas["essex"]])
    assert titles(selectors.visible_entries(None)) == ["Essex public"]
    assert titles(selectors.visible_entries(essex_viewer)) == [
        "Essex private", "Essex public", "Regional private"]
    assert titles(selectors.visible_entries(surrey_editor)) == ["Essex public",
                                                                "Surrey private"]
    assert len(selectors.visible_entries(coordinator)) == 4


def test_search_needs_every_word_somewhere_in_title_summary_provider_or_funder(areas):
    entry(areas["essex"], title="Victim navigators", provider="Justice and Care")
    entry(areas["kent"], title="Navigator fund", funder="Home Office")
    entries = Entry.objects.all()
    assert titles(search(entries, "NAVIGATOR")) == ["Navigator fund", "Victim navigators"]
    assert titles(search(entries, "navigator justice")) == ["Victim navigators"]
    assert titles(search(entries, "home office")) == ["Navigator fund"]
    assert titles(search(entries, "  ")) == ["Navigator fund", "Victim navigators"]
    assert titles(search(entries, "nowhere")) == []


@pytest.mark.postgres
def test_on_postgresql_search_also_matches_word_stems(areas):
    entry(areas["essex"], title="Evaluated outreach", summary="Results of evaluations.")
    assert titles(search(Entry.objects.all(), "evaluation")) == ["Evaluated outreach"]


def test_filters_combine_codes_status_and_area(areas):
    entry(areas["essex"], title="A", nrm_stages=["before_nrm"], victim_groups=["child"],
          exploitation=["criminal"], themes=["child_exploitation"])
    entry(areas["essex"], title="B", nrm_stages=["after_nrm"], status="pilot", kind="fund")
    entry(areas["kent"], title="C", nrm_stages=["before_nrm"], evaluation="internal")
    entries = Entry.objects.all()

    def only(**values):
        return titles(filter_entries(entries, EntryFilters(**values)))

    assert only(stage="before_nrm") == ["A", "C"]
    assert only(stage="before_nrm", area=areas["kent"]) == ["C"]
    assert only(group="child", exploitation="criminal") == ["A"]
    assert only(theme="child_exploitation") == ["A"]
    assert only(kind="fund", status="pilot") == ["B"]
    assert only(evaluation="internal") == ["C"]
    assert only(min_evidence=2) == ["C"]


def test_a_code_filter_does_not_match_a_longer_code(areas):
    entry(areas["essex"], title="Domestic", exploitation=["domestic_servitude"])
    assert titles(filter_entries(Entry.objects.all(),
                                 EntryFilters(exploitation="domestic"))) == []


def test_ending_soon_filter_takes_running_and_pilot_entries_ending_within_six_months(areas):
    today = datetime.date(2025, 1, 31)
    entry(areas["essex"], title="Soon", end=datetime.date(2025, 7, 31))
    entry(areas["essex"], title="Later", end=datetime.date(2025, 8, 1))
    entry(areas["essex"], title="Planned", status="planned", end=datetime.date(2025, 3, 1))
    entry(areas["essex"], title="Open-ended")
    found = filter_entries(Entry.objects.all(), EntryFilters(ending_soon=True, today=today))
    assert titles(found) == ["Soon"]


@pytest.mark.parametrize(("day", "months", "expected"), [
    (datetime.date(2025, 1, 31), 6, datetime.date(2025, 7, 31)),
    (datetime.date(2025, 8, 31), 6, datetime.date(2026, 2, 28)),
    (datetime.date(2023, 8, 31), 6, datetime.date(2024, 2, 29)),
    (datetime.date(2025, 12, 15), 1, datetime.date(2026, 1, 15)),
])
def test_add_months_clamps_to_the_end_of_a_short_month(day, months, expected):
    assert selectors.add_months(day, months) == expected


def test_coverage_matrix_counts_each_covered_area(areas, coordinator):
    entry(areas["leicestershire"], nrm_stages=["before_nrm"],
          other_areas=[areas["lincolnshire"]])
    entry(areas["leicestershire"], nrm_stages=["before_nrm"], status="planned")
    entry(areas["leicestershire"], nrm_stages=["before_nrm"], status="ended",
          end=datetime.date(2020, 1, 1))
    rows = {row.area.slug: row for row in selectors.coverage_matrix(coordinator)}
    assert len(rows) == 43
    assert rows["leicestershire"].cells[0] == {"counting": 1, "planned": 1}
    assert rows["lincolnshire"].cells[0] == {"counting": 1, "planned": 0}
    assert rows["essex"].total == 0


# --- evidence and similar practice ---

@pytest.mark.parametrize(("evaluation", "rank", "label"), [
    ("none", 0, "No evaluation"),
    ("planned", 1, "Evaluation planned"),
    ("internal", 2, "Reviewed internally"),
    ("independent", 3, "Independently evaluated"),
    ("published", 4, "Independently evaluated with published results"),
])
def test_evidence_rating_follows_the_evaluation(areas, evaluation, rank, label):
    rated = library.evidence_for(unsaved(areas["essex"], evaluation=evaluation))
    assert (rated.rank, rated.label) == (rank, label)


def test_evaluations_at_least_a_rank():
    assert library.evaluations_at_least(3) == ["independent", "published"]


def test_facet_counts_count_entries_not_mentions(areas):
    entries = [unsaved(areas["essex"], nrm_stages=["before_nrm", "after_nrm"]),
               unsaved(areas["essex"], nrm_stages=["before_nrm"], kind="fund")]
    counts = library.facet_counts(entries)
    assert counts["nrm_stage"][0][0] == "before_nrm"
    assert [(code, n) for code, _label, n in counts["nrm_stage"]] == [
        ("before_nrm", 2), ("after_nrm", 1)]
    assert [(code, n) for code, _label, n in counts["intervention"]] == [
        ("specialist_post", 1), ("fund", 1)]


def test_similar_entries_rank_by_words_and_codes_and_are_repeatable(areas):
    target = entry(areas["essex"], title="Accommodation fund for victims",
                   summary="Emergency accommodation and subsistence before a referral.",
                   kind="fund", nrm_stages=["before_nrm"])
    close = entry(areas["surrey"], title="Emergency accommodation fund",
                  summary="Pays for emergency accommodation and food.", kind="fund",
                  nrm_stages=["before_nrm"])
    middle = entry(areas["kent"], title="Go bags", summary="Clothes for victims.",
                   kind="fund")
    entry(areas["kent"], title="Training for officers", summary="Officers learn signs.",
          kind="training")
    candidates = list(Entry.objects.all())
    first = library.similar_entries(target, candidates)
    assert [e for e, _score in first] == [close, middle]
    assert library.similar_entries(target, candidates) == first
    assert all(0 < score <= 1 for _e, score in first)


def test_similar_entries_of_a_lone_entry_is_empty(areas):
    target = entry(areas["essex"])
    assert library.similar_entries(target, [target]) == []
