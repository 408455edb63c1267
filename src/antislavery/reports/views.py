"""Collated report pages: read, download, and (for the request's coordinators) edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from antislavery.accounts import permissions
from antislavery.errors import ToolkitError

from . import collated, services
from .forms import ExampleTextForm, ReportTextForm
from .models import CollatedReport, ReportItem
from .render import CONTENT_TYPES, FORMATS
from .render import render as render_file


def index(request: HttpRequest) -> HttpResponse:
    published = CollatedReport.objects.filter(state=CollatedReport.State.PUBLISHED) \
        .select_related("request").order_by("-published_at")
    return render(request, "reports/index.html", {
        "published": published,
        "shows_demo_data": any(report.is_demo for report in published),
    })


def _request_and_report(user, slug: str):
    """The request and its report (or None) if the user may read the report; else 404."""
    found = permissions.get_request_for(user, slug)
    report = CollatedReport.objects.filter(request=found).first()
    if permissions.can_view_analysis(user, found):
        return found, report
    if report is not None and permissions.can_view_report(user, report):
        return found, report
    raise Http404(_("There is no published report for this request."))


def _linker(request: HttpRequest):
    def link(passage) -> str:
        if not permissions.can_view_passage(request.user, passage):
            return ""
        return request.build_absolute_uri(passage.get_absolute_url())
    return link


def collated_report(request: HttpRequest, slug: str) -> HttpResponse:
    found, report = _request_and_report(request.user, slug)
    can_edit = permissions.can_edit_report(request.user, found)
    context = {
        "request_": found, "report": report, "can_edit": can_edit,
        "document": collated.build_document(found, report, link=_linker(request)),
        "formats": FORMATS,
        "shows_demo_data": found.is_demo,
    }
    if can_edit:
        context["themes"] = collated.theme_examples(found, report)
        context["unpublished_areas"] = collated.quoted_without_consent(context["themes"])
    return render(request, "reports/collated.html", context)


def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(_("Reports can be downloaded as DOCX, HTML or Markdown."))
    found, report = _request_and_report(request.user, slug)
    document = collated.build_document(found, report, link=_linker(request))
    response = HttpResponse(render_file(document, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-report.{fmt}"'
    return response


@login_required
def edit_text(request: HttpRequest, slug: str) -> HttpResponse:
    found = permissions.get_request_for(request.user, slug)
    permissions.require_can_edit_report(request.user, found)
    report = CollatedReport.objects.filter(request=found).first()
    document = collated.build_document(found, report)
    form = ReportTextForm(request.POST or None, initial={
        "title": document.title, "introduction": document.introduction,
        "summary": document.summary})
    if request.method == "POST" and form.is_valid():
        try:
            report = services.start_report(request=found, actor=request.user)
            services.update_text(report=report, actor=request.user, **form.cleaned_data)
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The report's text was saved."))
            return redirect("reports:collated", slug=found.slug)
    return render(request, "reports/text_form.html", {"form": form, "request_": found},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def keep_defaults(request: HttpRequest, slug: str, theme: str) -> HttpResponse:
    found = permissions.get_request_for(request.user, slug)
    report = services.start_report(request=found, actor=request.user)
    services.keep_defaults(report=report, actor=request.user, theme=theme)
    return redirect(f"{report.get_absolute_url()}#edit-{theme}")


@login_required
@require_POST
def add_example(request: HttpRequest, slug: str, theme: str, passage: int) -> HttpResponse:
    from antislavery.themes.models import Passage

    found = permissions.get_request_for(request.user, slug)
    chosen = get_object_or_404(Passage, pk=passage)
    report = services.start_report(request=found, actor=request.user)
    if not report.items.filter(theme=theme, removed_at__isnull=True).exists():
        services.keep_defaults(report=report, actor=request.user, theme=theme)
    if not report.items.filter(theme=theme, passage=chosen, removed_at__isnull=True).exists():
        services.add_example(report=report, actor=request.user, theme=theme, passage=chosen)
    return redirect(f"{report.get_absolute_url()}#edit-{theme}")


def _item(pk: int) -> ReportItem:
    return get_object_or_404(ReportItem.objects.select_related(
        "report", "report__request", "report__request__issuing_body", "passage",
        "passage__area"), pk=pk, removed_at__isnull=True)


@login_required
def edit_example(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    permissions.require_can_edit_report(request.user, item.report.request)
    form = ExampleTextForm(request.POST or None, initial={"text": item.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_example(item=item, actor=request.user, text=form.cleaned_data["text"])
        except ToolkitError as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, _("The example's wording was saved."))
            return redirect(f"{item.report.get_absolute_url()}#edit-{item.theme}")
    return render(request, "reports/example_form.html", {
        "form": form, "item": item, "request_": item.report.request},
        status=400 if form.errors else 200)


@login_required
@require_POST
def remove_example(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    services.remove_example(item=item, actor=request.user)
    return redirect(f"{item.report.get_absolute_url()}#edit-{item.theme}")


@login_required
@require_POST
def move_example(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    services.move_example(item=item, actor=request.user, up=request.POST.get("to") == "up")
    return redirect(f"{item.report.get_absolute_url()}#edit-{item.theme}")


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    found = permissions.get_request_for(request.user, slug)
    report = services.start_report(request=found, actor=request.user)
    if request.POST.get("withdraw"):
        services.withdraw_report(report=report, actor=request.user)
        messages.success(request, _("The report is no longer published."))
    else:
        services.publish_report(report=report, actor=request.user)
        messages.success(request, _("The report is published: anyone can read it."))
    return redirect(report)
