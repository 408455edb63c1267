"""Response pages: reading, drafting, attaching, submitting, reviewing, history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from antislavery import documents
from antislavery.accounts import permissions
from antislavery.errors import NotFound, ToolkitError

from .. import selectors, services
from ..forms import AnswerForm, AttachmentForm, NoteForm, ReceivedForm, SubmitForm
from ..models import EDITABLE_STATES, Attachment, Response
from ..services.attachments import max_bytes


def _actions(user: Any, response: Response) -> dict[str, bool]:
    """Which buttons to show; the services check again when pressed."""
    state, open_ = response.state, response.request.state == "issued"
    can_edit = permissions.can_edit_response(user, response) and open_
    can_review = permissions.can_review_response(user, response)
    return {
        "edit": can_edit and state in EDITABLE_STATES,
        "submit": can_edit and state in ("draft", "returned"),
        "reopen": can_edit and state == "withdrawn",
        "return": can_review and state == "submitted",
        "accept": can_review and state == "submitted",
        "publish": can_review and state == "accepted" and response.request.publish_responses
        and bool(response.submitted_version and response.submitted_version.consent_to_publish),
        "withdraw": permissions.can_withdraw_response(user, response)
        and state in services.responses.WITHDRAWABLE,
        "history": permissions.can_view_response_history(user, response),
    }


def detail(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    version = selectors.version_for(request.user, response)
    is_office = permissions.is_office_member(request.user, response.area)
    return render(request, "returns/response_detail.html", {
        "response": response, "item": response.request, "version": version,
        "answers": selectors.shown_answers(version, response.request),
        "attachments": selectors.attachments_for(request.user, response, version),
        "sources": selectors.source_documents(response) if is_office
        or permissions.is_coordinator(request.user) else [],
        "is_office": is_office,
        "is_public_view": not is_office and not permissions.is_coordinator(request.user),
        "actions": _actions(request.user, response),
        "shows_demo_data": response.is_demo,
    })


def _edit_context(response: Response, form: AnswerForm, **extra: Any) -> dict[str, Any]:
    return {"response": response, "item": response.request, "form": form,
            "attachments": list(response.attachments.filter(
                removed_at__isnull=True, role=Attachment.Role.ATTACHMENT)),
            "question_set": response.request.question_set,
            "shows_demo_data": response.is_demo, **extra}


@login_required
def edit(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    permissions.require_can_edit_response(request.user, response)
    questions = selectors.questions_of(response.request)
    form = AnswerForm(request.POST or None, questions=questions,
                      publishes=response.request.publish_responses,
                      initial=AnswerForm.initial_for(response.current_version, response))
    wants_json = request.headers.get("X-Requested-With") == "fetch"
    if request.method == "POST" and form.is_valid():
        try:
            version = services.save_answers(
                response=response, actor=request.user, answers=form.answers(),
                consent=form.cleaned_data.get("consent", False),
                based_on=form.cleaned_data["based_on"])
        except services.SaveConflict as conflict:
            return _conflict(request, response, form, conflict, wants_json)
        except ToolkitError as exc:
            if wants_json:
                return JsonResponse({"code": exc.code, "message": exc.message}, status=400)
            form.add_error(None, exc.message)
        else:
            if wants_json:
                return JsonResponse({"version": version.number,
                                     "saved_at": version.saved_at.isoformat()})
            messages.success(request, _("Your answers were saved as version %(n)s.")
                             % {"n": version.number})
            if "submit" in request.POST:
                return redirect("returns:submit", slug, area_slug)
            return redirect("returns:edit", slug, area_slug)
    if wants_json and request.method == "POST":
        return JsonResponse({"code": "invalid", "message": _("Check the answers.")}, status=400)
    return render(request, "returns/response_edit.html", _edit_context(response, form),
                  status=400 if form.errors else 200)


def _conflict(request: HttpRequest, response: Response, form: AnswerForm,
              conflict: services.SaveConflict, wants_json: bool) -> HttpResponse:
    """Show the refused text in the form, based now on the winning version, beside the
    winner's answers, so that the editor can merge and save deliberately."""
    if wants_json:
        return JsonResponse({"code": conflict.code, "message": conflict.message,
                             "kept": conflict.kept.number}, status=409)
    response.refresh_from_db()
    data = request.POST.copy()
    data["based_on"] = str(response.version_number)
    rebased = AnswerForm(data, questions=form.questions,
                         publishes=response.request.publish_responses)
    rebased.is_valid()
    rebased.add_error(None, conflict.message)
    theirs = selectors.shown_answers(response.current_version, response.request)
    return render(request, "returns/response_edit.html",
                  _edit_context(response, rebased, theirs=theirs, conflict=conflict),
                  status=409)


