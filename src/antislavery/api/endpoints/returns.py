"""Requests and the responses published from them: only what the public may read."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from antislavery.accounts import permissions
from antislavery.errors import NotFound
from antislavery.returns import selectors
from antislavery.returns.models import Request, Response

from .. import conditional, formats
from ..errors import clean_text
from ..paging import DEFAULT_SIZE, MAX_SIZE, paginate
from ..schemas import (
    CURSOR_PATTERN,
    MAX_TEXT,
    SEGMENT_PATTERN,
    TEXT_PATTERN,
    Format,
    RequestOut,
    RequestPage,
    ResponsePage,
)
from .areas import find_area
from .common import answer_one, answer_page, check, responses

router = Router(tags=["returns"])

REQUEST_COLUMNS = list(RequestOut.model_fields)
ANSWER_COLUMNS = ["id", "request", "area", "area_name", "published_at", "demo", "key",
                  "question", "answer", "url"]


def request_row(request: HttpRequest, item: Request) -> dict[str, Any]:
    return {
        "slug": item.slug, "title": item.title, "issuing_body": item.issuing_body.name,
        "background": item.background, "recommendation": item.recommendation,
        "opens_on": item.opens_on, "due_on": item.due_on, "state": item.state,
        "publishes_responses": item.publish_responses,
        "published_responses": item.published_count, "demo": item.is_demo,
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def public_responses() -> QuerySet[Response]:
    """Published responses of requests that publish, where the office agreed (the database's
    half of ``permissions.is_public_response``, which each row is checked against too)."""
    return (Response.objects.filter(state=Response.State.PUBLISHED,
                                    request__publish_responses=True,
                                    published_version__consent_to_publish=True)
            .exclude(request__state=Request.State.DRAFT)
            .select_related("request", "area", "published_version",
                            "published_version__question_set"))


def response_row(request: HttpRequest, response: Response) -> dict[str, Any]:
    version = response.published_version
    shown = selectors.shown_answers(version, response.request)
    return {
        "id": response.pk, "request": response.request.slug, "area": response.area.slug,
        "area_name": response.area.name, "published_at": response.published_at,
        "demo": response.is_demo,
        "answers": [{"key": a.question.key, "question": a.question.title, "answer": a.plain}
                    for a in shown],
        "url": request.build_absolute_uri(response.get_absolute_url()),
    }


class PageFilters(Schema):
    cursor: str | None = Field(None, description="From the previous page's next_cursor.",
                               pattern=CURSOR_PATTERN, max_length=64)
    page_size: int = Field(DEFAULT_SIZE, ge=1, le=MAX_SIZE)
    format: Format | None = Field(None, description="json (default) or csv.")


@router.get("/requests", response=responses(RequestPage), summary="Requests",
            openapi_extra=formats.csv_openapi("Requests as CSV."))
def list_requests(request: HttpRequest, response: HttpResponse,
                  filters: Query[PageFilters]) -> Any:
    """What national bodies have asked the areas (issued and closed requests)."""
    fmt = formats.wanted_format(request, filters.format)
    found, unchanged = check(request, conditional.returns_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, selectors.public_requests(),
                    cursor=clean_text("cursor", filters.cursor), size=filters.page_size)
    return answer_page(request, response, page=page, fmt=fmt, found=found,
                       rows=[request_row(request, r) for r in page.items],
                       csv_columns=REQUEST_COLUMNS, filename="requests")


@router.get("/requests/{slug}", response=responses(RequestOut, not_found=True),
            summary="One request")
def get_request(request: HttpRequest, response: HttpResponse,
                slug: str = Path(..., pattern=SEGMENT_PATTERN, max_length=MAX_TEXT)) -> Any:
    item = selectors.public_requests().filter(slug=slug).first()
    if item is None:
        raise NotFound(_("There is no published request '%(slug)s'.") % {"slug": slug},
                       code="unknown_request")
    found, unchanged = check(request, conditional.returns_state, formats.JSON)
    if unchanged:
        return unchanged
    return answer_one(response, found, request_row(request, item))


class ResponseFilters(PageFilters):
    request: str | None = Field(None, description="Only responses to this request (its slug).",
                                pattern=TEXT_PATTERN, max_length=MAX_TEXT)
    area: str | None = Field(None, description="Only responses of this area (slug or name).",
                             pattern=TEXT_PATTERN, max_length=MAX_TEXT)


@router.get("/responses", response=responses(ResponsePage, not_found=True),
            summary="Published responses",
            openapi_extra=formats.csv_openapi("Published answers as CSV, one per line."))
def list_responses(request: HttpRequest, response: HttpResponse,
                   filters: Query[ResponseFilters]) -> Any:
    """Responses their offices agreed to publish, with the answers as published. As CSV,
    one line per answer."""
    fmt = formats.wanted_format(request, filters.format)
    published = public_responses()
    if filters.request is not None:
        published = published.filter(request__slug=clean_text("request", filters.request))
    if filters.area is not None:
        published = published.filter(area=find_area(filters.area))
    found, unchanged = check(request, conditional.returns_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    page = paginate(request, published, cursor=clean_text("cursor", filters.cursor),
                    size=filters.page_size)
    rows = [response_row(request, r) for r in page.items if permissions.is_public_response(r)]
    if fmt == formats.CSV:
        rows = [{**row, **answer} for row in rows for answer in row["answers"]]
    return answer_page(request, response, page=page, fmt=fmt, found=found, rows=rows,
                       csv_columns=ANSWER_COLUMNS, filename="responses")
