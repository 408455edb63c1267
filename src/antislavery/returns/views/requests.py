"""Request pages: the list, creating and changing a request, issuing, tracking, letters."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from antislavery.accounts import permissions
from antislavery.areas.models import Organisation
from antislavery.errors import NotFound, ToolkitError

from .. import exports, letters, selectors, services
from ..forms import ExtendForm, NoteForm, QuestionForm, RequestForm
from ..models import Request


def _status(form: Any) -> int:
    return 400 if form.errors else 200


def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    office_area = None
    if permissions.office_area_id(user) is not None:
        office_area = user.organisation.area
    visible = selectors.requests_for(user)
    context = {
        "requests": visible if permissions.is_coordinator(user)
        else selectors.public_requests(),
        "is_coordinator": permissions.is_coordinator(user),
        "can_create": permissions.can_create_request(user),
        "office_area": office_area,
    }
    context["shows_demo_data"] = any(r.is_demo for r in context["requests"])
    return render(request, "returns/index.html", context)


@login_required
def for_us(request: HttpRequest) -> HttpResponse:
    """The office's own tasks: every request sent to its area."""
    area_id = permissions.office_area_id(request.user)
    permissions.require(area_id is not None,
                        _("This page is for the staff of a commissioner's office."))
    area = request.user.organisation.area
    tasks = selectors.requests_for_office(area)
    return render(request, "returns/for_us.html", {
        "area": area, "tasks": tasks,
        "can_edit": request.user.role == "office_editor",
        "shows_demo_data": any(t.response.is_demo for t in tasks)})


