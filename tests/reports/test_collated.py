"""The collated report of a request: structure, selection, editing, permissions, downloads."""

from __future__ import annotations

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document

from antislavery.accounts.models import AuditEntry
from antislavery.errors import NotPermitted
from antislavery.reports import collated, services
from antislavery.reports.models import CollatedReport, ReportItem
from antislavery.returns import services as returns
from antislavery.returns.models import ResponseVersion
from antislavery.themes.models import Passage
from antislavery.themes.services import code_passage

pytestmark = pytest.mark.django_db


def section(document, code):
    for group in document.sections:
        for child in group.children:
            if child.code == code:
                return child
    return None


def test_report_counts_responses_and_names_who_did_not_respond(analysed):
    document = collated.build_document(analysed)

    assert document.title == "Support outside the NRM: collated report"
    assert document.introduction == "The inspectorate asked commissioners to report."
    assert (document.responses_received, document.recipients) == (3, 4)
    assert document.non_respondents == ["Dorset"]
    assert document.summary.startswith("3 of the 4 areas asked responded.")
    assert [row[0] for row in document.annex.rows] == ["Cumbria", "Essex", "Surrey"]


def test_default_sections_use_confident_suggestions_led_by_the_right_area(analysed):
    document = collated.build_document(analysed)

    assert [g.code for g in document.sections] == ["response", "challenge"]
    accommodation = section(document, "accommodation")
    assert [e.area_name for e in accommodation.examples] == ["Surrey"]
    assert accommodation.examples[0].text.startswith("Finding somewhere safe")
    scrutiny = section(document, "scrutiny")
    assert [e.area_name for e in scrutiny.examples] == ["Cumbria"]
    for group in document.sections:
        for child in group.children:
            for example in child.examples:
                passage = Passage.objects.get(pk=int(example.url.rstrip("/").split("/")[-1]))
                assert passage.area.name == example.area_name
                assert passage.response.area.name == example.area_name


def test_an_example_keeps_the_lead_in_that_introduces_it_but_not_a_section_heading(
        answered, areas, apcc):
    from antislavery.themes.services import analyse_request
    from tests.themes.conftest import submit

    # given Dorset's answer: a heading, then a lead-in and the points it introduces
    submit(answered, areas["dorset"],
           "Accommodation\n\nBefore an NRM referral, our hub offers each person:\n\n"
           "- two nights in a safe house;\n- food and clothing.")
    analyse_request(request=answered)
    passage = Passage.objects.get(area__slug="dorset")
    report = services.start_report(request=answered, actor=apcc)

    # when it is shown by default and when a coordinator adds it to a section
    shown = section(collated.build_document(answered), "accommodation").examples
    item = services.add_example(report=report, actor=apcc, theme="accommodation",
                                passage=passage)

    # then both quote the lead-in with the points, and leave the heading out
    quoted = ("Before an NRM referral, our hub offers each person: two nights in a safe house;"
              "\n- food and clothing.")
    assert passage.heading == "Accommodation \u2014 Before an NRM referral, our hub offers each " \
        "person:"
    assert [e.text for e in shown if e.area_name == "Dorset"] == [quoted]
    assert item.text == quoted


def test_people_s_coding_overrides_the_machine(analysed, apcc):
    surrey_covid = Passage.objects.get(area__slug="surrey", position=1)
    code_passage(passage=surrey_covid, actor=apcc, codes={"victim_engagement"})

    document = collated.build_document(analysed)

    assert section(document, "covid") is None
    engagement = section(document, "victim_engagement")
    assert engagement.examples[0].text.startswith("The Covid pandemic delayed trials")


