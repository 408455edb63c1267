"""The contract with the themes app: analysable_texts(request)."""

from __future__ import annotations

import dataclasses

import pytest

from antislavery.returns import services
from antislavery.returns.selectors import SourceText, analysable_texts
from tests import factories as shared
from tests.documents import files
from tests.returns import factories

pytestmark = pytest.mark.django_db


def _submitted(request, area, text, *, attach: bytes | None = None):
    response = request.responses.get(area=area)
    editor = shared.office_user(area)
    services.save_answers(response=response, actor=editor, consent=True, based_on=0,
                          answers=factories.answer_text(text))
    if attach is not None:
        services.attach_document(response=response, actor=editor, data=attach,
                                 filename="evidence.docx")
    services.submit_response(response=response, actor=editor, based_on=1)
    response.refresh_from_db()
    return response


def test_texts_come_from_submitted_accepted_and_published_responses_only(
        apcc_coordinator, areas):
    chosen = [areas[s] for s in ("essex", "surrey", "cumbria", "kent", "dorset", "gwent")]
    request = factories.issued_request(apcc_coordinator, areas=chosen)
    _submitted(request, areas["essex"], "Submitted text.")
    accepted = _submitted(request, areas["surrey"], "Accepted text.")
    services.accept_response(response=accepted, actor=apcc_coordinator)
    published = _submitted(request, areas["cumbria"], "Published text.")
    services.accept_response(response=published, actor=apcc_coordinator)
    services.publish_response(response=published, actor=apcc_coordinator)
    returned = _submitted(request, areas["kent"], "Returned text.")
    services.return_response(response=returned, actor=apcc_coordinator, note="More")
    withdrawn = _submitted(request, areas["dorset"], "Withdrawn text.")
    services.withdraw_response(response=withdrawn, actor=apcc_coordinator, reason="Asked")
    draft = request.responses.get(area=areas["gwent"])
    services.save_answers(response=draft, actor=shared.office_user(areas["gwent"]),
                          answers=factories.answer_text("Draft text."), consent=False,
                          based_on=0)

    texts = analysable_texts(request)

    assert sorted(t.text for t in texts) == ["Accepted text.", "Published text.",
                                            "Submitted text."]


def test_source_text_carries_what_the_themes_app_needs(issued, areas):
    response = _submitted(issued, areas["essex"], "First paragraph.\n\n* one\n* two",
                          attach=files.docx_bytes(paragraphs=["Report"], bullets=["Point"]))

    answer, attachment = analysable_texts(issued)

    assert answer == SourceText(
        response_id=response.pk, area_slug="essex", area_name="Essex", source_kind="answer",
        source_id="q1", label="Support before and after the NRM",
        version_id=response.submitted_version.pk, text="First paragraph.\n\n- one\n\n- two",
        url=f"/requests/{issued.slug}/responses/essex/#answer-q1", is_demo=False)
    assert attachment.source_kind == "attachment"
    assert attachment.label == "evidence.docx"
    assert attachment.text == "Report\n\n- Point"
    assert attachment.url.endswith(f"#attachment-{attachment.source_id}")
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.text = "changed"  # type: ignore[misc]


def test_texts_are_those_submitted_not_later_edits(issued, areas, apcc_coordinator):
    response = _submitted(issued, areas["essex"], "As submitted.")
    services.return_response(response=response, actor=apcc_coordinator, note="Change")
    response.refresh_from_db()
    services.save_answers(response=response, actor=shared.office_user(areas["essex"]),
                          answers=factories.answer_text("Second go."), consent=True,
                          based_on=response.version_number)

    assert analysable_texts(issued) == []
    response.refresh_from_db()
    services.submit_response(response=response, actor=shared.office_user(areas["essex"]),
                             based_on=response.version_number)
    assert [t.text for t in analysable_texts(issued)] == ["Second go."]


def test_removed_attachments_are_left_out(issued, areas):
    response = issued.responses.get(area=areas["essex"])
    editor = shared.office_user(areas["essex"])
    services.save_answers(response=response, actor=editor, consent=True, based_on=0,
                          answers=factories.answer_text("Text."))
    attachment = services.attach_document(response=response, actor=editor,
                                          data=b"Old notes", filename="old.txt")
    services.remove_attachment(attachment=attachment, actor=editor)
    services.submit_response(response=response, actor=editor, based_on=1)

    assert [t.source_kind for t in analysable_texts(issued)] == ["answer"]
    attachment.refresh_from_db()
    assert attachment.removed_at is not None
    assert attachment.file.storage.exists(attachment.file.name)


def test_response_url_and_anchor_scheme(essex_response):
    assert essex_response.get_absolute_url() == (
        f"/requests/{essex_response.request.slug}/responses/essex/")
    assert essex_response.answer_url("q2").endswith("/responses/essex/#answer-q2")
