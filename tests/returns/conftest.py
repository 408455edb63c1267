"""Fixtures for the returns tests: a request issued to Essex, Surrey and Cumbria."""

from __future__ import annotations

import pytest

from antislavery.returns.models import Response
from tests import factories as shared
from tests.returns import factories


@pytest.fixture
def apcc_coordinator(areas):
    return shared.coordinator()


@pytest.fixture
def iasc_coordinator(areas):
    from antislavery.areas.models import Organisation

    return shared.UserFactory(role="coordinator",
                              organisation=Organisation.objects.get(slug="iasc"))


@pytest.fixture
def three_areas(areas):
    return [areas["essex"], areas["surrey"], areas["cumbria"]]


@pytest.fixture
def issued(apcc_coordinator, three_areas):
    return factories.issued_request(apcc_coordinator, areas=three_areas)


@pytest.fixture
def essex_response(issued):
    return Response.objects.get(request=issued, area__slug="essex")
