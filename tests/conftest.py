"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os

import pytest

from antislavery.areas.models import Area
from tests import factories


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_postgres = os.environ.get("TEST_DATABASE_URL", "").startswith("postgres")
    skip = pytest.mark.skip(reason="needs PostgreSQL (set TEST_DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, tmp_path) -> None:
    """Each test gets its own data and media folders."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_codebook() -> None:
    """The provision register keeps the codebook it read; each test reads its own database's."""
    from antislavery.provision.codes import forget_codebook

    forget_codebook()


@pytest.fixture
def areas(db) -> dict[str, Area]:
    """Every reference area, with offices, national bodies and preset groups, by slug."""
    from antislavery.areas.services import sync_reference_areas

    sync_reference_areas()
    return {area.slug: area for area in Area.objects.all()}


@pytest.fixture
def coordinator(db):
    return factories.coordinator()


@pytest.fixture
def administrator(db):
    return factories.administrator()


@pytest.fixture
def essex_editor(areas):
    return factories.office_user(areas["essex"])


@pytest.fixture
def essex_viewer(areas):
    from antislavery.accounts.models import Role

    return factories.office_user(areas["essex"], role=Role.OFFICE_VIEWER)


@pytest.fixture
def surrey_editor(areas):
    return factories.office_user(areas["surrey"])
