"""A person's coding of passages: decisions kept apart from suggestions, never overwritten."""

from __future__ import annotations

import pytest

from antislavery.accounts.models import AuditEntry
from antislavery.errors import NotPermitted, ToolkitError
from antislavery.themes import selectors
from antislavery.themes.models import Coding, Decision, Passage, Suggestion
from antislavery.themes.services import code_passage, refresh_suggestions
from tests import factories as shared

pytestmark = pytest.mark.django_db


@pytest.fixture
def interpreters(analysed):
    """The Essex bullet about interpreters, with its suggestions."""
    return Passage.objects.get(area__slug="essex", position=1)


def suggested(passage) -> set[str]:
    return {s.label for s in selectors.current_suggestions(passage)}


def current(coding) -> dict[str, str]:
    return {d.label: d.verdict for d in coding.decisions.filter(superseded_at__isnull=True)}


@pytest.fixture
def navigators(analysed):
    """The first Essex paragraph: navigators for adults before a referral."""
    return Passage.objects.get(area__slug="essex", position=0)


def test_accepting_rejecting_and_adding_codes(navigators, apcc):
    machine = suggested(navigators)
    assert {"victim_support", "nrm_stage:before_nrm"} <= machine
    chosen = (machine - {"nrm_stage:before_nrm"}) | {"victim_engagement"}

    coding = code_passage(passage=navigators, actor=apcc, codes=chosen)

    verdicts = current(coding)
    assert verdicts["victim_support"] == "accepted"
    assert verdicts["nrm_stage:before_nrm"] == "rejected"
    assert verdicts["victim_engagement"] == "added"
    assert selectors.decided_codes(navigators) == chosen
    accepted = coding.decisions.get(label="victim_support")
    assert accepted.suggestion.label == "victim_support"
    assert coding.decisions.get(label="victim_engagement").suggestion is None


def test_the_machine_s_suggestions_stay_on_record_beside_the_decisions(interpreters, apcc):
    before = list(Suggestion.objects.filter(passage=interpreters).values_list("label", "pk"))

    code_passage(passage=interpreters, actor=apcc, codes=set())

    assert list(Suggestion.objects.filter(passage=interpreters)
                .values_list("label", "pk")) == before
    assert selectors.decided_codes(interpreters) == set()


def test_changing_a_decision_supersedes_the_earlier_one(interpreters, apcc):
    code_passage(passage=interpreters, actor=apcc, codes={"language_barriers"})

    coding = code_passage(passage=interpreters, actor=apcc, codes={"victim_engagement"})

    history = list(Decision.objects.filter(coding=coding, label="language_barriers")
                   .order_by("decided_at", "pk"))
    assert [d.verdict for d in history] == ["accepted", "rejected"]
    assert history[0].superseded_at is not None
    assert history[1].superseded_at is None
    assert selectors.decided_codes(interpreters) == {"victim_engagement"}
    assert AuditEntry.objects.filter(action="passage.code").count() == 2
    assert AuditEntry.objects.filter(action="passage.code").order_by("pk").last().before == {
        "codes": ["language_barriers"]}


def test_progress_counts_passages_coded(analysed, interpreters, apcc):
    assert selectors.progress(analysed).coded == 0

    code_passage(passage=interpreters, actor=apcc, codes={"language_barriers"})

    progress = selectors.progress(analysed)
    assert (progress.coded, progress.total) == (1, 6)


def test_an_unknown_code_is_refused_and_nothing_changes(interpreters, apcc):
    with pytest.raises(ToolkitError, match="not in the codebook: weather"):
        code_passage(passage=interpreters, actor=apcc, codes={"language_barriers", "weather"})

    assert not Coding.objects.exists()
    assert not Decision.objects.exists()
    assert not AuditEntry.objects.filter(action="passage.code").exists()


def test_a_second_coding_must_be_someone_else_s(interpreters, apcc):
    code_passage(passage=interpreters, actor=apcc, codes={"language_barriers"})

    with pytest.raises(ToolkitError, match="second coding must be done by someone else"):
        code_passage(passage=interpreters, actor=apcc, codes=set(), round=2)

    other = shared.coordinator()
    code_passage(passage=interpreters, actor=other, codes={"victim_engagement"}, round=2)
    assert selectors.decided_codes(interpreters, 2) == {"victim_engagement"}
    assert selectors.decided_codes(interpreters, 1) == {"language_barriers"}


@pytest.mark.parametrize("who", ["essex_editor", "iasc"])
def test_only_the_request_s_coordinators_code(interpreters, who, request, essex_editor):
    from antislavery.areas.models import Organisation

    actor = essex_editor if who == "essex_editor" else shared.UserFactory(
        role="coordinator", organisation=Organisation.objects.get(slug="iasc"))

    with pytest.raises(NotPermitted):
        code_passage(passage=interpreters, actor=actor, codes={"language_barriers"})

    assert not Coding.objects.exists()


def test_refitting_learns_from_coding_and_suggests_again_for_passages_not_coded(
        analysed, interpreters, apcc):
    first_version = interpreters.suggested_with
    code_passage(passage=interpreters, actor=apcc, codes={"language_barriers", "covid"})

    version = refresh_suggestions()

    assert version != first_version
    waiting = selectors.current_passages(analysed).exclude(pk=interpreters.pk)
    assert all(p.suggested_with == version for p in waiting)
    interpreters.refresh_from_db()
    assert interpreters.suggested_with == first_version
    assert Suggestion.objects.filter(model_version=first_version).exists()


def test_coding_refits_the_model_in_the_background_every_few_codings(
        analysed, apcc, monkeypatch, django_capture_on_commit_callbacks):
    from antislavery.themes.services import coding

    monkeypatch.setattr(coding, "RETRAIN_EVERY", 2)
    passages = list(selectors.current_passages(analysed))
    original = passages[0].suggested_with
    with django_capture_on_commit_callbacks(execute=True):
        code_passage(passage=passages[0], actor=apcc, codes={"victim_support"})
    assert {p.suggested_with for p in selectors.current_passages(analysed)} == {original}

    with django_capture_on_commit_callbacks(execute=True):
        code_passage(passage=passages[1], actor=apcc, codes={"language_barriers"})

    waiting = selectors.current_passages(analysed).exclude(pk__in=[passages[0].pk,
                                                                 passages[1].pk])
    assert {p.suggested_with for p in waiting} != {original}
    assert len({p.suggested_with for p in waiting}) == 1
