"""Who may edit the codebook, code passages, and read analyses and collated reports."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .core import (
    is_coordinator,
    require,
)
from .returns import can_manage_request, can_track_request, can_view_response

# Everyone may read the codebook. Coding a request's responses, and the collated report made
# from them, belong to the request's own coordinators; other national bodies' coordinators
# may read the analysis. A passage is shown to whoever may read the response it comes from.


def can_edit_codebook(user: Any) -> bool:
    return is_coordinator(user)


def require_can_edit_codebook(user: Any) -> None:
    require(can_edit_codebook(user), _("Only coordinators of a national body can add codes."))


def can_code_passages(user: Any, request: Any) -> bool:
    return can_manage_request(user, request)


def require_can_code_passages(user: Any, request: Any) -> None:
    require(can_code_passages(user, request),
            _("Only coordinators of %(body)s can code the responses to this request.")
            % {"body": request.issuing_body.name})


def can_view_analysis(user: Any, request: Any) -> bool:
    return can_track_request(user, request)


def require_can_view_analysis(user: Any, request: Any) -> None:
    require(can_view_analysis(user, request),
            _("Only coordinators of national bodies can see the analysis of responses."))


def can_view_passage(user: Any, passage: Any) -> bool:
    return can_view_response(user, passage.response)


def require_can_view_passage(user: Any, passage: Any) -> None:
    require(can_view_passage(user, passage),
            _("This passage comes from a response you cannot see."))




def can_edit_report(user: Any, request: Any) -> bool:
    return can_manage_request(user, request)


def require_can_edit_report(user: Any, request: Any) -> None:
    require(can_edit_report(user, request),
            _("Only coordinators of %(body)s can change this report.")
            % {"body": request.issuing_body.name})


def can_view_report(user: Any, report: Any) -> bool:
    """A published report is public; a draft only for coordinators who follow the request."""
    if report.state == report.State.PUBLISHED:
        return True
    return can_track_request(user, report.request)