def test_coordinator_picks_orders_and_rewords_examples(analysed, apcc):
    report = services.start_report(request=analysed, actor=apcc)
    essex = Passage.objects.get(area__slug="essex", position=0)
    cumbria = Passage.objects.get(area__slug="cumbria", position=0)
    first = services.add_example(report=report, actor=apcc, theme="victim_support",
                                 passage=essex)
    second = services.add_example(report=report, actor=apcc, theme="victim_support",
                                  passage=cumbria)

    services.move_example(item=second, actor=apcc, up=True)
    services.edit_example(item=first, actor=apcc, text="Essex funds **two** navigators.")

    examples = section(collated.build_document(analysed, report), "victim_support").examples
    assert [(e.area_name, e.text) for e in examples] == [
        ("Cumbria", cumbria.text), ("Essex", "Essex funds **two** navigators.")]
    services.remove_example(item=second, actor=apcc)
    examples = section(collated.build_document(analysed, report), "victim_support").examples
    assert [e.area_name for e in examples] == ["Essex"]
    assert ReportItem.objects.filter(pk=second.pk, removed_at__isnull=False).exists()


def test_rewording_an_example_leaves_the_response_and_passage_unchanged(analysed, apcc,
                                                                         areas):
    response = analysed.responses.get(area=areas["essex"])
    answers_before = [v.answers for v in ResponseVersion.objects.filter(response=response)]
    passage = Passage.objects.get(area__slug="essex", position=0)
    text_before = passage.text
    report = services.start_report(request=analysed, actor=apcc)
    item = services.add_example(report=report, actor=apcc, theme="victim_support",
                                passage=passage)

    services.edit_example(item=item, actor=apcc, text="Shortened wording for the report.")

    passage.refresh_from_db()
    assert passage.text == text_before
    assert [v.answers for v in ResponseVersion.objects.filter(response=response)] == \
        answers_before
    assert ReportItem.objects.get(pk=item.pk).text == "Shortened wording for the report."
    assert AuditEntry.objects.filter(action="report.example.edit").get().before == {
        "text": text_before}


def test_keeping_the_default_selection_makes_it_editable(analysed, apcc):
    report = services.start_report(request=analysed, actor=apcc)
    defaults = section(collated.build_document(analysed, report), "accommodation").examples

    items = services.keep_defaults(report=report, actor=apcc, theme="accommodation")

    assert [i.passage.area.name for i in items] == [e.area_name for e in defaults]
    assert [i.text for i in items] == [e.text for e in defaults]


def test_office_editors_cannot_change_a_report(analysed, essex_editor, apcc):
    with pytest.raises(NotPermitted):
        services.start_report(request=analysed, actor=essex_editor)
    report = services.start_report(request=analysed, actor=apcc)
    passage = Passage.objects.get(area__slug="essex", position=0)

    with pytest.raises(NotPermitted):
        services.add_example(report=report, actor=essex_editor, theme="victim_support",
                             passage=passage)

    assert not report.items.exists()


def test_the_public_reads_only_a_published_report_and_only_public_passages_are_linked(
        client, analysed, apcc, areas):
    url = reverse("reports:collated", args=[analysed.slug])
    assert client.get(url).status_code == 404
    essex = analysed.responses.get(area=areas["essex"])
    returns.accept_response(response=essex, actor=apcc)
    returns.publish_response(response=essex, actor=apcc)
    report = services.start_report(request=analysed, actor=apcc)
    services.publish_report(report=report, actor=apcc)

    page = client.get(url)

    html = page.content.decode()
    assert page.status_code == 200
    essex_passage = Passage.objects.get(area__slug="essex", position=0)
    surrey_passage = Passage.objects.get(area__slug="surrey", position=0)
    assert f"/themes/passages/{essex_passage.pk}/" in html
    assert f"/themes/passages/{surrey_passage.pk}/" not in html
    assert "<strong>Surrey</strong>" in html
    assert "Examples in each section" not in html


def test_report_page_for_coordinators_has_headings_counts_bold_linked_areas(client, apcc,
                                                                           analysed):
    client.force_login(apcc)

    page = client.get(reverse("reports:collated", args=[analysed.slug]))

    html = page.content.decode()
    passage = Passage.objects.get(area__slug="surrey", position=0)
    assert page.status_code == 200
    for heading in ("Introduction", "Responses received", "Executive summary", "Challenges",
                    "Accommodation", "Annex: themes raised by each area"):
        assert f">{heading}</h" in html
    assert "3 of 4 areas responded." in html
    assert "No response had been received from Dorset." in html
    assert (f'<a class="govuk-link" href="http://testserver/themes/passages/{passage.pk}/">'
            "<strong>Surrey</strong></a>") in html
    assert "Examples in each section" in html


