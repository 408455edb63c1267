"""Statistics: sources, releases, observations, the vocabulary and an area's picture.

Only public releases are served, and every figure goes through the disclosure rule for an
anonymous viewer: a protected count is rounded down to a multiple of k or withheld below k.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from antislavery.areas.models import Area
from antislavery.localpicture import selectors, vocabulary
from antislavery.localpicture.disclosure import Discloser
from antislavery.localpicture.models import Observation, Release, Source

from .. import conditional, formats
from ..errors import InvalidParameter, clean_text
from ..paging import DEFAULT_SIZE, MAX_SIZE, paginate
from ..schemas import (
    CURSOR_PATTERN,
    MAX_ID,
    MAX_TEXT,
    PERIOD_PATTERN,
    SEGMENT_PATTERN,
    TEXT_PATTERN,
    Format,
    Grain,
    MeasureCode,
    ObservationOut,
    ObservationPage,
    PictureOut,
    ReleaseOut,
    ReleasePage,
    SourceOut,
    SourcePage,
    VocabularyOut,
)
from .areas import find_area
from .common import answer_one, answer_page, check, responses

router = Router(tags=["statistics"])

OBSERVATION_COLUMNS = list(ObservationOut.model_fields)
SOURCE_COLUMNS = list(SourceOut.model_fields)
RELEASE_COLUMNS = ["id", "title", "published_on", "imported_at", "source", "synthetic",
                   "figures", "notes", "url"]


def public_sources() -> QuerySet[Source]:
    """Sources with at least one public release: the others are not the public's business."""
    return Source.objects.filter(
        releases__visibility=Release.Visibility.PUBLIC).distinct()


def source_row(source: Source) -> dict[str, Any]:
    return {"slug": source.slug, "name": source.name, "publisher": source.publisher,
            "url": source.url, "kind": source.kind, "protected": source.protected,
            "licence": source.licence, "synthetic": source.synthetic}


def release_row(request: HttpRequest, release: Release) -> dict[str, Any]:
    return {
        "id": release.pk, "title": release.title, "published_on": release.published_on,
        "imported_at": release.imported_at, "source": source_row(release.source),
        "synthetic": release.synthetic or release.source.synthetic,
        "figures": release.added + release.superseded, "notes": release.notes,
        "url": request.build_absolute_uri(release.get_absolute_url()),
    }


class PageFilters(Schema):
    cursor: str | None = Field(None, description="From the previous page's next_cursor.",
                               pattern=CURSOR_PATTERN, max_length=64)
    page_size: int = Field(DEFAULT_SIZE, ge=1, le=MAX_SIZE)
    format: Format | None = Field(None, description="json (default) or csv.")


@router.get("/sources", response=responses(SourcePage), summary="Sources of statistics",
            openapi_extra=formats.csv_openapi("Sources as CSV."))
def list_sources(request: HttpRequest, response: HttpResponse,
                 filters: Query[PageFilters]) -> Any:
    """Who publishes the figures, under what licence, and whether they are protected."""
    fmt = formats.wanted_format(request, filters.format)
    found, unchanged = check(request, conditional.statistics_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, public_sources(), cursor=clean_text("cursor", filters.cursor),
                    size=filters.page_size)
    return answer_page(request, response, page=page, fmt=fmt, found=found,
                       rows=[source_row(s) for s in page.items], csv_columns=SOURCE_COLUMNS,
                       filename="sources")


class ReleaseFilters(PageFilters):
    source: str | None = Field(None, description="Only releases of this source (its slug).",
                               pattern=TEXT_PATTERN, max_length=MAX_TEXT)


@router.get("/releases", response=responses(ReleasePage), summary="Releases",
            openapi_extra=formats.csv_openapi("Releases as CSV; source is its slug."))
def list_releases(request: HttpRequest, response: HttpResponse,
                  filters: Query[ReleaseFilters]) -> Any:
    """Every public release (one imported file each), with its source."""
    fmt = formats.wanted_format(request, filters.format)
    releases = selectors.visible_releases(None)
    if filters.source is not None:
        releases = releases.filter(source=_source(filters.source))
    found, unchanged = check(request, conditional.statistics_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, releases, cursor=clean_text("cursor", filters.cursor),
                    size=filters.page_size)
    rows = [release_row(request, r) for r in page.items]
    if fmt == formats.CSV:
        rows = [{**row, "source": row["source"]["slug"]} for row in rows]
    return answer_page(request, response, page=page, fmt=fmt, found=found, rows=rows,
                       csv_columns=RELEASE_COLUMNS, filename="releases")


@router.get("/releases/{release_id}", response=responses(ReleaseOut, not_found=True),
            summary="One release")
