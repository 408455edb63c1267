"""Public provision entries and the practice library: only what the public may read.

Entries come from the provision app's own selectors as an anonymous visitor sees them,
whoever asks, and each one is checked against ``permissions.can_view_entry`` too: a private,
draft or withdrawn entry is in no answer.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from antislavery.accounts import permissions
from antislavery.provision import codes, selectors
from antislavery.provision.library import evidence_for
from antislavery.provision.models import Entry

from .. import conditional, formats
from ..errors import InvalidParameter, clean_text
from ..paging import DEFAULT_SIZE, MAX_SIZE, paginate
from ..schemas import (
    CODE_PATTERN,
    CURSOR_PATTERN,
    MAX_ID,
    MAX_TEXT,
    TEXT_PATTERN,
    EntryOut,
    EntryPage,
    EntryStatus,
    Evaluation,
    Format,
    PracticeOut,
    PracticePage,
)
from .areas import find_area
from .common import answer_one, answer_page, check, responses

router = Router(tags=["provision"])

ENTRY_COLUMNS = list(EntryOut.model_fields)
PRACTICE_COLUMNS = list(PracticeOut.model_fields)
LIST_FIELDS = ("areas", "themes", "nrm_stages", "victim_groups", "exploitation", "languages")


def public() -> AnonymousUser:
    """The API answers as the public sees the register, whoever is signed in."""
    return AnonymousUser()


def entry_row(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    others = sorted(a.slug for a in entry.areas.all() if a.pk != entry.area_id)
    return {
        "id": entry.pk, "title": entry.title, "summary": entry.summary,
        "area": entry.area.slug, "area_name": entry.area.name,
        "areas": [entry.area.slug, *others], "kind": entry.kind, "themes": entry.themes,
        "nrm_stages": entry.nrm_stages, "victim_groups": entry.victim_groups,
        "exploitation": entry.exploitation, "languages": entry.languages,
        "provider": entry.provider, "funder": entry.funder,
        "funding_source": entry.funding_source, "start": entry.start, "end": entry.end,
        "status": entry.status, "evaluation": entry.evaluation,
        "evaluation_url": entry.evaluation_url, "contact": entry.contact,
        "source_label": entry.source_label, "source_url": entry.source_url,
        "demo": entry.demo, "modified_at": entry.modified_at,
        "url": request.build_absolute_uri(entry.get_absolute_url()),
    }


def practice_row(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    evidence = evidence_for(entry)
    return {**entry_row(request, entry), "evidence": evidence.rank,
            "evidence_label": str(evidence.label)}


def as_csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, **{name: ";".join(row[name]) for name in LIST_FIELDS}}


class EntryFilters(Schema):
    q: str | None = Field(None, description="Words that must all be in the title, summary, "
                                            "provider or funder.",
                          pattern=TEXT_PATTERN, max_length=MAX_TEXT)
    area: str | None = Field(None, description="Only entries covering this area (slug or "
                                               "name).", pattern=TEXT_PATTERN,
                             max_length=MAX_TEXT)
    kind: str | None = Field(None, description="Kind of intervention: a code of the "
                             "codebook's intervention facet (see /api/codebook).",
                             pattern=CODE_PATTERN)
    stage: str | None = Field(None, description="Stage of the National Referral Mechanism "
                              "covered: a code of the nrm_stage facet.", pattern=CODE_PATTERN)
    group: str | None = Field(None, description="Victims concerned: a code of the "
                              "victim_group facet.", pattern=CODE_PATTERN)
    exploitation: str | None = Field(None, description="Type of exploitation: a code of the "
                                     "exploitation facet.", pattern=CODE_PATTERN)
    theme: str | None = Field(None, description="A theme code of the codebook.",
                              pattern=CODE_PATTERN)
    status: EntryStatus | None = None
    evaluation: Evaluation | None = Field(None, description="Exactly this evaluation.")
    min_evidence: int | None = Field(None, ge=0, le=4,
                                     description="At least this strength of evidence (0-4).")
    cursor: str | None = Field(None, description="From the previous page's next_cursor.",
                               pattern=CURSOR_PATTERN, max_length=64)
    page_size: int = Field(DEFAULT_SIZE, ge=1, le=MAX_SIZE)
    format: Format | None = Field(None, description="json (default) or csv.")


FACET_OF_PARAMETER = {"kind": "intervention", "stage": "nrm_stage", "group": "victim_group",
                      "exploitation": "exploitation", "theme": "theme"}


def checked_code(parameter: str, value: str | None) -> str:
    """``value`` if it is a code of the parameter's facet now (added codes included), else 422."""
    if value is None:
        return ""
    if value not in codes.facet_values(FACET_OF_PARAMETER[parameter]):
        raise InvalidParameter(parameter, _("'%(value)s' is not a code of the codebook; see "
                                            "/api/codebook.") % {"value": value})
    return value


