"""Cursor pagination in primary-key order: stable however the data grows, and as fast for the
last page as for the first."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .errors import InvalidParameter

DEFAULT_SIZE = 100
MAX_SIZE = 1000
_MAX_ID = 2**62


def encode_cursor(after: int) -> str:
    return base64.urlsafe_b64encode(f"after:{after}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The primary key a cursor continues after (0 for none); ``InvalidParameter`` if bad."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _sep, number = text.partition(":")
        after = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidParameter("cursor", _("not a cursor this API gave out; use the "
                                           "'next' link of the previous page.")) from None
    if prefix != "after" or not 0 <= after < _MAX_ID:
        raise InvalidParameter("cursor", _("not a cursor this API gave out; use the 'next' "
                                           "link of the previous page."))
    return after


@dataclass
class Page:
    items: list[Any]
    next_cursor: str | None
    next_url: str | None


def paginate(request: HttpRequest, queryset: QuerySet[Any], *, cursor: str | None,
             size: int) -> Page:
    """One page of ``queryset`` (ordered by primary key) after ``cursor``."""
    after = decode_cursor(cursor)
    items = list(queryset.filter(pk__gt=after).order_by("pk")[: size + 1])
    if len(items) <= size:
        return Page(items, None, None)
    items = items[:size]
    last = items[-1]
    next_cursor = encode_cursor(last["pk"] if isinstance(last, dict) else last.pk)
    query = request.GET.copy()
    query["cursor"] = next_cursor
    next_url = request.build_absolute_uri(f"{request.path}?{urlencode(query, doseq=True)}")
    return Page(items, next_cursor, next_url)
