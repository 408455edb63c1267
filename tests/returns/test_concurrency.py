"""Twenty people save the same response at the same moment: one wins, nobody's text is lost."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from antislavery.returns import services
from antislavery.returns.models import Response, ResponseVersion
from tests import factories as shared
from tests.returns import factories

SAVERS = 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_saves_leave_one_winner_and_every_text_kept(areas):
    # given a response at version 1 and twenty Essex editors who all loaded version 1
    coordinator = shared.coordinator()
    request = factories.issued_request(coordinator, areas=[areas["essex"]])
    response = Response.objects.get(request=request)
    first_editor = shared.office_user(areas["essex"])
    services.save_answers(response=response, actor=first_editor,
                          answers=factories.answer_text("Version one."), consent=False,
                          based_on=0)
    editors = [shared.office_user(areas["essex"]) for _ in range(SAVERS)]
    barrier = threading.Barrier(SAVERS)
    outcomes: dict[int, object] = {}

    def save(index: int) -> None:
        try:
            mine = Response.objects.select_related("request", "area").get(pk=response.pk)
            barrier.wait(timeout=30)
            try:
                outcomes[index] = services.save_answers(
                    response=mine, actor=editors[index],
                    answers=factories.answer_text(f"Text from editor {index}."),
                    consent=False, based_on=1)
            except services.SaveConflict as conflict:
                outcomes[index] = conflict
        finally:
            connections.close_all()

    # when they all press save together, each on its own connection
    threads = [threading.Thread(target=save, args=(i,)) for i in range(SAVERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then exactly one save won and nineteen were refused with a clear message
    winners = [o for o in outcomes.values() if isinstance(o, ResponseVersion)]
    conflicts = [o for o in outcomes.values() if isinstance(o, services.SaveConflict)]
    assert len(outcomes) == SAVERS
    assert len(winners) == 1
    assert len(conflicts) == SAVERS - 1
    assert all("Nothing was overwritten" in c.message for c in conflicts)
    response.refresh_from_db()
    assert response.version_number == winners[0].number == 2
    # and every submitted text is in the version history
    kept = {v.answers["q1"]["text"] for v in response.versions.all()}
    assert kept == {"Version one.", *(f"Text from editor {i}." for i in range(SAVERS))}
    assert response.versions.filter(kind=ResponseVersion.Kind.CONFLICT).count() == SAVERS - 1
    assert sorted(response.versions.values_list("number", flat=True)) == list(
        range(1, SAVERS + 2))