def filtered(entries: Any, filters: EntryFilters) -> Any:
    """``entries`` narrowed by the provision app's own filter (the register's and library's)."""
    return selectors.filter_entries(entries, selectors.EntryFilters(
        query=clean_text("q", filters.q) or "",
        area=find_area(filters.area) if filters.area is not None else None,
        kind=checked_code("kind", filters.kind), stage=checked_code("stage", filters.stage),
        group=checked_code("group", filters.group),
        exploitation=checked_code("exploitation", filters.exploitation),
        theme=checked_code("theme", filters.theme),
        status=filters.status or "", evaluation=filters.evaluation or "",
        min_evidence=filters.min_evidence,
    ))


def _page_of(request: HttpRequest, response: HttpResponse, filters: EntryFilters, *,
             entries: Any, row: Any, columns: list[str], filename: str) -> Any:
    fmt = formats.wanted_format(request, filters.format)
    chosen = filtered(entries, filters)
    found, unchanged = check(request, conditional.provision_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, chosen,
                    cursor=clean_text("cursor", filters.cursor), size=filters.page_size)
    rows = [row(request, entry) for entry in page.items
            if permissions.can_view_entry(public(), entry)]
    if fmt == formats.CSV:
        rows = [as_csv_row(r) for r in rows]
    return answer_page(request, response, page=page, fmt=fmt, found=found, rows=rows,
                       csv_columns=columns, filename=filename)


@router.get("/provision", response=responses(EntryPage, not_found=True),
            summary="Public provision entries",
            openapi_extra=formats.csv_openapi("Entries as CSV; lists joined by ';'."))
def list_entries(request: HttpRequest, response: HttpResponse,
                 filters: Query[EntryFilters]) -> Any:
    """What areas have or plan for victims of modern slavery, as the public register shows
    it: public entries only, never private, draft or withdrawn ones."""
    return _page_of(request, response, filters,
                    entries=selectors.visible_entries(public()), row=entry_row,
                    columns=ENTRY_COLUMNS, filename="provision")


@router.get("/provision/{entry_id}", response=responses(EntryOut, not_found=True),
            summary="One public provision entry")
def get_entry(request: HttpRequest, response: HttpResponse,
              entry_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    """One public entry; a private, draft or withdrawn one answers 404, as if absent."""
    entry = permissions.get_entry_for_view(public(), entry_id)
    found, unchanged = check(request, conditional.provision_state, formats.JSON)
    if unchanged:
        return unchanged
    return answer_one(response, found, entry_row(request, entry))


@router.get("/practice", response=responses(PracticePage, not_found=True),
            summary="The practice library",
            openapi_extra=formats.csv_openapi("Practice entries as CSV; lists joined by ';'."))
def list_practice(request: HttpRequest, response: HttpResponse,
                  filters: Query[EntryFilters]) -> Any:
    """Published practice from every area, each with the strength of evidence its
    evaluation gives (filter with ``min_evidence``)."""
    return _page_of(request, response, filters, entries=selectors.published_entries(),
                    row=practice_row, columns=PRACTICE_COLUMNS, filename="practice")