@login_required
def submit(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    permissions.require_can_edit_response(request.user, response)
    form = SubmitForm(request.POST or None, initial={"based_on": response.version_number})
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_response(response=response, actor=request.user,
                                     based_on=form.cleaned_data["based_on"])
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your response was submitted to %(body)s.")
                             % {"body": response.request.issuing_body.name})
            return redirect(response)
    version = response.current_version
    return render(request, "returns/response_submit.html", {
        "response": response, "item": response.request, "form": form, "version": version,
        "answers": selectors.shown_answers(version, response.request),
        "attachments": selectors.attachments_for(request.user, response, version),
        "shows_demo_data": response.is_demo}, status=400 if form.errors else 200)


@login_required
def attach(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    permissions.require_can_edit_response(request.user, response)
    form = AttachmentForm(request.POST or None, request.FILES or None, max_bytes=max_bytes())
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            documents.check_size(upload.size, upload.name, max_bytes=max_bytes())
            attachment = services.attach_document(response=response, actor=request.user,
                                                  data=upload.read(), filename=upload.name)
        except ToolkitError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("%(name)s was attached.")
                             % {"name": attachment.original_name})
            return redirect("returns:edit", slug, area_slug)
    return render(request, "returns/attach.html", {
        "response": response, "item": response.request, "form": form,
        "shows_demo_data": response.is_demo}, status=400 if form.errors else 200)


def _attachment(request: HttpRequest, response: Response, pk: int) -> Attachment:
    attachment = response.attachments.filter(pk=pk).first()
    if attachment is None or not permissions.can_download_attachment(request.user, attachment):
        raise NotFound(_("There is no such document."))
    return attachment


def attachment_download(request: HttpRequest, slug: str, area_slug: str,
                        pk: int) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    attachment = _attachment(request, response, pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True,
                        filename=attachment.original_name)


@login_required
def attachment_remove(request: HttpRequest, slug: str, area_slug: str, pk: int) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    attachment = _attachment(request, response, pk)
    if request.method == "POST":
        try:
            services.remove_attachment(attachment=attachment, actor=request.user)
        except ToolkitError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(name)s was removed from the response.")
                             % {"name": attachment.original_name})
    return redirect("returns:edit", slug, area_slug)


def _review(request: HttpRequest, slug: str, area_slug: str, *, action: str) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    user = request.user
    needs_note = action in {"return", "withdraw"}
    if action == "withdraw":
        permissions.require_can_withdraw_response(user, response)
    elif action == "reopen":
        permissions.require_can_edit_response(user, response)
    else:
        permissions.require_can_review_response(user, response)
    texts = REVIEW_TEXTS[action]
    form = NoteForm(request.POST or None, label=texts["label"]) if needs_note else None
    errors: list[tuple[str, str]] = []
    if request.method == "POST" and (form is None or form.is_valid()):
        note = form.cleaned_data["note"] if form is not None else ""
        try:
            REVIEW_ACTIONS[action](response, user, note)
        except ToolkitError as exc:
            errors.append(("", exc.message))
        else:
            messages.success(request, str(texts["done"]) % {"area": response.area.name})
            return redirect(response)
    failed = bool(errors) or bool(form is not None and form.errors)
    return render(request, "returns/confirm.html", {
        "item": response.request, "response": response, "form": form, "errors": errors,
        "title": str(texts["title"]) % {"area": response.area.name}, "lead": texts["lead"],
        "button": texts["button"], "back": response.get_absolute_url(),
        "shows_demo_data": response.is_demo}, status=400 if failed else 200)


