"""What every read endpoint does around its own query: caching validators, formats, pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

from .. import conditional, formats
from ..errors import clean_text
from ..paging import Page, decode_cursor

StateFunction = Callable[[], tuple[str, datetime | None]]


def check(request: HttpRequest, state: StateFunction, fmt: str, *,
          cursor: str | None = None) -> tuple[conditional.Validators, HttpResponse | None]:
    """The answer's validators, and a ``304`` if the client already has this answer.

    Call it once the request's parameters are known to be good (and what it names found):
    a bad request is refused whatever validators the client sends. ``cursor`` is checked
    here, before any ``304``."""
    decode_cursor(clean_text("cursor", cursor))
    key, last_modified = state()
    found = conditional.validators(request, state=key, last_modified=last_modified,
                                   representation=fmt)
    return found, conditional.not_modified(request, found)


def answer_page(request: HttpRequest, response: HttpResponse, *, page: Page,
                rows: list[dict[str, Any]], fmt: str, found: conditional.Validators,
                csv_columns: Sequence[str], filename: str,
                extra: dict[str, Any] | None = None) -> Any:
    """A page of rows as JSON (validated by the operation's schema) or CSV."""
    if fmt == formats.CSV:
        return found.stamp(formats.csv_response(csv_columns, rows, filename=filename,
                                                next_url=page.next_url))
    found.stamp(response)
    if page.next_url:
        response["Link"] = f'<{page.next_url}>; rel="next"'
    return {"results": rows, "next": page.next_url, "next_cursor": page.next_cursor,
            **(extra or {})}


def answer_one(response: HttpResponse, found: conditional.Validators, data: Any) -> Any:
    found.stamp(response)
    return data


def responses(ok: Any, *, not_found: bool = False) -> dict[int, Any]:
    """The answers an operation documents: its own, 304, and errors as ``ErrorOut``."""
    from ..schemas import ErrorOut

    documented: dict[int, Any] = {200: ok, 304: None, 422: ErrorOut, 429: ErrorOut}
    if not_found:
        documented[404] = ErrorOut
    return documented
