"""The pages: register, entry, forms, upload, matrix, library, gaps, area section."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from antislavery.accounts.models import AuditEntry
from antislavery.provision.models import Entry, EntryVersion
from tests.provision.factories import entry

pytestmark = pytest.mark.django_db


def counts():
    return (Entry.objects.count(), EntryVersion.objects.count(), AuditEntry.objects.count())


@pytest.fixture
def register(areas):
    """A public and a private entry for Essex, a public one for Surrey."""
    return {
        "public": entry(areas["essex"], title="Victim care navigators",
                        summary="Advocacy and emergency housing.", provider="Justice and Care",
                        nrm_stages=["before_nrm"], public=True),
        "private": entry(areas["essex"], title="Confidential safe house",
                         summary="Address known to the office only.", kind="accommodation",
                         nrm_stages=["before_nrm"], public=False),
        "surrey": entry(areas["surrey"], title="Surrey navigator", nrm_stages=["after_nrm"],
                        evaluation="independent", public=True),
    }


# --- the public never sees a private entry ---

def test_register_page_hides_private_entries_from_the_public(client, register):
    page = client.get(reverse("provision:index")).content.decode()
    assert "Victim care navigators" in page
    assert "Surrey navigator" in page
    assert "Confidential safe house" not in page


def test_search_does_not_find_private_entries_for_the_public(client, register):
    for words in ("safe house", "Confidential", "office only"):
        page = client.get(reverse("provision:index"), {"q": words}).content.decode()
        assert "Confidential safe house" not in page
        assert "0 entries" in page
    library = client.get(reverse("provision:library"), {"q": "safe house"}).content.decode()
    assert "Confidential safe house" not in library


def test_downloads_leave_out_private_entries_for_the_public(client, register):
    csv_text = client.get(reverse("provision:export", args=["csv"])).content.decode("utf-8-sig")
    assert "Victim care navigators" in csv_text
    assert "Confidential safe house" not in csv_text
    response = client.get(reverse("provision:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == ["Surrey navigator", "Victim care navigators"]


def test_a_private_entrys_page_does_not_exist_for_the_public(client, register):
    private = register["private"]
    assert client.get(reverse("provision:entry", args=[private.pk])).status_code == 404
    assert client.get(reverse("provision:history", args=[private.pk])).status_code == 404


def matrix_cells(client, slug):
    """The text of each stage's cell in an area's row of the matrix, as a screen reader
    reads it (hidden words included, tags and the decorative dash left out)."""
    page = client.get(reverse("provision:matrix")).content.decode()
    row = page.split(f'href="/provision/gaps/{slug}/"')[1].split("</tr>")[0]
    cells = [cell.split(">", 1)[1].split("</td")[0] for cell in row.split("<td")[1:]]
    cells = [re.sub(r'<span aria-hidden="true">.*?</span>', "", cell) for cell in cells]
    return [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in cells]


def test_area_page_and_matrix_do_not_show_or_count_private_entries(client, register,
                                                                   essex_viewer):
    area_page = client.get(reverse("areas:detail", args=["essex"])).content.decode()
    assert "Victim care navigators" in area_page
    assert "Confidential safe house" not in area_page
    # both Essex entries cover "before the NRM"; the public count holds only the public one
    assert matrix_cells(client, "essex")[0] == "1 running or pilot"
    client.force_login(essex_viewer)
    assert matrix_cells(client, "essex")[0] == "2 running or pilot"


def test_gap_page_for_the_public_counts_only_public_entries(client, register, essex_viewer):
    public = client.get(reverse("provision:gaps", args=["essex"]), {"format": "json"}).json()
    client.force_login(essex_viewer)
    office = client.get(reverse("provision:gaps", args=["essex"]), {"format": "json"}).json()
    codes = [f["code"] for f in public["findings"]]
    assert "no_emergency_accommodation" in codes
    assert "no_emergency_accommodation" not in [f["code"] for f in office["findings"]]
    assert public["provision_count"] == 1
    assert office["provision_count"] == 2


def test_the_areas_office_and_coordinators_see_private_entries(client, register,
                                                               essex_viewer, coordinator,
                                                               surrey_editor):
    for user, sees in ((essex_viewer, True), (coordinator, True), (surrey_editor, False)):
        client.force_login(user)
        page = client.get(reverse("provision:index"), {"q": "safe house"}).content.decode()
        assert ("Confidential safe house" in page) is sees
        csv_text = client.get(reverse("provision:export", args=["csv"])).content.decode()
        assert ("Confidential safe house" in csv_text) is sees


# --- the register's filters ---

def test_register_filters_by_stage_evaluation_and_area(client, register):
    url = reverse("provision:index")
    page = client.get(url, {"stage": "after_nrm"}).content.decode()
    assert "Surrey navigator" in page
    assert "Victim care navigators" not in page
    page = client.get(url, {"evaluation": "independent"}).content.decode()
    assert "Surrey navigator" in page
    assert "Victim care navigators" not in page
    page = client.get(url, {"area": "essex"}).content.decode()
    assert "Victim care navigators" in page
    assert "Surrey navigator" not in page


def test_a_filter_with_an_unknown_value_is_named_and_the_rest_still_apply(client, register):
    page = client.get(reverse("provision:index"), {"q": "navigator",
                                                   "stage": "bogus"}).content.decode()
    assert "Select a valid choice. bogus is not one of the available choices." in page
    assert "Victim care navigators" in page
    assert "Confidential safe house" not in page
    assert "2 entries" in page
    library = client.get(reverse("provision:library"), {"q": "Surrey",
                                                        "evidence": "9"}).content.decode()
    assert "Surrey navigator" in library
    assert "Victim care navigators" not in library


def test_a_download_with_an_unknown_filter_value_is_refused(client, register):
    response = client.get(reverse("provision:export", args=["csv"]), {"stage": "bogus"})
    assert response.status_code == 400
    assert "NRM stage: Select a valid choice." in response.content.decode()
    assert "attachment" not in response.get("Content-Disposition", "")


def test_search_matches_provider_words_in_any_case(client, register):
    page = client.get(reverse("provision:index"), {"q": "justice CARE"}).content.decode()
    assert "Victim care navigators" in page
    assert "Surrey navigator" not in page


def test_contracts_ending_within_six_months_are_flagged_and_filterable(client, areas):
    today = timezone.localdate()
    entry(areas["kent"], title="Ending soon", end=today + datetime.timedelta(days=60))
    entry(areas["kent"], title="Ending later", end=today + datetime.timedelta(days=400))
    page = client.get(reverse("provision:index"), {"ending_soon": "on"}).content.decode()
    assert "Ending soon" in page
    assert "Ending later" not in page
    assert "Ends within six months" in page
    csv_text = client.get(reverse("provision:export", args=["csv"])).content.decode("utf-8-sig")
    lines = {line.split(",")[2]: line for line in csv_text.splitlines()[1:]}
    assert lines["Ending soon"].endswith(",yes,no," + today.isoformat())
    assert ",no,no," in lines["Ending later"]


def test_matrix_counts_running_entries_and_planned_ones_separately(client, areas):
    entry(areas["essex"], nrm_stages=["before_nrm", "after_nrm"])
    entry(areas["essex"], nrm_stages=["before_nrm"], status="planned")
    cells = matrix_cells(client, "essex")
    assert cells == ["1 running or pilot (1 planned)", "none running", "1 running or pilot",
                     "none running"]


def test_matrix_headers_are_the_stages_with_a_key_and_rows_are_areas(client, areas):
    page = client.get(reverse("provision:matrix")).content.decode()
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', page)
    assert heads == ["Area", "Before", "During", "After", "Outside"]
    assert "<dt>Outside</dt><dd>For people who decline, or cannot have, a referral</dd>" in page
    assert page.count('<th scope="row"') == 43


# --- adding, changing, ending and withdrawing through the pages ---

FORM = {"title": "Exploitation ISVA", "kind": "specialist_post", "status": "running",
        "nrm_stages": ["before_nrm", "outside_nrm"], "victim_groups": ["adult"],
        "languages": "Polish; any", "evaluation": "internal", "start": "01/04/2020",
        "public": "on"}


def test_office_editor_adds_an_entry_through_the_form(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("provision:create", args=["essex"]), FORM)
    made = Entry.objects.get(title="Exploitation ISVA")
    assert response.status_code == 302
    assert response.url == made.get_absolute_url()
    assert made.languages == ["Polish", "any"]
    assert made.start == datetime.date(2020, 4, 1)
    assert made.versions.get().created_by == essex_editor


def test_invalid_form_shows_errors_with_status_400_and_saves_nothing(client, areas,
                                                                    essex_editor):
    client.force_login(essex_editor)
    before = counts()
    response = client.post(reverse("provision:create", args=["essex"]),
                           {**FORM, "title": "", "evaluation": "published",
                            "end": "2019-01-01"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page
    assert "Enter a title." in page
    assert "There is a problem" in page
    assert counts() == before


def test_service_rules_show_on_the_form(client, areas, essex_editor):
    client.force_login(essex_editor)
    before = counts()
    response = client.post(reverse("provision:create", args=["essex"]),
                           {**FORM, "evaluation": "published", "end": "2019-01-01"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Give the link to the published evaluation." in page
    assert "The end date must be on or after the start date." in page
    assert counts() == before


def test_another_office_cannot_add_or_change_an_areas_entries(client, register,
                                                              surrey_editor):
    client.force_login(surrey_editor)
    before = counts()
    assert client.post(reverse("provision:create", args=["essex"]), FORM).status_code == 403
    target = register["public"]
    response = client.post(reverse("provision:edit", args=[target.pk]), FORM)
    assert response.status_code == 403
    audits = counts()[2]
    assert counts()[:2] == before[:2]
    assert audits == before[2] + 2  # the two refusals are in the audit log
    assert AuditEntry.objects.filter(action="access.denied").count() == 2


def test_signed_out_visitor_is_sent_to_sign_in_to_add(client, areas):
    response = client.get(reverse("provision:create", args=["essex"]))
    assert response.status_code == 302
    assert "/sign-in/" in response.url


def test_editing_saves_a_version_and_history_shows_it(client, register, essex_editor):
    client.force_login(essex_editor)
    target = register["public"]
    client.post(reverse("provision:edit", args=[target.pk]),
                {**FORM, "title": "Victim care navigators (expanded)"})
    target.refresh_from_db()
    assert target.version_number == 2
    page = client.get(reverse("provision:history", args=[target.pk])).content.decode()
    assert "Version 2" in page
    assert "Victim care navigators (expanded)" in page
    # fields are named as people read them, not by their names in the code
    assert '<dt class="govuk-summary-list__key">NRM stages covered</dt>' in page
    assert "<code>nrm_stages</code>" not in page


def test_end_and_withdraw_pages_need_post_and_keep_the_entry(client, register, essex_editor):
    client.force_login(essex_editor)
    target = register["public"]
    response = client.post(reverse("provision:end", args=[target.pk]), {"end": "2025-03-31"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == "ended"
    response = client.post(reverse("provision:withdraw", args=[target.pk]), {"reason": ""})
    assert response.status_code == 400
    client.post(reverse("provision:withdraw", args=[target.pk]), {"reason": "Duplicate"})
    target.refresh_from_db()
    assert target.is_withdrawn
    page = client.get(reverse("provision:index")).content.decode()
    assert "Victim care navigators" not in page
    assert client.get(target.get_absolute_url()).status_code == 200


def test_forms_refuse_posts_without_a_csrf_token(areas, essex_editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(essex_editor)
    response = strict.post(reverse("provision:create", args=["essex"]), FORM)
    assert response.status_code == 403
    assert Entry.objects.count() == 0


# --- the upload page ---

UPLOAD = ("area,title,kind,nrm_stages,victim_groups,exploitation,languages,status,start,end,"
          "evaluation,public\n"
          "Essex,Go bags,fund,before_nrm,adult,,,running,,,none,yes\n")


def upload(client, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("provision:import"),
                       {"file": SimpleUploadedFile(name, data)})


def test_upload_page_imports_a_file(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = upload(client, "list.csv", UPLOAD.encode())
    assert response.status_code == 302
    assert Entry.objects.get().title == "Go bags"


def test_upload_page_says_which_columns_it_did_not_read(client, areas, essex_editor):
    client.force_login(essex_editor)
    header, row = UPLOAD.splitlines()
    response = upload(client, "list.csv", f"{header},Notes\n{row},ring first\n".encode())
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Columns not read, as they are not part of the format: notes." in page
    assert Entry.objects.get().title == "Go bags"


def test_upload_page_lists_every_problem_and_changes_nothing(client, areas, essex_editor):
    client.force_login(essex_editor)
    before = counts()
    bad = UPLOAD + "Wessex,Bad,navigator,,,,,running,,,none,maybe\n"
    response = upload(client, "list.csv", bad.encode())
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page
    assert "Nothing was imported" in page
    assert "&#x27;Wessex&#x27; is not a police force area." in page
    assert "<code>kind</code>" in page
    assert "<code>public</code>" in page
    assert counts() == before


def test_upload_page_refuses_a_file_that_lies_about_its_type(client, areas, essex_editor):
    client.force_login(essex_editor)
    before = counts()
    response = upload(client, "list.xlsx", UPLOAD.encode())
    assert response.status_code == 400
    assert "is called an Excel workbook (.xlsx) but is not one" in response.content.decode()
    assert counts() == before


def test_upload_page_is_for_editors_only(client, areas, essex_viewer):
    client.force_login(essex_viewer)
    assert client.get(reverse("provision:import")).status_code == 403


# --- the library ---

def test_library_lists_published_entries_best_evidence_first(client, register, areas):
    entry(areas["kent"], title="Kent partnership", kind="partnership_body",
          evaluation="published", evaluation_url="https://example.org/report")
    page = client.get(reverse("provision:library")).content.decode()
    order = [page.index(title) for title in ("Kent partnership", "Surrey navigator",
                                             "Victim care navigators")]
    assert order == sorted(order)
    assert "Evidence 4 of 4: Independently evaluated with published results" in page
    assert "Evidence 0 of 4: No evaluation" in page


def test_library_browses_by_theme_and_minimum_evidence(client, areas):
    entry(areas["kent"], title="Accommodation fund", kind="fund", themes=["accommodation"])
    entry(areas["kent"], title="Awareness campaign", kind="campaign", themes=["prevention"],
          evaluation="independent")
    url = reverse("provision:library")
    page = client.get(url, {"theme": "accommodation"}).content.decode()
    assert "Accommodation fund" in page
    assert "Awareness campaign" not in page
    page = client.get(url, {"evidence": "3"}).content.decode()
    assert "Awareness campaign" in page
    assert "Accommodation fund" not in page


def test_library_leaves_out_drafts_private_and_withdrawn_entries(client, areas, coordinator,
                                                                 administrator):
    from antislavery.provision.services import draft_entry_from_text, withdraw_entry

    entry(areas["kent"], title="Private thing", public=False)
    gone = entry(areas["kent"], title="Withdrawn thing")
    withdraw_entry(actor=administrator, entry=gone, reason="Wrong")
    draft_entry_from_text(actor=coordinator, area=areas["kent"], text="Drafted thing.",
                          source_label="", source_url="")
    entry(areas["kent"], title="Shown thing")
    client.force_login(coordinator)
    page = client.get(reverse("provision:library")).content.decode()
    assert "Shown thing" in page
    assert "Private thing" not in page
    assert "Withdrawn thing" not in page
    assert "Drafted thing" not in page


def test_entry_page_suggests_similar_practice(client, areas):
    target = entry(areas["essex"], title="Victim navigator for adults",
                   summary="A navigator supports adult victims through the NRM.",
                   nrm_stages=["before_nrm"])
    entry(areas["surrey"], title="Surrey victim navigator",
          summary="A navigator helps adult victims engage with police.",
          nrm_stages=["before_nrm"])
    entry(areas["kent"], title="Business network", kind="partnership_body",
          summary="Companies meet to discuss supply chains.")
    page = client.get(target.get_absolute_url()).content.decode()
    similar = page.split("Similar practice")[1]
    assert "Surrey victim navigator" in similar
    assert "Business network" not in similar  # nothing in common: not suggested


def test_private_entries_are_never_similar_practice_or_gap_examples(client, areas,
                                                                    coordinator):
    target = entry(areas["essex"], title="Victim navigator for adults",
                   summary="A navigator supports adult victims through the NRM.")
    entry(areas["surrey"], title="Hidden victim navigator for adults", public=False,
          summary="A navigator supports adult victims through the NRM.",
          nrm_stages=["before_nrm"])
    for user in (None, coordinator):
        if user is not None:
            client.force_login(user)
        page = client.get(target.get_absolute_url()).content.decode()
        assert "Hidden victim navigator" not in page
        gaps = client.get(reverse("provision:gaps", args=["kent"]), {"format": "json"}).json()
        before = next(f for f in gaps["findings"] if f["code"] == "no_support_before_nrm")
        assert before["examples"] == []


# --- the gap page ---

def test_gap_page_lists_findings_with_codes_and_downloads(client, areas):
    entry(areas["surrey"], title="Surrey outreach", nrm_stages=["outside_nrm"])
    page = client.get(reverse("provision:gaps", args=["essex"])).content.decode()
    assert "No support before a referral to the NRM" in page
    assert 'data-code="no_support_outside_nrm"' in page
    assert "Surrey outreach" in page
    response = client.get(reverse("provision:gaps", args=["essex"]), {"format": "docx"})
    document = Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Gaps in provision: Essex" in text
    assert "no_support_before_nrm" in text
    assert "Surrey: Surrey outreach" in text


def test_gap_page_redirects_an_alias_to_the_area(client, areas):
    response = client.get(reverse("provision:gaps", args=["essex-police"]))
    assert response.status_code == 302
    assert response.url == reverse("provision:gaps", args=["essex"])


def test_gap_page_for_an_unknown_area_is_not_found(client, areas):
    assert client.get(reverse("provision:gaps", args=["atlantis"])).status_code == 404


def test_demo_entries_turn_on_the_demo_notice(client, areas):
    made = entry(areas["essex"], title="Demo navigator")
    Entry.objects.filter(pk=made.pk).update(demo=True)
    for url in (reverse("provision:index"), made.get_absolute_url(),
                reverse("provision:library"), reverse("areas:detail", args=["essex"])):
        page = client.get(url).content.decode()
        assert "data-demo-notice" in page, url
        assert "Demonstration" in page, url


def test_admin_shows_entries_but_offers_no_change_or_delete(client, register, administrator):
    client.force_login(administrator)
    listing = client.get("/admin/provision/entry/")
    assert listing.status_code == 200
    assert "Victim care navigators" in listing.content.decode()
    target = register["public"]
    response = client.post(f"/admin/provision/entry/{target.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Entry.objects.filter(pk=target.pk).exists()


# --- a passage becomes a draft entry in one step ---

PASSAGE = {"area": "wiltshire", "text": "Wiltshire hands out go bags of clothes and toiletries "
           "at the point of contact, before a referral.", "source_label": "APCC update",
           "source_url": "/requests/1/responses/9#p4"}


def test_the_passage_button_makes_a_draft_and_opens_it(client, areas, coordinator):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = coordinator
    button = render_to_string("provision/_draft_button.html",
                              {**PASSAGE, "area": areas["wiltshire"]}, request=request)
    assert 'action="/provision/drafts/"' in button
    assert "csrfmiddlewaretoken" in button
    client.force_login(coordinator)
    response = client.post(reverse("provision:draft-from-passage"), PASSAGE)
    made = Entry.objects.get()
    assert response.status_code == 302
    assert response.url == made.get_absolute_url()
    assert (made.area.slug, made.draft, made.public) == ("wiltshire", True, False)
    assert made.source_url == "/requests/1/responses/9#p4"
    page = client.get(made.get_absolute_url()).content.decode()
    assert "Draft to check" in page
    assert "APCC update" in page


def test_the_passage_button_refuses_others_and_bad_requests(client, areas, surrey_editor,
                                                            coordinator):
    client.force_login(surrey_editor)
    assert client.post(reverse("provision:draft-from-passage"), PASSAGE).status_code == 403
    client.force_login(coordinator)
    assert client.get(reverse("provision:draft-from-passage")).status_code == 405
    response = client.post(reverse("provision:draft-from-passage"), {**PASSAGE, "text": " "})
    assert response.status_code == 400
    assert "The passage is empty" in response.content.decode()
    assert Entry.objects.count() == 0
