"""Who may set, answer, review and read returns."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from antislavery.errors import NotPermitted

from ..models import Role
from .core import (
    is_administrator,
    is_coordinator,
    is_office_member,
    require,
)

# A draft never leaves its office: coordinators see a response only once it has been
# submitted (and then the version submitted, not later edits); the public sees only published
# responses of requests that publish, where the office agreed.


def can_create_request(user: Any) -> bool:
    return is_coordinator(user)


def can_manage_request(user: Any, request: Any) -> bool:
    """Change, issue, chase and review a request: its issuing body's coordinators."""
    if is_administrator(user):
        return True
    return is_coordinator(user) and (
        request.created_by_id == user.pk
        or (user.organisation_id is not None and user.organisation_id == request.issuing_body_id)
    )


def can_view_request(user: Any, request: Any) -> bool:
    return request.state != request.State.DRAFT or can_manage_request(user, request)


def can_track_request(user: Any, request: Any) -> bool:
    """The tracker and the responses received: any national body's coordinators."""
    return is_coordinator(user) and can_view_request(user, request)


def is_public_response(response: Any) -> bool:
    return (response.state == "published" and response.request.publish_responses
            and response.published_version_id is not None
            and response.published_version.consent_to_publish)


def can_view_response(user: Any, response: Any) -> bool:
    if is_office_member(user, response.area):
        return True
    if is_coordinator(user):
        return response.submitted_version_id is not None
    return is_public_response(response)


def can_view_response_history(user: Any, response: Any) -> bool:
    return is_office_member(user, response.area)


def can_edit_response(user: Any, response: Any) -> bool:
    """Draft, attach and submit: the area's own office editors (not administrators)."""
    return is_office_member(user, response.area) and user.role == Role.OFFICE_EDITOR


def can_review_response(user: Any, response: Any) -> bool:
    """Return, accept, publish, or record a response received by post or email."""
    return can_manage_request(user, response.request)


def can_withdraw_response(user: Any, response: Any) -> bool:
    return can_review_response(user, response) or can_edit_response(user, response)


def can_download_attachment(user: Any, attachment: Any) -> bool:
    response = attachment.response
    if is_office_member(user, response.area):
        return True
    if is_coordinator(user) and response.submitted_version_id is not None:
        return (attachment.role == "source"
                or attachment.pk in response.submitted_version.attachment_ids)
    return False


def require_can_create_request(user: Any) -> None:
    require(can_create_request(user), _("Only coordinators of a national body can send requests."))


def require_can_manage_request(user: Any, request: Any) -> None:
    require(can_manage_request(user, request),
            _("Only coordinators of %(body)s can change this request.")
            % {"body": request.issuing_body.name})


def require_can_track_request(user: Any, request: Any) -> None:
    require(can_track_request(user, request),
            _("Only coordinators of national bodies can follow the responses to a request."))


def require_can_edit_response(user: Any, response: Any) -> None:
    require(can_edit_response(user, response),
            _("Only editors in the office for %(area)s can change its response.")
            % {"area": response.area.name})


def require_can_review_response(user: Any, response: Any) -> None:
    require_can_manage_request(user, response.request)


def require_can_withdraw_response(user: Any, response: Any) -> None:
    require(can_withdraw_response(user, response),
            _("Only the office for %(area)s or the request's coordinators can withdraw this "
              "response.") % {"area": response.area.name})


def get_request_for(user: Any, slug: str) -> Any:
    """The request with this slug if the user may see it; otherwise NotFound."""
    from antislavery.errors import NotFound
    from antislavery.returns.models import Request

    found = Request.objects.select_related("issuing_body").filter(slug=slug).first()
    if found is None or not can_view_request(user, found):
        raise NotFound(_("There is no request '%(slug)s'.") % {"slug": slug})
    return found


def get_response_for(user: Any, request_slug: str, area_slug: str) -> Any:
    """The response if the user may see it. Hidden ones are NotFound for the public and
    other offices, so that a draft's existence is not given away; signed-in users who may
    not see it are told so (NotPermitted)."""
    from antislavery.errors import NotFound
    from antislavery.returns.models import Response

    found = (Response.objects.select_related(
        "request", "request__issuing_body", "area", "current_version", "submitted_version",
        "published_version").filter(request__slug=request_slug, area__slug=area_slug).first())
    if found is None or not can_view_request(user, found.request):
        raise NotFound(_("There is no such response."))
    if can_view_response(user, found):
        return found
    if is_coordinator(user):
        raise NotPermitted(_("The office for %(area)s has not submitted its response yet; "
                             "drafts stay with the office.") % {"area": found.area.name})
    raise NotFound(_("There is no published response from %(area)s to this request.")
                   % {"area": found.area.name})

