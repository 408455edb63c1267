"""The store keeps every figure: later releases supersede, identical ones change nothing."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from antislavery.localpicture.models import Observation, Release
from antislavery.localpicture.services import ImportOptions, import_statistics

from .store_helpers import current_value, store_dump, tidy_csv

pytestmark = pytest.mark.django_db

FIRST = [
    ["home-office-nrm", "2023-Q4", "Essex", "nrm_referrals", "", "412", ""],
    ["home-office-nrm", "2023-Q4", "Essex", "nrm_referrals", "age_group=child", "150", ""],
    ["home-office-nrm", "2023-Q4", "UK", "nrm_referrals", "", "4142", ""],
]


def _import(data: bytes, name: str = "figures.csv", **options):
    return import_statistics(data=data, file_name=name, actor=None,
                             options=ImportOptions(**options))


def test_first_release_adds_every_figure_as_current(areas):
    result = _import(tidy_csv(FIRST), title="NRM Q4 2023")

    assert (result.added, result.superseded, result.unchanged) == (3, 0, 0)
    release = Release.objects.get()
    assert (release.title, release.added, release.source.slug) == (
        "NRM Q4 2023", 3, "home-office-nrm")
    essex = Observation.objects.get(geography="essex", breakdown="")
    assert (essex.value, essex.area.slug, essex.grain, essex.is_current) == (
        412, "essex", "quarter", True)
    assert essex.period_start.isoformat() == "2023-10-01"


def test_revised_figure_supersedes_and_points_at_the_one_it_revised(areas):
    _import(tidy_csv(FIRST))
    revised = [row[:] for row in FIRST]
    revised[0][5] = "431"

    result = _import(tidy_csv(revised), name="revised.csv")

    assert (result.added, result.superseded, result.unchanged) == (0, 1, 2)
    assert current_value(geography="essex", period="2023-Q4") == 431
    newest = Observation.objects.get(geography="essex", breakdown="", is_current=True)
    assert newest.previous.value == 412
    assert newest.previous.is_current is False
    assert Observation.objects.filter(geography="essex", breakdown="").count() == 2


def test_same_file_again_changes_nothing(areas):
    data = tidy_csv(FIRST)
    first = _import(data)
    before = store_dump()

    again = _import(data, name="renamed-copy.csv")

    assert again.already_imported is True
    assert again.release.pk == first.release.pk
    assert (again.added, again.superseded, again.unchanged) == (0, 0, 3)
    assert store_dump() == before


def test_same_figures_in_a_new_file_count_as_unchanged_and_add_no_rows(areas):
    _import(tidy_csv(FIRST))
    rows_before = Observation.objects.count()

    result = _import(tidy_csv([*FIRST, ["home-office-nrm", "2024-Q1", "Essex",
                                        "nrm_referrals", "", "400", ""]]), name="next.csv")

    assert (result.added, result.superseded, result.unchanged) == (1, 0, 3)
    assert Observation.objects.count() == rows_before + 1


def test_flagged_cell_is_stored_as_a_flag_not_zero_and_a_later_value_supersedes_it(areas):
    _import(tidy_csv([["home-office-nrm", "2023", "Surrey", "nrm_referrals",
                       "nationality=eritrea", "", "suppressed"]]))
    flagged = Observation.objects.get()
    assert (flagged.value, flagged.flag) == (None, "suppressed")

    result = _import(tidy_csv([["home-office-nrm", "2023", "Surrey", "nrm_referrals",
                                "nationality=eritrea", "3", ""]]), name="later.csv")

    assert result.superseded == 1
    assert current_value(geography="surrey", period="2023",
                         breakdown="nationality=eritrea") == 3


def test_dry_run_counts_changes_and_keeps_nothing(areas):
    _import(tidy_csv(FIRST))
    before = store_dump()
    revised = [row[:] for row in FIRST]
    revised[2][5] = "4150"

    result = import_statistics(data=tidy_csv(revised), file_name="r.csv", actor=None,
                               dry_run=True)

    assert (result.release, result.added, result.superseded, result.unchanged) == (
        None, 0, 1, 2)
    assert store_dump() == before


def test_database_refuses_two_current_figures_for_one_cell(areas):
    _import(tidy_csv(FIRST))
    current = Observation.objects.get(geography="uk")
    current.pk = None

    with pytest.raises(IntegrityError), transaction.atomic():
        current.save()


def test_database_refuses_a_figure_with_neither_value_nor_flag(areas):
    _import(tidy_csv(FIRST))
    row = Observation.objects.get(geography="uk")
    row.pk, row.is_current, row.value = None, False, None

    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_observations_cannot_be_deleted(areas):
    _import(tidy_csv(FIRST))

    with pytest.raises(PermissionError):
        Observation.objects.all().delete()
    assert Observation.objects.count() == 3


def test_areas_and_releases_with_figures_cannot_be_deleted(areas):
    from django.db.models import ProtectedError

    result = _import(tidy_csv(FIRST))

    with pytest.raises(ProtectedError) as area_error:
        areas["essex"].delete()
    with pytest.raises(ProtectedError) as release_error:
        result.release.delete()

    assert any(isinstance(o, Observation) for o in area_error.value.protected_objects)
    assert any(isinstance(o, Observation) for o in release_error.value.protected_objects)
    assert Observation.objects.filter(geography="essex").count() == 2
