"""Changing areas, organisations and peer groups."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.accounts.models import AuditEntry
from antislavery.errors import ToolkitError

from .models import Area, AreaAlias, Organisation, PeerGroup

NATIONAL_BODIES = (
    ("iasc", "Independent Anti-Slavery Commissioner", "IASC"),
    ("apcc", "Association of Police and Crime Commissioners", "APCC"),
    ("mslu", "National Police Chiefs' Council Modern Slavery and Organised Immigration Crime "
             "Unit", "MSOIC Unit"),
)

_TITLES = {
    Area.Governance.PCC: "Police and Crime Commissioner for %(area)s",
    Area.Governance.PFCC: "Police, Fire and Crime Commissioner for %(area)s",
    Area.Governance.MAYOR: "Deputy Mayor for Policing and Crime, %(area)s",
    Area.Governance.POLICE_AUTHORITY: "Police authority for %(area)s",
}
_OFFICE_NAMES = {
    Area.Governance.PCC: "Office of the Police and Crime Commissioner for %(area)s",
    Area.Governance.PFCC: "Office of the Police, Fire and Crime Commissioner for %(area)s",
    Area.Governance.MAYOR: "Mayor's policing office for %(area)s",
    Area.Governance.POLICE_AUTHORITY: "Police authority for %(area)s",
}
_MAYORAL_OFFICES = {
    "metropolitan": "Mayor's Office for Policing and Crime (MOPAC)",
}


@dataclass(frozen=True)
class SyncResult:
    areas_created: int
    areas_updated: int
    offices_created: int
    groups: int


def reference_rows() -> list[dict[str, str]]:
    """Rows of the packaged police force area file, with their sources."""
    path = resources.files("antislavery.areas") / "data" / "police_force_areas.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _area_values(row: dict[str, str]) -> dict[str, Any]:
    return {
        "code": row["code"].strip(),
        "name": row["name"].strip(),
        "force_name": row["force_name"].strip(),
        "country": row["country"].strip(),
        "region": row["region"].strip() or row["country"].strip(),
        "territorial": row["territorial_ew"].strip().lower() == "true",
        "governance": row["governance"].strip(),
        "governance_note": row["governance_note"].strip(),
        "has_vru": row["vru_2019"].strip().lower() == "true",
        "population": int(row["population"]) if row["population"].strip() else None,
        "population_year": int(row["population_year"]) if row["population_year"].strip()
        else None,
        "sources": row["sources"].strip(),
    }


@transaction.atomic
def sync_reference_areas(*, actor: Any = None) -> SyncResult:
    """Bring areas, aliases, offices, national bodies and preset groups up to the reference file.

    Safe to repeat: existing rows are updated in place and office details typed by people
    (names, contacts) are kept. New rows are written in bulk (the first load of a database,
    and every test, makes all of them at once).
    """
    rows = reference_rows()
    existing = {area.slug: area for area in Area.objects.all()}
    entries: list[AuditEntry] = []
    new_areas = [Area(slug=row["slug"].strip(), **_area_values(row)) for row in rows
                 if row["slug"].strip() not in existing]
    Area.objects.bulk_create(new_areas)
    entries += [audit.entry(actor, "area.create", area, after=audit.snapshot(area))
                for area in new_areas]
    updated = 0
    for row in rows:
        area = existing.get(row["slug"].strip())
        if area is None:
            continue
        before = audit.snapshot(area)
        for key, value in _area_values(row).items():
            setattr(area, key, value)
        if audit.snapshot(area) != before:
            area.save()
            updated += 1
            entries.append(audit.entry(actor, "area.update", area, before=before,
                                       after=audit.snapshot(area)))
    areas = {area.slug: area for area in [*existing.values(), *new_areas]}
    _add_aliases(rows, areas)
    offices = _add_offices(list(areas.values()), actor, entries)
    AuditEntry.objects.bulk_create(entries)
    for slug, name, short in NATIONAL_BODIES:
        Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": short,
                                 "kind": Organisation.Kind.NATIONAL})
    groups = ensure_preset_peer_groups()
    from . import selectors

    selectors.reset_gazetteer()
    return SyncResult(len(new_areas), updated, offices, groups)


def _add_aliases(rows: list[dict[str, str]], areas: dict[str, Area]) -> None:
    have = set(AreaAlias.objects.values_list("area_id", "text"))
    wanted = {(areas[row["slug"].strip()].pk, text.strip()) for row in rows
              for text in row["aliases"].split(";") if text.strip()}
    AreaAlias.objects.bulk_create(AreaAlias(area_id=area_id, text=text)
                                  for area_id, text in sorted(wanted - have))


def _add_offices(areas: list[Area], actor: Any, entries: list[AuditEntry]) -> int:
    """A commissioner's office for each area that has none yet."""
    with_office = set(Organisation.objects.filter(area__isnull=False)
                      .values_list("area_id", flat=True))
    offices = [
        Organisation(
            slug=f"office-{area.slug}", kind=Organisation.Kind.OFFICE, area=area,
            name=_MAYORAL_OFFICES.get(area.slug)
            or _OFFICE_NAMES[area.governance] % {"area": area.name},
            holder_title=_TITLES[area.governance] % {"area": area.name})
        for area in sorted(areas, key=lambda a: a.slug) if area.pk not in with_office]
    Organisation.objects.bulk_create(offices)
    entries += [audit.entry(actor, "organisation.create", office, after=audit.snapshot(office))
                for office in offices]
    return len(offices)


