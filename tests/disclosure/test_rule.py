"""The disclosure rule itself: rounding, withholding, totals, and who sees figures unrounded."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from antislavery.accounts import permissions
from antislavery.localpicture.disclosure import (
    FEWER_THAN,
    WITHHELD,
    Discloser,
    disclose,
    disclose_total,
)
from antislavery.localpicture.models import Observation
from antislavery.localpicture.services import ImportOptions, import_statistics
from tests.localpicture.store_helpers import tidy_csv


@pytest.mark.parametrize(("stored", "shown"), [(10, 10), (11, 10), (19, 10), (23, 20),
                                                (100, 100), (1234, 1230)])
def test_protected_count_at_or_over_threshold_is_rounded_down(stored, shown):
    result = disclose(stored, protected=True, k=10)

    assert (result.value, result.protected, result.flag) == (shown, True, "")
    assert result.exact is (stored == shown)


@pytest.mark.parametrize("stored", [0, 1, 4, 9])
def test_protected_count_below_threshold_is_fewer_than_k(stored):
    result = disclose(stored, protected=True, k=10)

    assert (result.value, result.flag, result.display) == (None, FEWER_THAN, "fewer than 10")
    assert result.protected is True


def test_unprotected_count_is_shown_as_published():
    result = disclose(7, protected=False)

    assert (result.value, result.display, result.protected, result.exact) == (7, "7", False, True)


def test_threshold_comes_from_the_setting(settings):
    settings.DISCLOSURE_THRESHOLD = 5

    assert disclose(4, protected=True).display == "fewer than 5"
    assert disclose(9, protected=True).value == 5


def test_staff_see_protected_count_unrounded_and_not_for_publication():
    result = disclose(23, protected=True, unrounded=True)

    assert (result.value, result.exact, result.restricted) == (23, True, True)
    assert result.label == "not for publication"


def test_a_gap_stays_a_gap_whatever_its_source():
    result = disclose(None, protected=True, flag="suppressed")

    assert (result.value, result.flag, result.display) == (None, "suppressed", "suppressed")


def test_negative_count_is_refused():
    with pytest.raises(ValueError, match="never negative"):
        disclose(-1, protected=True)


def test_total_is_the_sum_of_disclosed_parts_not_of_stored_ones():
    parts = [disclose(v, protected=True) for v in (10, 11, 23)]

    total = disclose_total(parts)

    assert total.value == 10 + 10 + 20  # not 44 rounded (40) by luck: the parts' own sum
    assert (total.protected, total.exact) == (True, False)


def test_total_with_a_withheld_part_is_withheld():
    parts = [disclose(v, protected=True) for v in (23, 4)]

    total = disclose_total(parts)

    assert (total.value, total.flag) == (None, WITHHELD)


def test_total_of_unprotected_parts_is_exact():
    total = disclose_total([disclose(v, protected=False) for v in (3, 4)])

    assert (total.value, total.exact, total.protected) == (7, True, False)


@pytest.mark.django_db
def test_who_may_see_protected_figures_unrounded(areas, essex_viewer, surrey_editor,
                                                coordinator, essex_editor):
    release = import_statistics(
        data=tidy_csv([["local-essex", "2023", "Essex", "recorded_crimes", "", "23", ""]]),
        file_name="essex.csv", actor=essex_editor,
        options=ImportOptions(visibility="public")).release

    assert permissions.can_see_unrounded(coordinator, release) is True
    assert permissions.can_see_unrounded(essex_viewer, release) is True
    assert permissions.can_see_unrounded(essex_viewer, areas["essex"]) is True
    assert permissions.can_see_unrounded(surrey_editor, release) is False
    assert permissions.can_see_unrounded(AnonymousUser(), release) is False
    assert permissions.can_see_unrounded(None, areas["essex"]) is False


@pytest.mark.django_db
def test_database_rule_agrees_with_disclose_for_every_count(areas, essex_editor, settings):
    settings.DISCLOSURE_THRESHOLD = 7
    counts = range(0, 3000)
    rows = [["local-essex", f"{2000 + n // 12}-{n % 12 + 1:02d}", "Essex", "recorded_crimes",
             "", str(n), ""] for n in range(250)]
    release = import_statistics(data=tidy_csv(rows), file_name="counts.csv", actor=essex_editor,
                                options=ImportOptions(visibility="public")).release
    # Give the stored figures every count in the range, keeping one row per count.
    template = Observation.objects.filter(release=release).first()
    Observation.objects.filter(release=release).update(value=0)
    observations = [Observation(
        release=release, source=template.source, period=f"{3000 + n}", grain="year",
        period_start=template.period_start, area=template.area, geography=template.geography,
        measure="helpline_cases", breakdown="", value=n, flag="") for n in counts]
    Observation.objects.bulk_create(observations)
    discloser = Discloser(AnonymousUser())

    found = dict(Observation.objects.filter(release=release, measure="helpline_cases")
                 .annotate(shown=discloser.value_sql()).values_list("value", "shown"))

    for count in counts:
        assert found[count] == disclose(count, protected=True).value, count
