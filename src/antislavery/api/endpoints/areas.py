"""Areas and peer groups."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from antislavery.areas import selectors as area_selectors
from antislavery.areas.models import Area, PeerGroup
from antislavery.errors import NotFound

from .. import conditional, formats
from ..errors import clean_text
from ..paging import DEFAULT_SIZE, MAX_SIZE, paginate
from ..schemas import (
    CURSOR_PATTERN,
    MAX_TEXT,
    SEGMENT_PATTERN,
    TEXT_PATTERN,
    AreaOut,
    AreaPage,
    Format,
    PeerGroupKind,
    PeerGroupOut,
    PeerGroupPage,
)
from .common import answer_one, answer_page, check, responses

router = Router(tags=["areas"])

AREA_COLUMNS = list(AreaOut.model_fields)
GROUP_COLUMNS = ["slug", "name", "description", "kind", "areas"]


class AreaFilters(Schema):
    territorial: bool | None = Field(None, description="Only the 43 police force areas of "
                                                       "England and Wales (true) or the others.")
    country: str | None = Field(None, description="England, Wales, Scotland...",
                                pattern=TEXT_PATTERN, max_length=MAX_TEXT)
    region: str | None = Field(None, description="A region's name, e.g. 'East of England'.",
                               pattern=TEXT_PATTERN, max_length=MAX_TEXT)
    has_vru: bool | None = Field(None, description="Only areas with (or without) a VRU.")
    cursor: str | None = Field(None, description="From the previous page's next_cursor.",
                               pattern=CURSOR_PATTERN, max_length=64)
    page_size: int = Field(DEFAULT_SIZE, ge=1, le=MAX_SIZE)
    format: Format | None = Field(None, description="json (default) or csv.")


def area_row(request: HttpRequest, area: Area) -> dict[str, Any]:
    return {
        "slug": area.slug, "code": area.code, "name": area.name, "force_name": area.force_name,
        "country": area.country, "region": area.region, "territorial": area.territorial,
        "governance": area.governance, "has_vru": area.has_vru, "population": area.population,
        "population_year": area.population_year,
        "url": request.build_absolute_uri(area.get_absolute_url()),
    }


def group_row(group: PeerGroup) -> dict[str, Any]:
    return {"slug": group.slug, "name": group.name, "description": group.description,
            "kind": group.kind, "areas": [a.slug for a in group.areas.all()]}


def find_area(text: str) -> Area:
    """The area a slug or name means; ``NotFound`` with the closest candidates otherwise."""
    cleaned = clean_text("area", text) or ""
    if not cleaned:
        raise NotFound(_("Name an area."), code="unknown_area", candidates=[])
    return area_selectors.area_by_slug(cleaned)


@router.get("/areas", response=responses(AreaPage), summary="Police force areas",
            openapi_extra=formats.csv_openapi("Areas as CSV, one per line."))
def list_areas(request: HttpRequest, response: HttpResponse,
               filters: Query[AreaFilters]) -> Any:
    """Every area the toolkit knows: the 43 police force areas of England and Wales and
    the others (British Transport Police, Scotland, Northern Ireland...)."""
    fmt = formats.wanted_format(request, filters.format)
    areas = Area.objects.all()
    if filters.territorial is not None:
        areas = areas.filter(territorial=filters.territorial)
    if filters.country:
        areas = areas.filter(country__iexact=clean_text("country", filters.country))
    if filters.region:
        areas = areas.filter(region__iexact=clean_text("region", filters.region))
    if filters.has_vru is not None:
        areas = areas.filter(has_vru=filters.has_vru)
    found, unchanged = check(request, conditional.areas_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, areas, cursor=clean_text("cursor", filters.cursor),
                    size=filters.page_size)
    return answer_page(request, response, page=page, fmt=fmt, found=found,
                       rows=[area_row(request, a) for a in page.items],
                       csv_columns=AREA_COLUMNS, filename="areas")


@router.get("/areas/{area}", response=responses(AreaOut, not_found=True),
            summary="One area")
def get_area(request: HttpRequest, response: HttpResponse,
             area: str = Path(..., description="The area's slug, or its name, force or "
                                               "ONS code.", pattern=SEGMENT_PATTERN,
                              max_length=MAX_TEXT)) -> Any:
    """One area, found by slug or by anything the gazetteer recognises. An unknown area
    answers 404 with the closest candidates."""
    found_area = find_area(area)
    found, unchanged = check(request, conditional.areas_state, formats.JSON)
    if unchanged:
        return unchanged
    return answer_one(response, found, area_row(request, found_area))


class GroupFilters(Schema):
    kind: PeerGroupKind | None = Field(None, description="preset or custom.")
    cursor: str | None = Field(None, description="From the previous page's next_cursor.",
                               pattern=CURSOR_PATTERN, max_length=64)
    page_size: int = Field(DEFAULT_SIZE, ge=1, le=MAX_SIZE)
    format: Format | None = None


@router.get("/peer-groups", response=responses(PeerGroupPage), summary="Peer groups",
            openapi_extra=formats.csv_openapi("Peer groups as CSV; areas joined by ';'."))
def list_peer_groups(request: HttpRequest, response: HttpResponse,
                     filters: Query[GroupFilters]) -> Any:
    """Groups of areas to compare with: regions, VRU areas, and groups people made."""
    fmt = formats.wanted_format(request, filters.format)
    groups = area_selectors.visible_peer_groups()
    if filters.kind:
        groups = groups.filter(kind=filters.kind)
    found, unchanged = check(request, conditional.areas_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, groups, cursor=clean_text("cursor", filters.cursor),
                    size=filters.page_size)
    rows = [group_row(g) for g in page.items]
    if fmt == formats.CSV:
        rows = [{**row, "areas": ";".join(row["areas"])} for row in rows]
    return answer_page(request, response, page=page, fmt=fmt, found=found, rows=rows,
                       csv_columns=GROUP_COLUMNS, filename="peer-groups")


@router.get("/peer-groups/{slug}", response=responses(PeerGroupOut, not_found=True),
            summary="One peer group")
def get_peer_group(request: HttpRequest, response: HttpResponse,
                   slug: str = Path(..., pattern=SEGMENT_PATTERN, max_length=MAX_TEXT)) -> Any:
    group = area_selectors.visible_peer_groups().filter(slug=clean_text("slug", slug)).first()
    if group is None:
        raise NotFound(_("There is no peer group '%(slug)s'.") % {"slug": slug},
                       code="unknown_peer_group")
    found, unchanged = check(request, conditional.areas_state, formats.JSON)
    if unchanged:
        return unchanged
    return answer_one(response, found, group_row(group))
