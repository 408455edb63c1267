"""The package's provision tables: public entries, the areas they cover, and the practice
library with its evidence ratings.

Rows come from the provision app's selectors as an anonymous visitor sees them, and each
entry is checked against ``permissions.can_view_entry`` as well, so a private, draft or
withdrawn entry is in no table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import AnonymousUser

from antislavery.accounts import permissions
from antislavery.provision import selectors
from antislavery.provision.library import evidence_for, evidence_levels
from antislavery.provision.models import Entry

from .resources import Column, Resource, Row, fk, iso, utc

LIST_SEPARATOR = ";"
REGISTER_SOURCE = {
    "title": "Provision register of the Anti-Slavery Local Response Toolkit: entries kept "
             "by the offices of police and crime commissioners, public entries only",
}


def _public(entries: Any) -> Iterator[Entry]:
    anonymous = AnonymousUser()
    for entry in entries.order_by("pk"):
        if permissions.can_view_entry(anonymous, entry):
            yield entry


def _joined(codes: list[str]) -> str:
    return LIST_SEPARATOR.join(codes)


def entry_rows() -> Iterator[Row]:
    for entry in _public(selectors.visible_entries(AnonymousUser())):
        yield {
            "id": entry.pk, "title": entry.title, "summary": entry.summary,
            "area": entry.area.slug, "kind": entry.kind, "themes": _joined(entry.themes),
            "nrm_stages": _joined(entry.nrm_stages),
            "victim_groups": _joined(entry.victim_groups),
            "exploitation": _joined(entry.exploitation),
            "languages": _joined(entry.languages), "provider": entry.provider,
            "funder": entry.funder, "funding_source": entry.funding_source,
            "start": iso(entry.start), "end": iso(entry.end), "status": entry.status,
            "evaluation": entry.evaluation, "evaluation_url": entry.evaluation_url,
            "contact": entry.contact, "source_label": entry.source_label,
            "source_url": entry.source_url, "demo": entry.demo,
            "modified_at": utc(entry.modified_at),
        }


def covered_area_rows() -> Iterator[Row]:
    for entry in _public(selectors.visible_entries(AnonymousUser())):
        for slug in sorted(area.slug for area in entry.areas.all()):
            yield {"entry": entry.pk, "area": slug, "lead": slug == entry.area.slug}


def practice_rows() -> Iterator[Row]:
    for entry in _public(selectors.published_entries()):
        evidence = evidence_for(entry)
        yield {"entry": entry.pk, "title": entry.title, "area": entry.area.slug,
               "evidence": evidence.rank, "evidence_label": str(evidence.label),
               "evaluation": entry.evaluation, "evaluation_url": entry.evaluation_url}


STATUSES = tuple(Entry.Status.values)
EVALUATIONS = tuple(Entry.Evaluation.values)


def _codes(what: str) -> str:
    return f"{what}, as codes of the codebook (see codebook), joined by ';'."


ENTRY_COLUMNS = [
    Column("id", "integer", "The entry's identifier.", required=True),
    Column("title", "string", "What the provision is called.", required=True),
    Column("summary", "string", "What it does, in a few sentences."),
    Column("area", "string", "The lead area's slug: its office keeps the entry.",
           required=True),
    Column("kind", "string", "The kind of intervention, a code of the codebook's "
                             "intervention facet.", required=True),
    Column("themes", "string", _codes("Themes")),
    Column("nrm_stages", "string", _codes("Stages of the National Referral Mechanism "
                                          "covered")),
    Column("victim_groups", "string", _codes("Victims concerned")),
    Column("exploitation", "string", _codes("Types of exploitation")),
    Column("languages", "string", "Languages offered, joined by ';'; 'any' means "
                                  "interpreting into any language."),
    Column("provider", "string", "Who provides it."),
    Column("funder", "string", "Who funds it."),
    Column("funding_source", "string", "The fund or budget it is paid from."),
    Column("start", "date", "When it started or starts."),
    Column("end", "date", "When it ended or ends."),
    Column("status", "string", "planned, pilot, running or ended.", required=True,
           enum=STATUSES),
    Column("evaluation", "string", "How it has been evaluated.", enum=EVALUATIONS),
    Column("evaluation_url", "string", "Where the evaluation is published."),
    Column("contact", "string", "Whom to ask about it."),
    Column("source_label", "string", "The public document the entry was drafted from."),
    Column("source_url", "string", "Where that document is."),
    Column("demo", "boolean", "Demonstration content, not a real service."),
    Column("modified_at", "datetime", "When the entry last changed (UTC)."),
]


def provision_resources() -> list[Resource]:
    levels = ", ".join(f"{e.rank} {e.label}" for e in evidence_levels())
    return [
        Resource("provision-entries", "Provision for victims",
                 "What areas have or plan for victims of modern slavery: the public "
                 "entries of the provision register (private, draft and withdrawn entries "
                 "are never published).", ENTRY_COLUMNS, entry_rows, primary_key=["id"],
                 foreign_keys=[fk("area", "areas", "slug")], sources=[REGISTER_SOURCE]),
        Resource("provision-entry-areas", "Areas each entry covers",
                 "One row per public entry and area it covers, the lead area included.", [
                     Column("entry", "integer", "The entry's identifier.", required=True),
                     Column("area", "string", "A covered area's slug.", required=True),
                     Column("lead", "boolean", "The area whose office keeps the entry."),
                 ], covered_area_rows, primary_key=["entry", "area"], foreign_keys=[
                     fk("entry", "provision-entries", "id"), fk("area", "areas", "slug")],
                 sources=[REGISTER_SOURCE]),
        Resource("practice-library", "Practice library",
                 "Published practice from every area with the strength of evidence its "
                 f"evaluation gives ({levels}).", [
                     Column("entry", "integer", "The entry's identifier.", required=True),
                     Column("title", "string", "What the practice is called."),
                     Column("area", "string", "The lead area's slug.", required=True),
                     Column("evidence", "integer", "Strength of evidence, from 0 (no "
                                                   "evaluation) to 4 (independently "
                                                   "evaluated, results published).",
                            required=True, minimum=0, maximum=4),
                     Column("evidence_label", "string", "The strength of evidence, in words."),
                     Column("evaluation", "string", "How it has been evaluated.",
                            enum=EVALUATIONS),
                     Column("evaluation_url", "string", "Where the evaluation is published."),
                 ], practice_rows, primary_key=["entry"], foreign_keys=[
                     fk("entry", "provision-entries", "id"), fk("area", "areas", "slug")],
                 sources=[REGISTER_SOURCE]),
    ]
