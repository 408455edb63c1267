"""HTTP caching for API answers: an ``ETag`` and ``Last-Modified`` from the state of the data
an answer is made from, and ``304 Not Modified`` when the client already has it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe, quote_etag


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: datetime | None

    def stamp(self, response: HttpResponse) -> HttpResponse:
        response["ETag"] = self.etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        response["Cache-Control"] = "public, max-age=60"
        response["Vary"] = "Accept, Accept-Language"
        return response


def validators(request: HttpRequest, *, state: str, last_modified: datetime | None,
               representation: str) -> Validators:
    """Validators for this request's answer: the data's state, the full URL and the format."""
    text = "|".join([state, request.get_full_path(), representation,
                     translation.get_language() or ""])
    return Validators(quote_etag(hashlib.sha256(text.encode()).hexdigest()[:32]),
                      last_modified)


def not_modified(request: HttpRequest, found: Validators) -> HttpResponse | None:
    """``304`` when the client's copy is current (If-None-Match first, else If-Modified-Since)."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        offered = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        if "*" in offered or found.etag in offered:
            return found.stamp(HttpResponseNotModified())
        return None
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    if since is not None and found.last_modified is not None \
            and int(found.last_modified.timestamp()) <= since:
        return found.stamp(HttpResponseNotModified())
    return None


def statistics_state() -> tuple[str, datetime | None]:
    """The public statistics' state (releases are only added) and when they last changed."""
    from antislavery.localpicture import disclosure
    from antislavery.localpicture.analysis.queries import store_state
    from antislavery.localpicture.selectors import visible_releases

    latest = visible_releases(None).aggregate(latest=Max("imported_at"))["latest"]
    return f"stats:{store_state(None)}:k{disclosure.threshold()}", latest


def areas_state() -> tuple[str, datetime | None]:
    """Areas and peer groups: their number and latest change."""
    from antislavery.areas.models import Area, PeerGroup

    areas = Area.objects.aggregate(latest=Max("modified_at"), count=Count("pk"))
    groups = PeerGroup.objects.aggregate(latest=Max("modified_at"), count=Count("pk"))
    changed = [d for d in (areas["latest"], groups["latest"]) if d is not None]
    state = (f"areas:{areas['count']}:{areas['latest']}:{groups['count']}:"
             f"{groups['latest']}")
    return state, max(changed) if changed else None


def returns_state() -> tuple[str, datetime | None]:
    """Requests and published responses: counts and latest changes."""
    from antislavery.returns.models import Request, Response

    requests = Request.objects.aggregate(latest=Max("modified_at"), count=Count("pk"))
    responses = Response.objects.filter(published_at__isnull=False).aggregate(
        published=Max("published_at"), withdrawn=Max("withdrawn_at"), count=Count("pk"),
        live=Count("pk", filter=Q(state="published")))
    changed = [d for d in (requests["latest"], responses["published"], responses["withdrawn"])
               if d is not None]
    state = f"returns:{requests}:{responses}"
    return state, max(changed) if changed else None


def provision_state() -> tuple[str, datetime | None]:
    """Public provision entries: which are public and when each last changed.

    Last-Modified is the latest change to any entry that has ever been public, so an entry
    leaving the public (withdrawn, made private) moves it forward too; changes to entries
    that were never public do not show in it.
    """
    from django.contrib.auth.models import AnonymousUser

    from antislavery.provision import selectors
    from antislavery.provision.models import Entry

    shown = selectors.visible_entries(AnonymousUser()).order_by("pk") \
        .values_list("pk", "modified_at")
    digest = hashlib.sha256(repr(list(shown)).encode()).hexdigest()[:32]
    once_public = Entry.objects.filter(versions__data__public=True,
                                       versions__data__draft=False,
                                       versions__data__withdrawn_at=None)
    latest = once_public.aggregate(latest=Max("modified_at"))["latest"]
    return f"provision:{digest}", latest


def codebook_state() -> tuple[str, datetime | None]:
    """The codebook: every code with its wording, and when the last one was added."""
    from antislavery.themes.models import CodebookEntry

    codes = CodebookEntry.objects.order_by("pk").values_list(
        "pk", "kind", "facet", "code", "label", "definition", "group", "position", "builtin")
    digest = hashlib.sha256(repr(list(codes)).encode()).hexdigest()[:32]
    latest = CodebookEntry.objects.aggregate(latest=Max("created_at"))["latest"]
    return f"codebook:{digest}", latest
