"""Every permission in one place: "may this user do this to this object?"

``can_*`` answers, ``require_*`` raises :class:`NotPermitted`, ``get_*_for`` fetches and
checks in one step. Views, the API and commands ask here and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from antislavery.errors import NotPermitted

from .models import Role

if TYPE_CHECKING:
    from antislavery.areas.models import Area, PeerGroup


def is_signed_in(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and user.is_active)


def is_administrator(user: Any) -> bool:
    return is_signed_in(user) and (user.is_superuser or user.role == Role.ADMINISTRATOR)


def is_coordinator(user: Any) -> bool:
    """Staff of a national body (administrators may do everything they may)."""
    return is_administrator(user) or (is_signed_in(user) and user.role == Role.COORDINATOR)


def office_area_id(user: Any) -> int | None:
    """The area whose office the user works for, or None."""
    if not is_signed_in(user) or user.role not in (Role.OFFICE_VIEWER, Role.OFFICE_EDITOR):
        return None
    return user.area_id


def is_office_member(user: Any, area: Area) -> bool:
    return area is not None and office_area_id(user) == area.pk


def can_view_private(user: Any, area: Area) -> bool:
    """Drafts and private entries of an area: its own office, coordinators, administrators."""
    return is_coordinator(user) or is_office_member(user, area)


def can_edit_for_area(user: Any, area: Area) -> bool:
    """Write the area's own material: its office editors (and administrators)."""
    return is_administrator(user) or (
        is_office_member(user, area) and user.role == Role.OFFICE_EDITOR
    )


def can_view_audit(user: Any) -> bool:
    return is_coordinator(user)


def can_create_peer_group(user: Any) -> bool:
    return is_signed_in(user)


def can_manage_peer_group(user: Any, group: PeerGroup) -> bool:
    if group.kind == group.Kind.PRESET:
        return is_administrator(user)
    return is_administrator(user) or (is_signed_in(user) and group.owner_id == user.pk)


def require(condition: bool, message: str | None = None) -> None:
    if not condition:
        raise NotPermitted(message or _("You do not have permission to do that."))


def require_signed_in(user: Any) -> None:
    require(is_signed_in(user), _("Sign in to do that."))


def require_coordinator(user: Any) -> None:
    require(is_coordinator(user), _("Only coordinators of a national body can do that."))


def require_can_edit_for_area(user: Any, area: Area) -> None:
    require(
        can_edit_for_area(user, area),
        _("Only editors in the office for %(area)s can change this.") % {"area": area.name},
    )


def require_can_view_private(user: Any, area: Area) -> None:
    require(
        can_view_private(user, area),
        _("Only the office for %(area)s and coordinators can see this.") % {"area": area.name},
    )


def require_can_view_audit(user: Any) -> None:
    require(can_view_audit(user), _("Only coordinators and administrators can see the audit log."))


def require_can_manage_peer_group(user: Any, group: PeerGroup) -> None:
    require(can_manage_peer_group(user, group),
            _("Only the person who made this group can change it."))


def get_area_for_edit(actor: Any, slug: str) -> Area:
    from antislavery.areas.selectors import area_by_slug

    area = area_by_slug(slug)
    require_can_edit_for_area(actor, area)
    return area


# --- returns ---
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

# --- localpicture ---


def can_view_release(user: Any, release: Any) -> bool:
    """Public releases: everyone. Private ones: the owning office and coordinators."""
    if release.visibility == "public":
        return True
    if is_coordinator(user):
        return True
    return release.owner_area_id is not None and office_area_id(user) == release.owner_area_id


def can_import_statistics(user: Any) -> bool:
    """Coordinators import any figures; office editors import their own area's."""
    return is_coordinator(user) or (
        office_area_id(user) is not None and user.role == Role.OFFICE_EDITOR
    )


def can_import_statistics_for(user: Any, area: Area | None) -> bool:
    """May the user import figures about ``area`` (None: national or multi-area figures)?"""
    if is_coordinator(user):
        return True
    return area is not None and can_edit_for_area(user, area)


def can_view_import_job(user: Any, job: Any) -> bool:
    return is_coordinator(user) or (is_signed_in(user) and job.created_by_id == user.pk)


def require_can_import_statistics(user: Any) -> None:
    require(can_import_statistics(user),
            _("Only coordinators and office editors can import statistics."))


