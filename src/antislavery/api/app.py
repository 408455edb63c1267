"""The public read API: one NinjaAPI, its routers and how errors are answered."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import ValidationError

from antislavery.errors import ToolkitError

from .endpoints import areas, codebook, provision, returns, statistics
from .errors import error_body

DESCRIPTION = gettext_lazy(
    "Read-only, anonymous access to everything the toolkit publishes. Answers are JSON, or "
    "CSV with `format=csv` or `Accept: text/csv`. Lists come a page at a time: follow "
    "`next`. Every answer carries `ETag` and `Last-Modified`; send them back as "
    "`If-None-Match` or `If-Modified-Since` to get `304 Not Modified`. Anonymous clients are "
    "rate-limited (429 with `Retry-After`). Figures from protected sources are rounded down "
    "to a multiple of the disclosure threshold, and shown as 'fewer than' it below that."
)

api = NinjaAPI(
    title="Anti-Slavery Local Response Toolkit",
    version="1",
    description=str(DESCRIPTION),
    urls_namespace="api",
    docs_url=None,
    auth=None,
)
api.add_router("", areas.router)
api.add_router("", statistics.router)
api.add_router("", returns.router)
api.add_router("", provision.router)
api.add_router("", codebook.router)


def _error(request: HttpRequest, body: dict[str, Any], status: int) -> HttpResponse:
    return api.create_response(request, body, status=status)


@api.exception_handler(ToolkitError)
def toolkit_error(request: HttpRequest, exc: ToolkitError) -> HttpResponse:
    return _error(request, error_body(exc), exc.status)


def _pattern_problem(pattern: str) -> str:
    """What a parameter that does not match ``pattern`` should look like, in words."""
    from .schemas import CODE_PATTERN, CURSOR_PATTERN, PERIOD_PATTERN, SEGMENT_PATTERN

    return {
        PERIOD_PATTERN: _("give a year (2023), a quarter (2023-Q2) or a month (2023-04)."),
        CURSOR_PATTERN: _("not a cursor this API gave out; use the 'next' link of the "
                          "previous page."),
        SEGMENT_PATTERN: _("control characters and slashes are not allowed."),
        CODE_PATTERN: _("give a code of the codebook: lower-case letters, digits and _."),
    }.get(pattern, _("control characters are not allowed."))


def _problem(error: dict[str, Any]) -> str:
    if error.get("type") == "string_pattern_mismatch":
        return _pattern_problem(str((error.get("ctx") or {}).get("pattern", "")))
    return str(error.get("msg", ""))


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 naming the first parameter at fault (and listing any others in the message)."""
    problems = []
    names = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        name = location[-1] if location else "request"
        names.append(name)
        problems.append(_("Parameter '%(name)s': %(problem)s")
                        % {"name": name, "problem": _problem(error)})
    body = {"code": "invalid_parameter", "message": " ".join(problems) or _("Bad request."),
            "parameter": names[0] if names else None}
    return _error(request, body, 422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, {"code": "not_found", "message": _("Nothing is published here.")},
                  404)
