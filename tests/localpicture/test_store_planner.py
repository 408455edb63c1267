"""After a large import on PostgreSQL the planner knows how big the figures table is."""

from __future__ import annotations

import pytest
from django.db import connection

from antislavery.localpicture.models import Observation
from antislavery.localpicture.services import import_statistics
from antislavery.localpicture.services.storing import ANALYZE_AFTER_ROWS
from tests.localpicture.store_helpers import tidy_csv

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _planner_rows() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s",
                       [Observation._meta.db_table])
        return cursor.fetchone()[0]


def test_a_large_import_refreshes_the_planners_statistics(areas):
    # given: statistics that say the table is empty (as after earlier rolled-back work)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Observation._meta.db_table}")
    assert _planner_rows() <= 0
    slugs = sorted(slug for slug, area in areas.items() if area.territorial)
    months = [f"{year}-{month:02d}" for year in range(2010, 2026) for month in range(1, 13)]
    rows = [("home-office-nrm", month, slug, "nrm_referrals", "", 5, "")
            for slug in slugs for month in months]
    assert len(rows) >= ANALYZE_AFTER_ROWS

    # when
    import_statistics(data=tidy_csv(rows), file_name="large.csv", actor=None)

    # then
    assert _planner_rows() >= len(rows) * 0.9
