"""Splitting submitted responses into passages and suggesting codes for them."""

from __future__ import annotations

import pytest

from antislavery.accounts.models import AuditEntry
from antislavery.errors import NotPermitted
from antislavery.returns import services as returns
from antislavery.themes import selectors
from antislavery.themes.models import Passage, Suggestion
from antislavery.themes.services import analyse_request
from tests import factories as shared
from tests.documents import files

from .conftest import ESSEX_ANSWER, submit

pytestmark = pytest.mark.django_db


def test_submitted_answers_become_passages_that_point_back_to_their_source(answered):
    result = analyse_request(request=answered)

    essex = list(Passage.objects.filter(area__slug="essex").order_by("position"))
    assert result.passages_created == 6
    assert [p.text for p in essex] == [
        ESSEX_ANSWER.split("\n\n")[0],
        "Interpreters are booked for every meeting, so victims can speak in their own language.",
        "A small hardship fund pays for clothes, a phone and food on the first day.",
    ]
    response = essex[0].response
    assert all(p.version_id == response.submitted_version_id for p in essex)
    assert essex[1].source_kind == "answer"
    assert essex[1].source_id == "q1"
    assert essex[1].source_url == f"/requests/{answered.slug}/responses/essex/#answer-q1"
    assert essex[1].end > essex[1].start


def test_every_passage_gets_suggestions_with_reasons_from_one_model_version(answered):
    result = analyse_request(request=answered)

    essex = Passage.objects.filter(area__slug="essex").order_by("position")
    assert all(p.suggested_with == result.model_version for p in essex)
    codes = {s.label: s for s in Suggestion.objects.filter(passage=essex[1])}
    assert "language_barriers" in codes
    assert "interpreters" in " ".join(codes["language_barriers"].phrases).lower()
    assert codes["language_barriers"].reason.startswith("Mentions")
    assert 0 < codes["language_barriers"].confidence <= 1
    surrey = Passage.objects.filter(area__slug="surrey").order_by("position")
    assert "accommodation" in {s.label for s in selectors.current_suggestions(surrey[0])}
    assert "covid" in {s.label for s in selectors.current_suggestions(surrey[1])}


def test_analysing_again_changes_nothing(analysed):
    before = (Passage.objects.count(), Suggestion.objects.count())

    result = analyse_request(request=analysed)

    assert (result.passages_created, result.passages_suggested) == (0, 0)
    assert (Passage.objects.count(), Suggestion.objects.count()) == before


def test_drafts_and_unstarted_responses_are_not_analysed(issued, areas):
    response = issued.responses.get(area=areas["dorset"])
    returns.save_answers(response=response, actor=shared.office_user(areas["dorset"]),
                         consent=True, based_on=0,
                         answers={"q1": {"text": "A draft that stays with the office."}})

    result = analyse_request(request=issued)

    assert result.passages_created == 0
    assert not Passage.objects.exists()


def test_a_resubmitted_response_gets_new_passages_and_the_old_ones_are_kept(analysed, areas,
                                                                          apcc):
    response = analysed.responses.get(area=areas["cumbria"])
    old = list(Passage.objects.filter(response=response))
    returns.return_response(response=response, actor=apcc, note="Say more")
    submit(analysed, areas["cumbria"], "The commissioner now also funds a navigator who "
                                      "supports adult victims recovered in Cumbria.")

    analyse_request(request=analysed)

    current = selectors.current_passages(analysed).filter(area=areas["cumbria"])
    assert [p.text for p in current] == ["The commissioner now also funds a navigator who "
                                        "supports adult victims recovered in Cumbria."]
    assert Passage.objects.filter(pk__in=[p.pk for p in old]).count() == len(old)


def test_attached_docx_and_pdf_are_split_into_passages(issued, areas):
    docx = files.docx_bytes(
        paragraphs=["Our anti-slavery partnership brings the councils, health and charities "
                    "together every quarter to plan joint work."],
        bullets=["Awareness training has reached 400 taxi drivers and hotel staff this year."])
    pdf = files.pdf_bytes([
        "Hotels are still used for emergency accommodation of potential victims before a "
        "referral, which we want to end within the next year.",
        "- Two emergency rooms have been agreed with a housing association for victims.",
    ])
    submit(issued, areas["essex"], "Please see the attached documents for our full answer.",
           attach=(docx, "partnership.docx"))
    submit(issued, areas["surrey"], "Please see the attached plan for accommodation work.",
           attach=(pdf, "accommodation.pdf"))

    analyse_request(request=issued)

    attached = Passage.objects.filter(source_kind="attachment")
    texts = {(p.area.slug, p.source_label): [] for p in attached}
    for passage in attached.order_by("position"):
        texts[(passage.area.slug, passage.source_label)].append(passage.text)
    assert texts[("essex", "partnership.docx")] == [
        "Our anti-slavery partnership brings the councils, health and charities together "
        "every quarter to plan joint work.",
        "Awareness training has reached 400 taxi drivers and hotel staff this year."]
    assert texts[("surrey", "accommodation.pdf")] == [
        "Hotels are still used for emergency accommodation of potential victims before a "
        "referral, which we want to end within the next year.",
        "Two emergency rooms have been agreed with a housing association for victims."]
    pdf_passage = attached.get(source_label="accommodation.pdf", position=0)
    assert pdf_passage.source_url.endswith(f"#attachment-{pdf_passage.source_id}")


def test_analysis_is_recorded_in_the_audit_log(answered, apcc):
    analyse_request(request=answered, actor=apcc)

    entry = AuditEntry.objects.get(action="themes.analyse")
    assert entry.after["passages_created"] == 6


def test_an_office_editor_cannot_analyse_and_nothing_is_made(answered, essex_editor):
    with pytest.raises(NotPermitted, match="Only coordinators of"):
        analyse_request(request=answered, actor=essex_editor)

    assert not Passage.objects.exists()
    assert not AuditEntry.objects.filter(action="themes.analyse").exists()
