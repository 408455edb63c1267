"""The analysis, coding and passage pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from antislavery.returns import services as returns
from antislavery.themes import selectors
from antislavery.themes.models import Coding, Passage, Suggestion
from antislavery.themes.services import code_passage
from tests import factories as shared

pytestmark = pytest.mark.django_db


def passages(request_) -> list[Passage]:
    return list(selectors.current_passages(request_))


def test_coding_page_shows_the_passage_suggestions_reasons_and_progress(client, apcc,
                                                                        analysed):
    passage = Passage.objects.get(area__slug="essex", position=1)
    client.force_login(apcc)

    page = client.get(reverse("themes:code", args=[passage.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "0 of 6 passages coded" in html
    assert "Passage from Essex" in html
    assert "Interpreters are booked for every meeting" in html
    assert "Challenge: language (" in html
    assert "Mentions \u201cInterpreters\u201d" in html
    assert 'accesskey="s"' in html
    assert 'accesskey="a"' in html
    assert 'data-shortcut="1"' in html
    assert "js/themes-coding.mjs" in html


def test_saving_codes_moves_on_to_the_next_passage(client, apcc, analysed):
    first, second = passages(analysed)[:2]
    client.force_login(apcc)

    page = client.post(reverse("themes:code", args=[first.pk]),
                       {"action": "save", "suggested": [], "themes": ["covid"]})

    assert page.status_code == 302
    assert page["Location"] == reverse("themes:code", args=[second.pk])
    assert selectors.decided_codes(first) == {"covid"}
    assert "1 of 6 passages coded" in client.get(page["Location"]).content.decode()


def test_accept_button_takes_every_suggestion(client, apcc, analysed):
    passage = passages(analysed)[0]
    client.force_login(apcc)

    client.post(reverse("themes:code", args=[passage.pk]), {"action": "accept"})

    assert selectors.decided_codes(passage) == {s.label for s in
                                                selectors.current_suggestions(passage)}


def test_no_codes_button_rejects_everything(client, apcc, analysed):
    passage = passages(analysed)[0]
    client.force_login(apcc)

    client.post(reverse("themes:code", args=[passage.pk]),
                {"action": "none", "themes": ["covid"]})

    assert selectors.decided_codes(passage) == set()


def test_a_code_not_offered_is_an_error_and_nothing_is_saved(client, apcc, analysed):
    passage = passages(analysed)[0]
    client.force_login(apcc)

    page = client.post(reverse("themes:code", args=[passage.pk]),
                       {"action": "save", "themes": ["weather"]})

    assert page.status_code == 400
    assert "Error:" in page.content.decode()
    assert not Coding.objects.exists()


def test_the_last_passage_coded_returns_to_the_analysis(client, apcc, analysed):
    client.force_login(apcc)
    every = passages(analysed)
    for passage in every[:-1]:
        code_passage(passage=passage, actor=apcc, codes=set())

    page = client.post(reverse("themes:code", args=[every[-1].pk]), {"action": "none"})

    assert page["Location"] == reverse("themes:analysis", args=[analysed.slug])
    assert "6 of 6 passages coded" in client.get(page["Location"]).content.decode()


def test_office_staff_and_the_public_cannot_code(client, analysed, essex_editor):
    passage = passages(analysed)[0]

    anonymous = client.get(reverse("themes:code", args=[passage.pk]))
    client.force_login(essex_editor)
    editor = client.post(reverse("themes:code", args=[passage.pk]), {"action": "none"})

    assert anonymous.status_code == 302
    assert editor.status_code == 403
    assert not Coding.objects.exists()


def hand_suggest(passage: Passage, codes: set[str]) -> None:
    """Replace what the machine says about a passage with a known answer."""
    Suggestion.objects.bulk_create(Suggestion(
        passage=passage, label=code, confidence=0.9, model_confidence=0.9, reason="Test.",
        model_version="hand") for code in codes)
    passage.suggested_with = "hand"
    passage.save(update_fields=["suggested_with"])


def test_analysis_page_shows_kappa_between_coders_and_between_machine_and_people(
        client, apcc, analysed):
    # Six passages. First coder gives covid to 0,1,2; second to 0,1,3; the machine to 0,3.
    # Coders: both 2, one each 1 and 1, neither 2: kappa = (4/6 - 1/2) / (1/2) = 0.33.
    # Machine against first coder: both 1 (p0), machine only 1 (p3), coder only 2 (p1, p2),
    # neither 2 (p4, p5): observed 3/6; chance = (2/6)(3/6) + (4/6)(3/6) = 1/2; kappa 0.00.
    second_coder = shared.coordinator()
    every = passages(analysed)
    for index, passage in enumerate(every):
        hand_suggest(passage, {"covid"} if index in (0, 3) else set())
        code_passage(passage=passage, actor=apcc,
                     codes={"covid"} if index in (0, 1, 2) else set())
        code_passage(passage=passage, actor=second_coder, round=2,
                     codes={"covid"} if index in (0, 1, 3) else set())
    client.force_login(apcc)

    page = client.get(reverse("themes:analysis", args=[analysed.slug]))

    html = page.content.decode()
    row = html[html.index("Challenge: the pandemic</th>", html.index('id="agreement"')):]
    row = row[:row.index("</tr>")]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">0.00</td>' in row
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">0.33</td>' in row
    assert "6 of 6 passages coded" in html
    report = selectors.agreement_report(analysed)
    covid = next(a for a in report.between_coders if a.code == "covid")
    assert covid.kappa == pytest.approx((4 / 6 - 0.5) / 0.5)


def test_other_national_bodies_may_read_the_analysis_but_not_code(client, analysed):
    from antislavery.areas.models import Organisation

    iasc = shared.UserFactory(role="coordinator",
                              organisation=Organisation.objects.get(slug="iasc"))
    client.force_login(iasc)

    page = client.get(reverse("themes:analysis", args=[analysed.slug]))

    assert page.status_code == 200
    assert "Start coding" not in page.content.decode()


def test_passage_page_follows_who_may_read_the_response(client, apcc, analysed, areas,
                                                        essex_editor, surrey_editor):
    passage = Passage.objects.get(area__slug="essex", position=0)
    url = reverse("themes:passage", args=[passage.pk])

    public = client.get(url)
    client.force_login(surrey_editor)
    other_office = client.get(url)
    client.force_login(essex_editor)
    own_office = client.get(url)
    client.force_login(apcc)
    coordinator = client.get(url)

    assert public.status_code in (403, 302, 404)
    assert other_office.status_code == 403
    assert own_office.status_code == 200
    assert "The machine's suggestions" not in own_office.content.decode()
    assert coordinator.status_code == 200
    assert "The machine's suggestions" in coordinator.content.decode()


def test_passages_of_a_published_response_are_public(client, apcc, analysed, areas):
    response = analysed.responses.get(area=areas["essex"])
    returns.accept_response(response=response, actor=apcc)
    returns.publish_response(response=response, actor=apcc)
    passage = Passage.objects.get(area__slug="essex", position=0)

    page = client.get(reverse("themes:passage", args=[passage.pk]))

    assert page.status_code == 200
    assert "two independent victim navigators" in page.content.decode()


def test_coding_page_lists_the_areas_a_passage_names(client, apcc, analysed, areas):
    from antislavery.themes.services import analyse_request
    from tests.themes.conftest import submit

    submit(analysed, areas["dorset"], "We share a survivor navigator with Hampshire and "
                                      "the Devon and Cornwall office across the region.")
    analyse_request(request=analysed)
    passage = Passage.objects.get(area__slug="dorset")
    client.force_login(apcc)

    page = client.get(reverse("themes:code", args=[passage.pk]))

    assert "Areas named in the passage: Hampshire, Devon and Cornwall" in page.content.decode()


LANGUAGE_REASON = "Concerns interpreting, translation or victims' languages."


def test_suggestion_reasons_are_shown_in_the_reader_s_language(client, apcc, analysed,
                                                              monkeypatch):
    from antislavery.themes.engine.suggest import MENTIONS, RESEMBLES

    # given a catalogue that translates the sentences of a reason and a rule's reason
    catalogue = {MENTIONS: "[cy] %(phrases)s: %(reasons)s",
                 RESEMBLES: "[cy] \u201c%(example)s\u201d (%(ids)s).",
                 LANGUAGE_REASON: "[cy] cyfieithu."}
    monkeypatch.setattr(selectors, "gettext", lambda text: catalogue.get(text, text))
    passage = Passage.objects.get(area__slug="essex", position=1)
    stored = Suggestion.objects.get(passage=passage, label="language_barriers")
    client.force_login(apcc)

    # when the coordinator opens the coding page and the passage page
    coding = client.get(reverse("themes:code", args=[passage.pk])).content.decode()
    reading = client.get(reverse("themes:passage", args=[passage.pk])).content.decode()

    # then the reason is put together from translated sentences around the passage's own
    # words, and the English given at the time stays on record
    for html in (coding, reading):
        assert "[cy] \u201cInterpreters\u201d, \u201clanguage\u201d: [cy] cyfieithu. [cy] \u201c" \
            in html
        assert "Mentions \u201cInterpreters\u201d" not in html
    assert stored.rule_reasons == [LANGUAGE_REASON]
    assert stored.reason.startswith("Mentions \u201cInterpreters\u201d, \u201clanguage\u201d: "
                                    f"{LANGUAGE_REASON} Resembles coded passages")
