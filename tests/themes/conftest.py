"""A request issued to four areas, three of which have submitted answers made for coding."""

from __future__ import annotations

import pytest

from antislavery.returns import services as returns
from tests import factories as shared
from tests.returns import factories

ESSEX_ANSWER = (
    "The commissioner funds two independent victim navigators who support adults from the "
    "first contact with police, before any referral into the NRM is made.\n\n"
    "- Interpreters are booked for every meeting, so victims can speak in their own language.\n"
    "- A small hardship fund pays for clothes, a phone and food on the first day."
)
SURREY_ANSWER = (
    "Finding somewhere safe for potential victims to stay before an NRM decision is our "
    "biggest challenge; too often the only option is a hotel far from any support.\n\n"
    "The Covid pandemic delayed trials for over a year, and two victims withdrew from the "
    "prosecution while they waited."
)
CUMBRIA_ANSWER = (
    "The commissioner holds the chief constable to account for modern slavery at the monthly "
    "performance board, and has asked the force for assurance on each inspection recommendation."
)


def submit(request, area, text: str, *, attach: tuple[bytes, str] | None = None):
    """Submit ``text`` as the area's answer (and a document, if given)."""
    response = request.responses.get(area=area)
    editor = shared.office_user(area)
    returns.save_answers(response=response, actor=editor, consent=True,
                         based_on=response.version_number,
                         answers=factories.answer_text(text))
    response.refresh_from_db()
    if attach is not None:
        returns.attach_document(response=response, actor=editor, data=attach[0],
                                filename=attach[1])
        response.refresh_from_db()
    returns.submit_response(response=response, actor=editor, based_on=response.version_number)
    response.refresh_from_db()
    return response


@pytest.fixture
def apcc(areas):
    return shared.coordinator()


@pytest.fixture
def four_areas(areas):
    return [areas[slug] for slug in ("essex", "surrey", "cumbria", "dorset")]


@pytest.fixture
def issued(apcc, four_areas):
    return factories.issued_request(apcc, areas=four_areas, title="Support outside the NRM")


@pytest.fixture
def answered(issued, areas):
    """Essex, Surrey and Cumbria have submitted; Dorset has not started."""
    submit(issued, areas["essex"], ESSEX_ANSWER)
    submit(issued, areas["surrey"], SURREY_ANSWER)
    submit(issued, areas["cumbria"], CUMBRIA_ANSWER)
    return issued


@pytest.fixture
def analysed(answered):
    from antislavery.themes.services import analyse_request

    analyse_request(request=answered)
    return answered