def _request_form_values(form: RequestForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["chosen_areas"] = list(data.get("chosen_areas") or [])
    return data


@login_required
def create(request: HttpRequest) -> HttpResponse:
    permissions.require_can_create_request(request.user)
    own_body = request.user.organisation
    initial = {"recipients_rule": Request.Recipients.ALL, "opens_on": timezone.localdate(),
               "letter_template": letters.DEFAULT_TEMPLATE,
               "issuing_body": own_body.pk if own_body and own_body.kind == "national"
               else Organisation.objects.filter(kind="national").values_list("pk", flat=True)
               .first()}
    form = RequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_request(actor=request.user, **_request_form_values(form))
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The request was saved as a draft. Add its questions, "
                                        "then issue it."))
            return redirect(created)
    return render(request, "returns/request_form.html", {"form": form, "item": None},
                  status=_status(form))


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    initial = {name: getattr(item, name) for name in services.requests.REQUEST_FIELDS
               if name != "chosen_areas"}
    initial["chosen_areas"] = [a.slug for a in item.chosen_areas.all()]
    initial["peer_group"] = item.peer_group.slug if item.peer_group else None
    form = RequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_request(request=item, actor=request.user,
                                    **_request_form_values(form))
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The request was saved."))
            return redirect(item)
    return render(request, "returns/request_form.html", {"form": form, "item": item},
                  status=_status(form))


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The request; its coordinators also see the tracker, its recipients their response."""
    item = permissions.get_request_for(request.user, slug)
    user = request.user
    context: dict[str, Any] = {
        "item": item,
        "questions": selectors.questions_of(item),
        "question_set": item.question_set,
        "can_manage": permissions.can_manage_request(user, item),
        "can_track": permissions.can_track_request(user, item),
        "published_count": len(selectors.published_responses(item)),
        "shows_demo_data": item.is_demo,
    }
    if context["can_track"]:
        context["tracker"] = selectors.tracker(item)
    context["analysis"] = _analysis_links(user, item)
    area_id = permissions.office_area_id(user)
    if area_id is not None:
        context["own_response"] = item.responses.filter(area_id=area_id).first()
    if item.state == Request.State.DRAFT:
        context["recipients"] = list(services.recipient_areas(item))
    return render(request, "returns/request_detail.html", context)


def _analysis_links(user: Any, item: Request) -> dict[str, Any] | None:
    """Where the responses are coded and collated into a report: both for coordinators who
    may follow the request; a published report for everyone else."""
    if item.state == Request.State.DRAFT:
        return None
    try:
        report = item.collated_report
    except ObjectDoesNotExist:
        report = None
    if permissions.can_view_analysis(user, item):
        return {"analysis_url": reverse("themes:analysis", args=[item.slug]),
                "report_url": reverse("reports:collated", args=[item.slug]), "report": report}
    if report is not None and permissions.can_view_report(user, report):
        return {"report_url": report.get_absolute_url(), "report": report}
    return None


@login_required
def question_form(request: HttpRequest, slug: str, key: str | None = None) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    question = item.question_set.questions.filter(key=key).first() if key else None
    if key and question is None:
        raise NotFound(_("This request has no question '%(key)s'.") % {"key": key})
    initial = {"kind": "text", "required": True}
    if question is not None:
        initial = {"title": question.title, "guidance": question.guidance, "kind": question.kind,
                   "options": "\n".join(question.options),
                   "allow_several": question.allow_several, "required": question.required}
    issued = item.state != Request.State.DRAFT
    form = QuestionForm(request.POST or None, initial=initial, issued=issued)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            if question is None:
                services.add_question(request=item, actor=request.user, **values)
            else:
                services.change_question(request=item, actor=request.user, key=key, **values)
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The question was saved."))
            return redirect(item.get_absolute_url() + "#questions")
    return render(request, "returns/question_form.html",
                  {"form": form, "item": item, "question": question}, status=_status(form))


@login_required
def question_remove(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    question = item.question_set.questions.filter(key=key).first()
    if question is None:
        raise NotFound(_("This request has no question '%(key)s'.") % {"key": key})
    issued = item.state != Request.State.DRAFT
    form = NoteForm(request.POST or None, label=_("What changed, for the recipients"),
                    required=issued)
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_question(request=item, actor=request.user, key=key,
                                     note=form.cleaned_data["note"])
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The question was removed."))
            return redirect(item.get_absolute_url() + "#questions")
    return render(request, "returns/confirm.html", {
        "form": form, "item": item, "title": _("Remove this question?"),
        "lead": question.title, "button": _("Remove the question"),
        "back": item.get_absolute_url()}, status=_status(form))


@login_required
def question_move(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    if request.method != "POST":
        return redirect(item)
    note = "" if item.state == Request.State.DRAFT else _("The order of the questions changed.")
    services.move_question(request=item, actor=request.user, key=key,
                           up=request.POST.get("direction") == "up", note=note)
    return redirect(item.get_absolute_url() + "#questions")


def _confirm(request: HttpRequest, item: Request, *, action: Any, title: str, lead: str,
             button: str, done: str, warning: str = "") -> HttpResponse:
    """A confirmation page whose POST runs ``action`` (a service call)."""
    errors = []
    if request.method == "POST":
        try:
            action()
        except ToolkitError as exc:
            errors.append(("", exc.message))
        else:
            messages.success(request, done)
            return redirect(item)
    return render(request, "returns/confirm.html", {
        "item": item, "title": title, "lead": lead, "button": button, "errors": errors,
        "warning": warning, "back": item.get_absolute_url()}, status=400 if errors else 200)


@login_required
def issue(request: HttpRequest, slug: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    count = services.recipient_areas(item).count()
    return _confirm(
        request, item, action=lambda: services.issue_request(request=item, actor=request.user),
        title=_("Issue this request?"),
        lead=_("It goes to %(n)s areas. Their offices see it at once; its questions can change "
               "afterwards only as a new version they are shown.") % {"n": count},
        button=_("Issue the request"), done=_("The request was issued."))


@login_required
def close(request: HttpRequest, slug: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    return _confirm(
        request, item, action=lambda: services.close_request(request=item, actor=request.user),
        title=_("Close this request?"),
        lead=_("Offices will no longer be able to change or submit responses. Responses already "
               "received can still be accepted and published."),
        button=_("Close the request"), done=_("The request was closed."))


@login_required
def extend(request: HttpRequest, slug: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    form = ExtendForm(request.POST or None, initial={"due_on": item.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.extend_request(request=item, actor=request.user, **form.cleaned_data)
        except ToolkitError as exc:
            form.add_error("due_on", exc.message)
        else:
            messages.success(request, _("The due date was extended."))
            return redirect(item)
    return render(request, "returns/extend.html", {"form": form, "item": item},
                  status=_status(form))


@login_required
def reminders(request: HttpRequest, slug: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    tracker = selectors.tracker(item)
    overdue = [row for row in tracker.rows if row.overdue]
    errors = []
    if request.method == "POST":
        try:
            result = services.send_reminders(request=item, actor=request.user,
                                             base_url=request.build_absolute_uri("/"))
        except ToolkitError as exc:
            errors.append(("", exc.message))
        else:
            sent = len(result.sent)
            text = ngettext("A reminder was sent to %(n)s office.",
                            "Reminders were sent to %(n)s offices.", sent) % {"n": sent}
            if result.without_address:
                text += " " + _("These offices have no contact address: %(areas)s.") % {
                    "areas": ", ".join(a.name for a in result.without_address)}
            messages.success(request, text)
            return redirect(item)
    return render(request, "returns/reminders.html", {
        "item": item, "overdue": overdue, "errors": errors,
        "shows_demo_data": item.is_demo}, status=400 if errors else 200)


@login_required
def export(request: HttpRequest, slug: str, what: str, fmt: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_track_request(request.user, item)
    if what not in {"tracker", "answers"} or fmt not in exports.FORMATS:
        raise NotFound(_("There is no such download."))
    content, content_type, name = exports.export(item, what=what, fmt=fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def letter_list(request: HttpRequest, slug: str) -> HttpResponse:
    item = permissions.get_request_for(request.user, slug)
    permissions.require_can_manage_request(request.user, item)
    return render(request, "returns/letters.html", {
        "item": item, "areas": services.recipient_areas(item).select_related("office"),
        "shows_demo_data": item.is_demo})


def _letter_area(request: HttpRequest, slug: str, area_slug: str) -> tuple[Request, Any]:
    item = permissions.get_request_for(request.user, slug)
    area = services.recipient_areas(item).select_related("office").filter(slug=area_slug).first()
    if area is None:
        raise NotFound(_("This request does not go to '%(area)s'.") % {"area": area_slug})
    permissions.require(permissions.can_manage_request(request.user, item)
                        or permissions.is_office_member(request.user, area),
                        _("Only the request's coordinators and the office it is addressed to "
                          "can see this letter."))
    return item, area


@login_required
def letter(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    item, area = _letter_area(request, slug, area_slug)
    return render(request, "returns/letter.html", {
        "item": item, "area": area, "text": letters.letter_text(item, area),
        "shows_demo_data": item.is_demo})


@login_required
def letter_docx(request: HttpRequest, slug: str, area_slug: str) -> HttpResponse:
    item, area = _letter_area(request, slug, area_slug)
    import io

    return FileResponse(io.BytesIO(letters.letter_docx(item, area)), as_attachment=True,
                        filename=f"{item.slug}-{area.slug}.docx",
                        content_type="application/vnd.openxmlformats-officedocument"
                                     ".wordprocessingml.document")


def published(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page of a request's published responses."""
    item = permissions.get_request_for(request.user, slug)
    responses = selectors.published_responses(item)
    entries = [(r, selectors.shown_answers(r.published_version, item)) for r in responses]
    return render(request, "returns/published.html", {
        "item": item, "entries": entries,
        "shows_demo_data": item.is_demo or any(r.is_demo for r in responses)})
