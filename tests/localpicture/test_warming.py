"""After an import, every area's public picture is drawn in the background before anyone asks."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from antislavery.localpicture.analysis.picture import area_picture
from antislavery.localpicture.services import import_statistics
from antislavery.localpicture.warming import WARM_PRIORITY, queue_warming, warming_deferred
from tests.localpicture.store_helpers import tidy_csv

pytestmark = pytest.mark.django_db

QUARTERS = [f"{year}-Q{q}" for year in (2023, 2024) for q in (1, 2, 3, 4)]


def _essex_file() -> bytes:
    return tidy_csv([("home-office-nrm", quarter, "Essex", "nrm_referrals", "", 20 + i, "")
                     for i, quarter in enumerate(QUARTERS)])


def _charts_cached(area) -> str | None:
    # In the language a request without preferences gets (what the middleware activates).
    with translation.override(translation.get_supported_language_variant("en-gb")):
        picture = area_picture(area, user=AnonymousUser())
    return cache.get(f"{picture.key}:charts")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_an_import_draws_each_areas_public_picture_into_the_cache(
        areas, settings, django_capture_on_commit_callbacks):
    # given: warming on, tasks run at once (the test settings' backend)
    settings.LOCALPICTURE_WARM_AFTER_IMPORT = True
    essex = areas["essex"]
    # when
    with django_capture_on_commit_callbacks(execute=True):
        import_statistics(data=_essex_file(), file_name="essex.csv", actor=None)
    # then: the charts an anonymous visitor gets are already drawn, for the new figures
    html = _charts_cached(essex)
    assert html is not None
    assert "<svg" in html
    assert "27" in html  # the newest quarter's figure is in the drawn table


def test_after_warming_a_visitor_gets_the_area_page_without_drawing_anything(
        areas, client, settings, monkeypatch, django_capture_on_commit_callbacks):
    from antislavery.localpicture import charts

    settings.LOCALPICTURE_WARM_AFTER_IMPORT = True
    with django_capture_on_commit_callbacks(execute=True):
        import_statistics(data=_essex_file(), file_name="essex.csv", actor=None)

    def no_drawing(*args, **kwargs):
        raise AssertionError("a chart was drawn for the visitor")

    monkeypatch.setattr(charts, "svg", no_drawing)
    monkeypatch.setattr(charts, "picture_charts", no_drawing)
    page = client.get("/areas/essex/")

    assert page.status_code == 200
    assert "<svg" in page.content.decode()


def test_warming_is_queued_at_low_priority_for_every_territorial_area(areas, settings):
    settings.LOCALPICTURE_WARM_AFTER_IMPORT = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    queued = queue_warming()

    rows = DBTaskResult.objects.filter(task_path__endswith="warm_area_picture")
    assert queued == 43
    assert rows.count() == 43
    assert set(rows.values_list("priority", flat=True)) == {WARM_PRIORITY}


def test_nothing_is_warmed_when_warming_is_off_or_the_import_is_a_dry_run(
        areas, settings, django_capture_on_commit_callbacks):
    settings.LOCALPICTURE_WARM_AFTER_IMPORT = True
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_statistics(data=_essex_file(), file_name="essex.csv", actor=None, dry_run=True)
    assert callbacks == []

    settings.LOCALPICTURE_WARM_AFTER_IMPORT = False
    assert queue_warming() == 0


def test_imports_in_a_deferred_block_queue_one_round_at_its_end(areas, settings):
    settings.LOCALPICTURE_WARM_AFTER_IMPORT = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    rows = DBTaskResult.objects.filter(task_path__endswith="warm_area_picture")

    with warming_deferred():
        assert queue_warming() == 0
        assert queue_warming() == 0
        assert rows.count() == 0

    assert rows.count() == 43