REVIEW_ACTIONS = {
    "return": lambda r, u, note: services.return_response(response=r, actor=u, note=note),
    "accept": lambda r, u, note: services.accept_response(response=r, actor=u),
    "publish": lambda r, u, note: services.publish_response(response=r, actor=u),
    "withdraw": lambda r, u, note: services.withdraw_response(response=r, actor=u, reason=note),
    "reopen": lambda r, u, note: services.reopen_response(response=r, actor=u),
}
REVIEW_TEXTS: dict[str, dict[str, Any]] = {
    "return": {"title": _("Return the response from %(area)s for changes?"),
               "lead": _("The office can change its answers and submit again. Say what it "
                         "should change: the office sees this note."),
               "label": _("What to change"), "button": _("Return for changes"),
               "done": _("The response from %(area)s was returned for changes.")},
    "accept": {"title": _("Accept the response from %(area)s?"),
               "lead": _("Accepted responses are used in the collated report, and can be "
                         "published if the office agreed."),
               "button": _("Accept the response"),
               "done": _("The response from %(area)s was accepted.")},
    "publish": {"title": _("Publish the response from %(area)s?"),
                "lead": _("Anyone will be able to read it on the request's public page."),
                "button": _("Publish the response"),
                "done": _("The response from %(area)s was published.")},
    "withdraw": {"title": _("Withdraw the response from %(area)s?"),
                 "lead": _("A withdrawn response leaves the public page and the analysis. "
                           "Nothing is deleted: its versions and this reason are kept."),
                 "label": _("Why it is being withdrawn"), "button": _("Withdraw the response"),
                 "done": _("The response from %(area)s was withdrawn.")},
    "reopen": {"title": _("Reopen the response from %(area)s?"),
               "lead": _("It becomes a draft again, for your office to change and submit."),
               "button": _("Reopen as a draft"),
               "done": _("The response from %(area)s is a draft again.")},
}


def review(action: str) -> Any:
    @login_required
    def view(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
        return _review(request, slug, area_slug, action=action)

    view.__name__ = f"{action}_response"
    return view


@login_required
def history(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    permissions.require(permissions.can_view_response_history(request.user, response),
                        _("Only the office for %(area)s can see every version of its response.")
                        % {"area": response.area.name})
    return render(request, "returns/history.html", {
        "response": response, "item": response.request,
        "versions": selectors.history(response), "shows_demo_data": response.is_demo})


@login_required
def version(request: HttpRequest, slug: str, area_slug: str, number: int) -> HttpResponse:
    response = permissions.get_response_for(request.user, slug, area_slug)
    permissions.require(permissions.can_view_response_history(request.user, response),
                        _("Only the office for %(area)s can see every version of its response.")
                        % {"area": response.area.name})
    shown = response.versions.select_related("saved_by", "question_set").filter(
        number=number).first()
    if shown is None:
        raise NotFound(_("There is no version %(n)s of this response.") % {"n": number})
    return render(request, "returns/version.html", {
        "response": response, "item": response.request, "version": shown,
        "answers": selectors.shown_answers(shown, response.request),
        "shows_demo_data": response.is_demo})


@login_required
def receive(request: HttpRequest, slug: str) -> HttpResponse:
    """A coordinator enters a response that came by post or email, for its area."""
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    waiting = item.responses.filter(state__in=EDITABLE_STATES).select_related("area")
    from antislavery.areas.models import Area

    areas = Area.objects.filter(responses__in=waiting).order_by("name")
    form = ReceivedForm(request.POST or None, request.FILES or None, areas=areas)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        response = waiting.get(area=data["area"])
        upload = data["file"]
        try:
            documents.check_size(upload.size, upload.name, max_bytes=max_bytes())
            services.record_received_response(
                response=response, actor=request.user, data=upload.read(),
                filename=upload.name, channel=data["channel"],
                received_on=data["received_on"], consent=data["consent"])
        except ToolkitError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("The response from %(area)s was recorded as received. "
                                        "Check how its text was shared among the answers.")
                             % {"area": response.area.name})
            return redirect(response)
    return render(request, "returns/receive.html", {
        "item": item, "form": form, "shows_demo_data": item.is_demo},
        status=400 if form.errors else 200)
