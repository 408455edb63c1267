"""Who sees which figures: public releases for all, private ones for one office."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from antislavery.accounts import permissions
from antislavery.localpicture import selectors
from antislavery.localpicture.models import Release
from antislavery.localpicture.services import ImportOptions, import_statistics
from tests import factories

from .store_helpers import tidy_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases(areas):
    public = import_statistics(
        data=tidy_csv([["home-office-nrm", "2023", "Essex", "nrm_referrals", "", "400", ""]]),
        file_name="public.csv", actor=None).release
    private = import_statistics(
        data=tidy_csv([["essex-local", "2023", "Essex", "recorded_crimes", "", "31", ""]]),
        file_name="private.csv", actor=None,
        options=ImportOptions(source_name="Essex local counts", private_to="Essex")).release
    return public, private


def _measures(user) -> set[str]:
    return set(selectors.visible_observations(user).values_list("measure", flat=True))


def test_private_release_belongs_to_the_named_office(releases):
    _public, private = releases

    assert (private.visibility, private.owner_area.slug) == ("private", "essex")
    assert private.source.protected is True


def test_public_sees_only_public_figures(releases):
    assert _measures(AnonymousUser()) == {"nrm_referrals"}


def test_own_office_and_coordinators_see_private_figures(releases, essex_viewer, coordinator):
    assert _measures(essex_viewer) == {"nrm_referrals", "recorded_crimes"}
    assert _measures(coordinator) == {"nrm_referrals", "recorded_crimes"}


def test_another_office_does_not_see_private_figures(releases, surrey_editor):
    _public, private = releases

    assert _measures(surrey_editor) == {"nrm_referrals"}
    assert permissions.can_view_release(surrey_editor, private) is False
    assert private not in selectors.visible_releases(surrey_editor)


def test_current_observations_leave_out_revised_figures(releases):
    import_statistics(
        data=tidy_csv([["home-office-nrm", "2023", "Essex", "nrm_referrals", "", "405", ""]]),
        file_name="revised.csv", actor=None)

    values = list(selectors.current_observations(AnonymousUser())
                  .values_list("value", flat=True))
    assert values == [405]
    assert selectors.visible_observations(AnonymousUser()).count() == 2


def test_import_rights_follow_the_role(areas, essex_editor, essex_viewer, coordinator):
    assert permissions.can_import_statistics(coordinator) is True
    assert permissions.can_import_statistics(essex_editor) is True
    assert permissions.can_import_statistics(essex_viewer) is False
    assert permissions.can_import_statistics(AnonymousUser()) is False
    assert permissions.can_import_statistics_for(essex_editor, areas["essex"]) is True
    assert permissions.can_import_statistics_for(essex_editor, areas["kent"]) is False
    assert permissions.can_import_statistics_for(essex_editor, None) is False


def test_coordinator_private_release_without_an_office_is_for_coordinators_only(areas):
    release = import_statistics(
        data=tidy_csv([["home-office-nrm", "2022", "Kent", "nrm_referrals", "", "9", ""]]),
        file_name="embargoed.csv", actor=None,
        options=ImportOptions(visibility=Release.Visibility.PRIVATE)).release
    kent_editor = factories.office_user(areas["kent"])

    assert permissions.can_view_release(kent_editor, release) is False
    assert permissions.can_view_release(factories.coordinator(), release) is True