def require_can_view_release(user: Any, release: Any) -> None:
    require(can_view_release(user, release),
            _("These figures are private to the office that uploaded them and coordinators."))


def require_can_view_import_job(user: Any, job: Any) -> None:
    require(can_view_import_job(user, job),
            _("Only the person who uploaded this file and coordinators can see its progress."))


# --- disclosure ---


def can_see_unrounded(user: Any, release_or_area: Any) -> bool:
    """May the user see protected figures of this release (or about this area) unrounded?

    Coordinators may see every protected figure; an office's staff may see their own office's:
    a release (or source) it owns or, given an area, that area's. Everyone else, the public
    included, sees them rounded.
    """
    if is_coordinator(user):
        return True
    own_area = office_area_id(user)
    if own_area is None or release_or_area is None:
        return False
    return own_area in _owner_area_ids(release_or_area)


def _owner_area_ids(release_or_area: Any) -> set[int]:
    from antislavery.areas.models import Area

    if isinstance(release_or_area, Area):
        return {release_or_area.pk}
    owners = {getattr(release_or_area, "owner_area_id", None)}
    source = getattr(release_or_area, "source", None)
    if source is not None:
        owners.add(source.owner_area_id)
    return {pk for pk in owners if pk is not None}

# --- themes ---
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


# --- reports ---


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


# --- provision ---


def can_view_entry(user: Any, entry: Any) -> bool:
    """Published entries are for everyone; the rest for coordinators and the offices of the
    areas the entry covers."""
    return entry.is_published or can_view_entry_history(user, entry)


def can_view_entry_history(user: Any, entry: Any) -> bool:
    """Earlier versions may hold what was private: coordinators and the covered offices."""
    if is_coordinator(user):
        return True
    area_id = office_area_id(user)
    return area_id is not None and entry.areas.filter(pk=area_id).exists()


def can_edit_entry(user: Any, entry: Any) -> bool:
    """An entry is kept by its lead area's office editors (and administrators)."""
    return can_edit_for_area(user, entry.area)


def can_add_entry(user: Any, area: Area) -> bool:
    return can_edit_for_area(user, area)


def can_import_provision(user: Any) -> bool:
    """Anyone who may add entries for some area; each row is checked against its area."""
    return is_administrator(user) or (
        is_signed_in(user) and user.role == Role.OFFICE_EDITOR and office_area_id(user)
        is not None
    )


def can_draft_entry_from_passage(user: Any, area: Area) -> bool:
    """Coordinators turn passages of any area's response into drafts for that area's office."""
    return is_coordinator(user) or can_edit_for_area(user, area)


def require_can_view_entry(user: Any, entry: Any) -> None:
    require(can_view_entry(user, entry),
            _("Only the office for %(area)s and coordinators can see this entry.")
            % {"area": entry.area.name})


def require_can_view_entry_history(user: Any, entry: Any) -> None:
    require(can_view_entry_history(user, entry),
            _("Only the office for %(area)s and coordinators can see an entry's history.")
            % {"area": entry.area.name})


def require_can_edit_entry(user: Any, entry: Any) -> None:
    require(can_edit_entry(user, entry),
            _("Only editors in the office for %(area)s can change this entry.")
            % {"area": entry.area.name})


def require_can_add_entry(user: Any, area: Area) -> None:
    require(can_add_entry(user, area),
            _("Only editors in the office for %(area)s can add entries for it.")
            % {"area": area.name})


def require_can_import_provision(user: Any) -> None:
    require(can_import_provision(user),
            _("Only office editors and administrators can import provision entries."))


def require_can_draft_entry_from_passage(user: Any, area: Area) -> None:
    require(can_draft_entry_from_passage(user, area),
            _("Only coordinators and editors in the office for %(area)s can draft entries "
              "for it.") % {"area": area.name})


def get_entry_for_view(user: Any, pk: int) -> Any:
    """The entry if the user may see it; to anyone else a private entry does not exist."""
    from antislavery.errors import NotFound
    from antislavery.provision.selectors import entry_by_pk

    entry = entry_by_pk(pk)
    if not can_view_entry(user, entry):
        raise NotFound(_("There is no such entry."), code="no_such_entry")
    return entry


def get_entry_for_edit(user: Any, pk: int) -> Any:
    from antislavery.provision.selectors import entry_by_pk

    entry = entry_by_pk(pk)
    require_can_edit_entry(user, entry)
    return entry