@pytest.mark.parametrize(("fmt", "content_type"), [
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("html", "text/html; charset=utf-8"),
    ("md", "text/markdown; charset=utf-8"),
])
def test_downloads(client, apcc, analysed, fmt, content_type):
    client.force_login(apcc)

    download = client.get(reverse("reports:download", args=[analysed.slug, fmt]))

    assert download.status_code == 200
    assert download["Content-Type"] == content_type
    assert f'filename="{analysed.slug}-report.{fmt}"' in download["Content-Disposition"]
    if fmt == "docx":
        assert Document(BytesIO(download.content)).paragraphs[0].text.startswith("Support")
    else:
        assert "3 of 4 areas responded." in download.content.decode()


def test_edit_pages_save_text_and_reword_examples(client, apcc, analysed):
    client.force_login(apcc)

    saved = client.post(reverse("reports:edit-text", args=[analysed.slug]), {
        "title": "Our report", "introduction": "Why we asked.", "summary": "What we found."})
    passage = Passage.objects.get(area__slug="surrey", position=0)
    client.post(reverse("reports:add-example", args=[analysed.slug, "accommodation",
                                                     passage.pk]))
    item = ReportItem.objects.get(passage=passage, theme="accommodation")
    reworded = client.post(reverse("reports:edit-example", args=[item.pk]),
                           {"text": "Hotels are the only option."})
    empty = client.post(reverse("reports:edit-example", args=[item.pk]), {"text": " "})

    assert saved.status_code == 302
    assert CollatedReport.objects.get().title == "Our report"
    assert reworded.status_code == 302
    assert empty.status_code == 400
    assert ReportItem.objects.get(pk=item.pk).text == "Hotels are the only option."


def test_report_command_writes_each_format(tmp_path, analysed):
    out = tmp_path / "report.md"
    stdout = StringIO()

    call_command("report", "collated", analysed.slug, "--format", "md", "-o", str(out),
                 "--base-url", "https://toolkit.example.org/", stdout=stdout)

    text = out.read_text()
    assert "## Responses received" in text
    assert "](https://toolkit.example.org/themes/passages/" in text
    assert "3 of 4 areas responded" in stdout.getvalue()
    call_command("report", "collated", analysed.slug, "-o", str(tmp_path / "r.docx"),
                 stdout=StringIO())
    assert Document(str(tmp_path / "r.docx")).tables


def test_report_command_refuses_an_unknown_request(tmp_path):
    with pytest.raises(CommandError, match="There is no request 'nothing'"):
        call_command("report", "collated", "nothing", "-o", str(tmp_path / "x.md"))

    assert not (tmp_path / "x.md").exists()


def test_coordinators_are_warned_before_publishing_quotes_from_unpublished_responses(
        client, apcc, analysed, areas):
    client.force_login(apcc)
    url = reverse("reports:collated", args=[analysed.slug])
    essex = analysed.responses.get(area=areas["essex"])

    before = client.get(url).content.decode()
    returns.accept_response(response=essex, actor=apcc)
    returns.publish_response(response=essex, actor=apcc)
    after = client.get(url).content.decode()

    assert "The report quotes responses that are not published" in before
    assert "agreement: Cumbria, Essex, Surrey." in before
    assert "agreement: Cumbria, Surrey." in after


def test_publishing_a_report_is_audited_and_cannot_be_repeated(analysed, apcc):
    from antislavery.errors import InvalidTransition

    report = services.start_report(request=analysed, actor=apcc)
    services.publish_report(report=report, actor=apcc)

    with pytest.raises(InvalidTransition, match="already published"):
        services.publish_report(report=report, actor=apcc)

    assert AuditEntry.objects.filter(action="report.publish").count() == 1
    assert CollatedReport.objects.get().published_at is not None
