"""Reference areas, offices, national bodies and preset groups load, and reload safely."""

import pytest
from django.core.management import call_command

from antislavery.accounts.models import AuditEntry
from antislavery.areas.models import Area, AreaAlias, Organisation, PeerGroup
from antislavery.areas.services import sync_reference_areas

pytestmark = pytest.mark.django_db


def test_every_reference_area_is_loaded_with_its_facts_and_sources(areas):
    assert len(areas) == 46
    assert Area.objects.filter(territorial=True).count() == 43
    essex = areas["essex"]
    assert essex.code == "E23000028"
    assert essex.governance == Area.Governance.PFCC
    assert essex.has_vru is True
    assert "dfe-analytical-services/dfe-published-data-qa:data/police-force-areas.csv" in (
        essex.source_list)


def test_each_territorial_area_has_an_office_and_the_national_bodies_exist(areas):
    for area in Area.objects.filter(territorial=True):
        assert area.office.kind == Organisation.Kind.OFFICE
    assert set(Organisation.objects.filter(kind="national").values_list("slug", flat=True)) == {
        "iasc", "apcc", "mslu"}
    assert areas["cumbria"].office.holder_title == (
        "Police, Fire and Crime Commissioner for Cumbria")


def test_preset_groups_cover_each_region_wales_and_the_vru_areas(areas):
    wales = PeerGroup.objects.get(slug="wales")
    assert set(wales.areas.values_list("slug", flat=True)) == {
        "north-wales", "gwent", "south-wales", "dyfed-powys"}
    assert PeerGroup.objects.get(slug="vru-areas").areas.count() == 18
    north_west = PeerGroup.objects.get(slug="region-north-west")
    assert set(north_west.areas.values_list("slug", flat=True)) == {
        "cumbria", "lancashire", "merseyside", "greater-manchester", "cheshire"}
    assert PeerGroup.objects.filter(kind="preset", slug__startswith="region-").count() == 9


def test_loading_the_reference_data_twice_changes_nothing(areas):
    counts = (Area.objects.count(), AreaAlias.objects.count(), Organisation.objects.count(),
              PeerGroup.objects.count(), AuditEntry.objects.count())
    result = sync_reference_areas()
    assert (result.areas_created, result.areas_updated, result.offices_created) == (0, 0, 0)
    assert counts == (Area.objects.count(), AreaAlias.objects.count(),
                      Organisation.objects.count(), PeerGroup.objects.count(),
                      AuditEntry.objects.count())


def test_a_reload_leaves_preset_groups_untouched_when_nothing_changed(areas):
    # Cached pictures are keyed by a group's modification time: a reload must not bump it.
    before = dict(PeerGroup.objects.values_list("slug", "modified_at"))
    sync_reference_areas()
    assert dict(PeerGroup.objects.values_list("slug", "modified_at")) == before


def test_a_reload_puts_back_a_preset_groups_members(areas):
    wales = PeerGroup.objects.get(slug="wales")
    stamp = wales.modified_at
    wales.areas.remove(areas["gwent"])
    wales.areas.add(areas["essex"])

    sync_reference_areas()

    wales.refresh_from_db()
    assert set(wales.areas.values_list("slug", flat=True)) == {
        "north-wales", "gwent", "south-wales", "dyfed-powys"}
    assert wales.modified_at > stamp


def test_first_load_records_each_area_and_office_in_the_audit_log(areas):
    created = AuditEntry.objects.filter(action="area.create")
    assert created.count() == Area.objects.count()
    assert set(created.values_list("object_id", flat=True)) == {
        str(pk) for pk in Area.objects.values_list("pk", flat=True)}
    essex = created.get(object_id=str(areas["essex"].pk))
    assert essex.after["name"] == "Essex"
    assert AuditEntry.objects.filter(action="organisation.create").count() == (
        Organisation.objects.filter(kind="office").count())


def test_office_details_typed_by_people_survive_a_reload(areas):
    office = areas["essex"].office
    office.holder_name = "A. Person"
    office.save()
    sync_reference_areas()
    office.refresh_from_db()
    assert office.holder_name == "A. Person"


def test_resolve_area_command_prints_the_slug(areas, capsys):
    call_command("resolve_area", "Avon", "&", "Somerset", "Constabulary")
    assert capsys.readouterr().out.strip() == "avon-and-somerset"


def test_resolve_area_command_exits_1_with_candidates_for_an_unknown_name(areas, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("resolve_area", "Northumbrai")
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "is not a police force area" in err
    assert "Northumbria" in err


def test_resolve_area_command_says_so_when_no_name_is_close(areas, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("resolve_area", "Salvation", "Army")
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "'Salvation Army' is not a police force area." in captured.err
    assert "No area has a name like it." in captured.err


def test_resolve_area_command_never_places_a_council(areas, capsys):
    with pytest.raises(SystemExit):
        call_command("resolve_area", "Leeds City Council")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Closest: West Yorkshire" in captured.err


def test_gazetteer_follows_a_new_alias_without_a_restart(areas):
    from antislavery.areas.selectors import resolve

    assert resolve("Kernow").slug is None
    AreaAlias.objects.create(area=areas["devon-and-cornwall"], text="Kernow")
    assert resolve("Kernow").slug == "devon-and-cornwall"
