from __future__ import annotations

import pytest
from django.core.cache import cache

from . import scenario as scenario_module


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.API_RATE_LIMIT_REQUESTS = 10_000
    settings.DISCLOSURE_THRESHOLD = scenario_module.K
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scenario(areas):
    return scenario_module.build(areas)
