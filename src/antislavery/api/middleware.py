"""What every request to ``/api/`` gets before and after the API itself: a rate limit for
anonymous clients and CORS headers for read-only use from other sites."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from antislavery.accounts import throttling

PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")
EXPOSED_HEADERS = "ETag, Last-Modified, Link, Retry-After, X-RateLimit-Limit, " \
                  "X-RateLimit-Remaining"
ALLOWED_REQUEST_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"


def rate_limit() -> tuple[int, int]:
    """(requests, seconds) an anonymous client may make; requests 0 turns the limit off."""
    requests = int(getattr(settings, "API_RATE_LIMIT_REQUESTS", 300))
    seconds = max(1, int(getattr(settings, "API_RATE_LIMIT_SECONDS", 60)))
    return requests, seconds


def client_address(request: HttpRequest) -> str:
    """The client's address, found as sign-in throttling finds it (``TRUST_X_FORWARDED_FOR``).

    Behind a trusted proxy that is the hop the proxy added, never one the client wrote.
    """
    return throttling.client_address(request) or "unknown"


class ApiMiddleware:
    """Rate-limits anonymous API clients and adds CORS headers to read-only API answers.

    The limit is a fixed window counted in Django's cache, per client address: over it, the
    answer is 429 with ``Retry-After``. Only GET, HEAD and OPTIONS are offered to other sites
    (``Access-Control-Allow-Origin: *``); nothing outside ``/api/`` is touched.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return self._cors(request, self._preflight())
        limited = self._over_limit(request)
        if limited is not None:
            return self._cors(request, limited)
        head = request.method == "HEAD"
        if head:  # answered as GET, without the body (the operations declare GET only)
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
        if head and not response.streaming:
            length = len(getattr(response, "content", b""))
            response.content = b""
            response["Content-Length"] = str(length)
        if response.status_code == 405:
            response = self._not_allowed()
        return self._cors(request, response)

    def _over_limit(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        allowed, seconds = rate_limit()
        if allowed <= 0:
            return None
        now = time.time()
        window = int(now // seconds)
        key = f"api:rate:{client_address(request)}:{window}"
        cache.add(key, 0, timeout=seconds + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # the entry expired between add and incr
            cache.set(key, 1, timeout=seconds + 1)
            used = 1
        request.api_rate = (allowed, max(0, allowed - used))  # type: ignore[attr-defined]
        if used <= allowed:
            return None
        retry_after = max(1, int((window + 1) * seconds - now + 0.999))
        body = {"code": "rate_limited",
                "message": _("Too many requests: at most %(count)s every %(seconds)s seconds. "
                             "Try again in %(retry)s seconds.")
                % {"count": allowed, "seconds": seconds, "retry": retry_after}}
        response = HttpResponse(json.dumps(body), status=429, content_type="application/json")
        response["Retry-After"] = str(retry_after)
        return response

    @staticmethod
    def _not_allowed() -> HttpResponse:
        body = {"code": "method_not_allowed",
                "message": _("The API is read-only: only GET, HEAD and OPTIONS are answered.")}
        response = HttpResponse(json.dumps(body), status=405, content_type="application/json")
        response["Allow"] = ", ".join(READ_METHODS)
        return response

    @staticmethod
    def _preflight() -> HttpResponse:
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
        response["Access-Control-Allow-Headers"] = ALLOWED_REQUEST_HEADERS
        response["Access-Control-Max-Age"] = "86400"
        return response

    @staticmethod
    def _cors(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.method in READ_METHODS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        rate = getattr(request, "api_rate", None)
        if rate is not None:
            response["X-RateLimit-Limit"], response["X-RateLimit-Remaining"] = map(str, rate)
        return response