def get_release(request: HttpRequest, response: HttpResponse,
                release_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    release = selectors.visible_releases(None).filter(pk=release_id).first()
    if release is None:
        from antislavery.errors import NotFound

        raise NotFound(_("There is no public release %(id)s.") % {"id": release_id},
                       code="unknown_release")
    found, unchanged = check(request, conditional.statistics_state, formats.JSON)
    if unchanged:
        return unchanged
    return answer_one(response, found, release_row(request, release))


def _source(slug: str) -> Source:
    cleaned = clean_text("source", slug) or ""
    source = public_sources().filter(slug=cleaned.lower()).first()
    if source is None:
        known = ", ".join(public_sources().order_by("slug").values_list("slug", flat=True))
        raise InvalidParameter("source", _("'%(slug)s' is not a source with public figures "
                                           "(known: %(known)s).")
                               % {"slug": slug, "known": known or _("none yet")})
    return source


class ObservationFilters(PageFilters):
    area: str | None = Field(None, description="An area's slug or name, or UK, England and "
                                               "Wales, England or Wales.",
                             pattern=TEXT_PATTERN, max_length=MAX_TEXT)
    measure: MeasureCode | None = Field(None, description="A measure of the vocabulary.")
    period_from: str | None = Field(None, pattern=PERIOD_PATTERN,
                                    description="The first period: 2023, 2023-Q2 or 2023-04.")
    period_to: str | None = Field(None, pattern=PERIOD_PATTERN,
                                  description="The last period, included.")
    breakdown: str | None = Field(None, description="'total' for totals only; a dimension "
                                                    "(age_group) for its values; or pairs "
                                                    "(age_group=child;gender=female).",
                                  pattern=TEXT_PATTERN, max_length=MAX_TEXT)
    grain: Grain | None = None
    source: str | None = Field(None, description="A source's slug.", pattern=TEXT_PATTERN,
                               max_length=MAX_TEXT)
    release: int | None = Field(None, ge=1, le=MAX_ID, description="A release's id.")
    current: bool = Field(True, description="false to include figures later revised.")


def _period_bounds(filters: ObservationFilters) -> tuple[datetime.date | None,
                                                         datetime.date | None]:
    start = end = None
    if filters.period_from:
        start = _period(filters.period_from, "period_from").start
    if filters.period_to:
        last = _period(filters.period_to, "period_to")
        months = {"year": 12, "quarter": 3, "month": 1}[last.grain]
        index = last.start.year * 12 + last.start.month - 1 + months
        end = datetime.date(index // 12, index % 12 + 1, 1)
        if start is not None and end <= start:
            raise InvalidParameter("period_to", _("the last period comes before the first "
                                                  "(period_from)."))
    return start, end


def _period(text: str, parameter: str) -> vocabulary.Period:
    try:
        return vocabulary.parse_period(text)
    except ValueError as exc:
        raise InvalidParameter(parameter, str(exc)) from None


def _filter_breakdown(observations: QuerySet[Observation], text: str) -> QuerySet[Observation]:
    cleaned = (clean_text("breakdown", text) or "").lower()
    if cleaned in ("", "total"):
        return observations.filter(breakdown="")
    if "=" not in cleaned:
        if cleaned not in vocabulary.DIMENSIONS:
            raise InvalidParameter("breakdown", _("'%(dimension)s' is not a breakdown "
                                                  "dimension; use one of %(known)s.")
                                   % {"dimension": cleaned,
                                      "known": ", ".join(vocabulary.DIMENSIONS)})
        return observations.filter(breakdown__startswith=cleaned + "=").exclude(
            breakdown__contains=";")
    try:
        return observations.filter(breakdown=vocabulary.canonical_breakdown(cleaned))
    except vocabulary.BreakdownError as exc:
        raise InvalidParameter("breakdown", str(exc)) from None


def _filter_place(observations: QuerySet[Observation], text: str) -> QuerySet[Observation]:
    cleaned = clean_text("area", text) or ""
    national = vocabulary.NATIONAL_NAMES.get(vocabulary.normalise_label(cleaned))
    if national is None and cleaned.lower() in vocabulary.NATIONAL_GEOGRAPHIES:
        national = cleaned.lower()
    if national is not None:
        return observations.filter(geography=national)
    return observations.filter(area=find_area(cleaned))


def filtered_observations(filters: ObservationFilters) -> QuerySet[Observation]:
    """The public figures the filters ask for; ``InvalidParameter`` naming a bad one."""
    observations = selectors.visible_observations(None)
    if filters.current:
        observations = observations.filter(is_current=True)
    if filters.measure:
        observations = observations.filter(measure=filters.measure)
    if filters.grain:
        observations = observations.filter(grain=filters.grain)
    start, end = _period_bounds(filters)
    if start is not None:
        observations = observations.filter(period_start__gte=start)
    if end is not None:
        observations = observations.filter(period_start__lt=end)
    if filters.breakdown is not None:
        observations = _filter_breakdown(observations, filters.breakdown)
    if filters.source is not None:
        observations = observations.filter(source=_source(filters.source))
    if filters.release is not None:
        observations = observations.filter(release_id=filters.release)
    if filters.area is not None:
        observations = _filter_place(observations, filters.area)
    return observations


OBSERVATION_FIELDS = ("pk", "source_id", "release_id", "period", "grain", "period_start",
                      "geography", "area_id", "measure", "breakdown", "value", "flag",
                      "synthetic", "is_current", "previous_id")


class RowMaker:
    """Turns stored observations into public rows, through the disclosure rule."""

    def __init__(self) -> None:
        self.discloser = Discloser(None)
        self.sources = dict(Source.objects.values_list("pk", "slug"))
        self.areas = dict(Area.objects.values_list("pk", "slug"))

    def __call__(self, stored: dict[str, Any]) -> dict[str, Any]:
        shown = self.discloser.value(stored["value"], release_id=stored["release_id"],
                                     flag=stored["flag"])
        return {
            "id": stored["pk"], "source": self.sources[stored["source_id"]],
            "release": stored["release_id"], "period": stored["period"],
            "grain": stored["grain"], "period_start": stored["period_start"],
            "geography": stored["geography"], "area": self.areas.get(stored["area_id"]),
            "measure": stored["measure"], "breakdown": stored["breakdown"],
            "value": shown.value, "flag": shown.flag, "display": shown.display,
            "protected": shown.protected, "exact": shown.exact,
            "synthetic": stored["synthetic"], "current": stored["is_current"],
            "revises": stored["previous_id"],
        }


@router.get("/observations", response=responses(ObservationPage, not_found=True),
            summary="Observations (figures)",
            openapi_extra=formats.csv_openapi("Figures as CSV, one per line."))
def list_observations(request: HttpRequest, response: HttpResponse,
                      filters: Query[ObservationFilters]) -> Any:
    """Published figures, filtered by area, measure, period range, breakdown, grain, source
    or release, in the order they were stored. Figures from protected sources are rounded
    down to a multiple of the threshold, or withheld ('fewer than k') below it."""
    fmt = formats.wanted_format(request, filters.format)
    observations = filtered_observations(filters)
    found, unchanged = check(request, conditional.statistics_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, observations.values(*OBSERVATION_FIELDS),
                    cursor=clean_text("cursor", filters.cursor), size=filters.page_size)
    make = RowMaker()
    return answer_page(request, response, page=page, fmt=fmt, found=found,
                       rows=[make(row) for row in page.items],
                       csv_columns=OBSERVATION_COLUMNS, filename="observations",
                       extra={"threshold": make.discloser.k})


def vocabulary_data() -> dict[str, Any]:
    return {
        "measures": [{"code": m.code, "label": str(m.label), "description": str(m.description)}
                     for m in vocabulary.MEASURES.values()],
        "dimensions": [{"code": code, "label": str(label), "values": [
            {"code": value, "label": str(text)}
            for value, text in vocabulary.VALUES.get(code, {}).items()]}
            for code, label in vocabulary.DIMENSIONS.items()],
        "geographies": [{"code": code, "label": str(label)}
                        for code, label in vocabulary.NATIONAL_GEOGRAPHIES.items()],
    }


@router.get("/vocabulary", response=responses(VocabularyOut), summary="Measures and breakdowns")
def get_vocabulary(request: HttpRequest, response: HttpResponse) -> Any:
    """The codes observations use: measures, breakdown dimensions and their values."""
    found, unchanged = check(request, lambda: ("vocabulary:1", None), formats.JSON)
    if unchanged:
        return unchanged
    return answer_one(response, found, vocabulary_data())


class PictureFilters(Schema):
    measure: MeasureCode = Field("nrm_referrals", description="The measure to picture.")


@router.get("/areas/{area}/picture", response=responses(PictureOut, not_found=True),
            summary="An area's local picture", tags=["statistics"])
def get_picture(request: HttpRequest, response: HttpResponse,
                filters: Query[PictureFilters],
                area: str = Path(..., description="The area's slug or name.",
                                 pattern=SEGMENT_PATTERN, max_length=MAX_TEXT)) -> Any:
    """The figures the area's page shows: the last four quarters against the four before,
    and the quarterly series, through the disclosure rule."""
    found_area = find_area(area)
    found, unchanged = check(request, conditional.statistics_state, formats.JSON)
    if unchanged:
        return unchanged
    from .pictures import picture_data

    return answer_one(response, found, picture_data(found_area, filters.measure))

