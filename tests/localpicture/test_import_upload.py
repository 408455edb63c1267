"""The upload page: who may use it, the background import, progress, problems listed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from antislavery.accounts.models import AuditEntry
from antislavery.localpicture.models import ImportJob, Observation, Release

from .store_helpers import store_dump, tidy_csv

pytestmark = pytest.mark.django_db

UPLOAD = reverse("localpicture:upload")


def _file(rows, name="figures.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tidy_csv(rows), content_type="text/csv")


def _post(client, django_capture_on_commit_callbacks, data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(UPLOAD, data)


def test_coordinator_upload_imports_in_the_background_and_shows_the_counts(
        client, coordinator, areas, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    rows = [["home-office-nrm", "2023-Q4", "Essex", "nrm_referrals", "", "412", ""],
            ["home-office-nrm", "2023-Q4", "Kent", "nrm_referrals", "", "390", ""]]

    response = _post(client, django_capture_on_commit_callbacks,
                     {"file": _file(rows), "title": "NRM Q4 2023", "visibility": "public"})

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == job.get_absolute_url()
    assert (job.status, job.rows_read, job.rows_total) == ("done", 2, 2)
    assert job.release.title == "NRM Q4 2023"
    assert job.release.visibility == "public"
    page = client.get(job.get_absolute_url())
    assert "Statistics imported" in page.content.decode()
    assert AuditEntry.objects.filter(action="statistics.import").count() == 1


def test_office_editor_upload_is_private_to_the_office_by_default(
        client, essex_editor, essex_viewer, surrey_editor, django_capture_on_commit_callbacks):
    client.force_login(essex_editor)

    _post(client, django_capture_on_commit_callbacks, {
        "file": _file([["", "2024-Q1", "Essex", "recorded_crimes", "", "12", ""]]),
        "visibility": "private"})

    release = Release.objects.get()
    assert (release.visibility, release.owner_area.slug) == ("private", "essex")
    assert (release.source.slug, release.source.kind, release.source.protected) == (
        "local-essex", "local", True)
    assert release.imported_by == essex_editor
    viewer, other = Client(), Client()
    viewer.force_login(essex_viewer)
    other.force_login(surrey_editor)
    assert viewer.get(release.get_absolute_url()).status_code == 200
    assert other.get(release.get_absolute_url()).status_code == 403
    assert Client().get(release.get_absolute_url()).status_code == 302


def test_office_editor_cannot_upload_another_areas_figures(
        client, essex_editor, django_capture_on_commit_callbacks):
    client.force_login(essex_editor)
    before = store_dump()

    _post(client, django_capture_on_commit_callbacks, {
        "file": _file([["", "2024-Q1", "Essex", "recorded_crimes", "", "12", ""],
                       ["", "2024-Q1", "Kent", "recorded_crimes", "", "7", ""]]),
        "visibility": "public"})

    job = ImportJob.objects.get()
    assert job.status == "rejected"
    assert "its own area only" in job.result["errors"][0]["message"]
    assert store_dump() == before


def test_rejected_upload_lists_every_problem_by_row_and_column(
        client, coordinator, areas, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    before = store_dump()

    _post(client, django_capture_on_commit_callbacks, {"file": _file([
        ["home-office-nrm", "2023-Q4", "Atlantis", "nrm_referrals", "", "4", ""],
        ["home-office-nrm", "2023-Q7", "Kent", "nrm_referrals", "", "-2", ""],
    ]), "visibility": "public"})

    job = ImportJob.objects.get()
    page = client.get(job.get_absolute_url()).content.decode()
    assert job.status == "rejected"
    assert [(e["row"], e["column"]) for e in job.result["errors"]] == [
        (2, "area"), (3, "period"), (3, "value")]
    assert "<title>Error:" in page
    assert "&#x27;Atlantis&#x27; is not a police force area." in page
    assert "Nothing was changed" in page
    assert store_dump() == before


def test_office_viewer_and_public_cannot_upload(client, essex_viewer):
    assert client.get(UPLOAD).status_code == 302
    client.force_login(essex_viewer)

    response = client.post(UPLOAD, {"file": _file([["", "2024", "Essex", "population", "",
                                                     "1", ""]]), "visibility": "private"})

    assert response.status_code == 403
    assert not ImportJob.objects.exists()


def test_upload_without_a_file_shows_errors(client, coordinator):
    client.force_login(coordinator)

    response = client.post(UPLOAD, {"visibility": "public"})

    assert response.status_code == 400
    assert "<title>Error:" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_private_upload_by_a_coordinator_needs_an_office(client, coordinator, areas):
    client.force_login(coordinator)

    response = client.post(UPLOAD, {"file": _file([["home-office-nrm", "2024", "Essex",
                                                     "population", "", "1", ""]]),
                                    "visibility": "private"})

    assert response.status_code == 400
    assert "Choose the office the figures are private to." in response.content.decode()


def test_upload_over_the_size_limit_is_refused_by_the_form(client, coordinator, settings):
    settings.STATS_MAX_UPLOAD_BYTES = 10
    client.force_login(coordinator)

    response = client.post(UPLOAD, {"file": _file([["home-office-nrm", "2024", "Essex",
                                                     "population", "", "1", ""]]),
                                    "visibility": "public"})

    assert response.status_code == 400
    assert not ImportJob.objects.exists()


def test_upload_without_csrf_token_is_refused(coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)

    response = client.post(UPLOAD, {"file": _file([["home-office-nrm", "2024", "Essex",
                                                     "population", "", "1", ""]]),
                                    "visibility": "public"})

    assert response.status_code == 403
    assert not ImportJob.objects.exists()


def test_progress_page_of_a_running_import_refreshes_itself(
        client, coordinator, essex_editor):
    job = ImportJob.objects.create(created_by=coordinator, file_name="big.csv",
                                   upload="statistics-uploads/big.csv",
                                   status=ImportJob.Status.RUNNING, rows_read=250_000,
                                   rows_total=500_000)
    client.force_login(coordinator)

    page = client.get(job.get_absolute_url()).content.decode()

    assert '<meta http-equiv="refresh" content="3">' in page
    assert "250,000 of 500,000 rows read (50%)" in page
    assert "Refresh now" in page
    other = Client()
    other.force_login(essex_editor)
    assert other.get(job.get_absolute_url()).status_code == 403


def test_release_pages_show_counts_and_the_synthetic_warning(client, areas):
    from antislavery.localpicture.services import ImportOptions, import_statistics

    release = import_statistics(
        data=tidy_csv([["home-office-nrm", "2023", "Essex", "nrm_referrals", "", "1", ""]]),
        file_name="demo.csv", actor=None,
        options=ImportOptions(synthetic=True, title="Demo figures")).release

    listing = client.get(reverse("localpicture:releases")).content.decode()
    detail = client.get(release.get_absolute_url()).content.decode()

    assert "Demo figures" in listing
    assert "Synthetic" in listing
    assert "These figures are synthetic" in detail
    assert Observation.objects.get().synthetic is True


def test_format_page_lists_the_vocabulary(client, db):
    page = client.get(reverse("localpicture:format")).content.decode()

    assert "nrm_referrals" in page
    assert "helpline_potential_victims" in page
    assert "county_lines" in page
    assert "domestic_servitude" in page
