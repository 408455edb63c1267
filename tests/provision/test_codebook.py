"""The register describes entries with the themes app's codebook, codes people added included."""

from __future__ import annotations

from importlib import resources

import pytest

from antislavery.provision import codes, services
from antislavery.provision.forms import EntryForm
from antislavery.provision.models import Entry
from antislavery.themes.engine.codebook import packaged
from antislavery.themes.services.codebook import add_code
from tests.provision.factories import entry, fields

pytestmark = pytest.mark.django_db


def test_the_register_has_no_codebook_of_its_own():
    data = resources.files("antislavery.provision").joinpath("data")
    assert not data.joinpath("codebook.yaml").is_file()


def test_register_kinds_and_labels_are_the_themes_codebook():
    book = packaged()
    assert codes.facet_values(codes.KIND) == book.facets["intervention"].values
    assert codes.facet_values(codes.THEME) == {c: t.label for c, t in book.themes.items()}
    assert codes.facet_label(codes.STAGE) == book.facets["nrm_stage"].label


def test_a_kind_a_coordinator_adds_to_the_codebook_describes_entries_at_once(
        areas, coordinator, essex_editor):
    # given the register has been read with the built-in kinds only
    assert "peer_mentoring" not in codes.facet_values(codes.KIND)
    # when a coordinator adds a kind of intervention on the codebook page
    add_code(actor=coordinator, kind="facet_value", facet="intervention",
             code="peer_mentoring", label="Peer mentoring by survivors",
             definition="Survivors trained to support people newly referred.")
    # then the entry form offers it and an entry can be of that kind, shown by its label
    assert ("peer_mentoring", "Peer mentoring by survivors") in (
        EntryForm().fields["kind"].choices)
    made = entry(areas["essex"], actor=essex_editor, kind="peer_mentoring")
    assert made.kind_label == "Peer mentoring by survivors"


def test_a_kind_in_no_codebook_is_refused_naming_the_codes(areas, essex_editor):
    with pytest.raises(services.EntryInvalid) as caught:
        services.create_entry(actor=essex_editor, area=areas["essex"],
                              data=fields(kind="peer_mentoring"))
    assert caught.value.problems[0][0] == "kind"
    assert "'peer_mentoring' is not a kind of intervention" in caught.value.message
    assert "specialist_post" in caught.value.message
    assert not Entry.objects.exists()
