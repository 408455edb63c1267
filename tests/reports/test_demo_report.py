"""On the demonstration request, the report has every section of the APCC's update filled with
the demo responses' passages, each under the right area."""

from __future__ import annotations

from io import StringIO

import pytest

from antislavery.reports import collated
from antislavery.returns.models import Request
from antislavery.themes.models import Passage, Suggestion

pytestmark = pytest.mark.django_db

# The sections of the APCC's collated update (seed 002), as codebook themes, with an area the
# update names in each, whose demo response must be quoted there.
SEED_SECTIONS = {
    "victim_support": "Surrey",
    "force_collaboration": "Gloucestershire",
    "scrutiny": "Essex",
    "partnership": "Cleveland",
    "language_barriers": "Cambridgeshire",
    "victim_engagement": "West Midlands",
    "accommodation": "West Yorkshire",
    "covid": "Metropolitan Police",
    "improvement": "Devon and Cornwall",
}


@pytest.fixture
def demo():
    from antislavery.core.demo import load_all

    load_all(stdout=StringIO())
    return Request.objects.get(slug="hmicfrs-support-outside-nrm")


def test_every_section_of_the_apcc_update_is_filled_with_the_right_areas(demo):
    document = collated.build_document(demo)

    sections = {child.code: child for group in document.sections for child in group.children}
    for code, area in SEED_SECTIONS.items():
        assert sections[code].examples, code
        assert area in [e.area_name for e in sections[code].examples], code
        for example in sections[code].examples:
            passage = Passage.objects.get(pk=int(example.url.rstrip("/").split("/")[-1]))
            assert passage.response.request == demo
            assert passage.response.area.name == example.area_name
            assert passage.quoted_text == example.text
            assert passage.text in example.text
    assert document.is_demo
    assert document.responses_received == 38


def test_loading_the_demo_again_adds_nothing(demo):
    from antislavery.themes.demo import load

    before = (Passage.objects.count(), Suggestion.objects.count())

    load(stdout=StringIO())

    assert (Passage.objects.count(), Suggestion.objects.count()) == before
    assert before[0] > 400