def ensure_preset_peer_groups() -> int:
    """One preset group per region, one for Wales, one for the VRU areas.

    A group is saved only when its wording or members change, so that what is cached for it
    (keyed by its modification time) stays valid across repeated loads.
    """
    territorial = list(Area.objects.filter(territorial=True))
    presets: list[tuple[str, str, str, set[int]]] = [
        (f"region-{slugify(region)}", region, "All police force areas in the region.",
         {area.pk for area in territorial if area.region == region})
        for region in sorted({area.region for area in territorial
                              if area.country != Area.Country.WALES})]
    presets.append(("wales", "All Welsh areas", "The four police force areas of Wales.",
                    {area.pk for area in territorial if area.country == Area.Country.WALES}))
    presets.append(("vru-areas", "Areas with a Violence Reduction Unit",
                    "Areas funded for a Violence Reduction Unit since 2019.",
                    {area.pk for area in territorial if area.has_vru}))
    groups = {group.slug: group for group in
              PeerGroup.objects.filter(slug__in=[preset[0] for preset in presets])}
    links = PeerGroup.areas.through
    members_now: dict[int, set[int]] = {}
    for group_id, area_id in links.objects.filter(
            peergroup_id__in=[group.pk for group in groups.values()]).values_list(
            "peergroup_id", "area_id"):
        members_now.setdefault(group_id, set()).add(area_id)
    new_links = []
    for slug, name, description, members in presets:
        values = {"name": name, "description": description, "kind": PeerGroup.Kind.PRESET}
        group = groups.get(slug)
        if group is None:
            group = PeerGroup.objects.create(slug=slug, **values)
            new_links += [links(peergroup_id=group.pk, area_id=pk) for pk in sorted(members)]
            continue
        if (any(getattr(group, key) != value for key, value in values.items())
                or members_now.get(group.pk, set()) != members):
            for key, value in values.items():
                setattr(group, key, value)
            group.save()
            group.areas.set(members)
    links.objects.bulk_create(new_links)
    return len(presets)


OFFICE_FIELDS = ["holder_name", "holder_title", "contact_emails", "website"]


@transaction.atomic
def update_office(*, office: Organisation, actor: Any, data: dict[str, Any]) -> Organisation:
    """Change an office's own details; only its editors (and administrators) may."""
    if office.area is None:
        raise ToolkitError(_("Only a commissioner's office has these details."))
    permissions.require_can_edit_for_area(actor, office.area)
    # Re-read the stored row: a bound ModelForm has already changed the instance it was given.
    office = Organisation.objects.select_for_update(of=("self",)).select_related("area").get(
        pk=office.pk)
    before = audit.snapshot(office, OFFICE_FIELDS)
    for name in OFFICE_FIELDS:
        if name in data:
            setattr(office, name, data[name])
    office.full_clean()
    office.save()
    audit.record(actor, "organisation.update", office, before=before,
                 after=audit.snapshot(office, OFFICE_FIELDS), area=office.area)
    return office


def _unique_slug(name: str) -> str:
    base = slugify(name)[:60] or "group"
    slug, n = base, 2
    while PeerGroup.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_peer_group(*, actor: Any, name: str, areas: Iterable[Area],
                      description: str = "") -> PeerGroup:
    permissions.require(permissions.can_create_peer_group(actor), _("Sign in to make a group."))
    chosen = list(areas)
    if len(chosen) < 2:
        raise ToolkitError(_("Choose at least two areas for a group."), code="too_few_areas")
    group = PeerGroup.objects.create(slug=_unique_slug(name), name=name, description=description,
                                     kind=PeerGroup.Kind.CUSTOM, owner=actor)
    group.areas.set(chosen)
    audit.record(actor, "peer_group.create", group, after=audit.snapshot(group))
    return group


@transaction.atomic
def update_peer_group(*, group: PeerGroup, actor: Any, name: str, areas: Iterable[Area],
                      description: str = "") -> PeerGroup:
    permissions.require_can_manage_peer_group(actor, group)
    chosen = list(areas)
    if len(chosen) < 2:
        raise ToolkitError(_("Choose at least two areas for a group."), code="too_few_areas")
    before = audit.snapshot(group)
    group.name, group.description = name, description
    group.save()
    group.areas.set(chosen)
    audit.record(actor, "peer_group.update", group, before=before, after=audit.snapshot(group))
    return group
