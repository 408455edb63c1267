"""Theme pages: the codebook; for coordinators, the analysis of a request's responses and
the coding of its passages, one at a time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from antislavery.accounts import permissions
from antislavery.core import govuk
from antislavery.errors import ToolkitError

from . import selectors, services
from .forms import CodeForm, CodingForm
from .models import CodebookEntry, Coding, Passage


def codebook(request: HttpRequest) -> HttpResponse:
    return render(request, "themes/codebook.html", {
        "groups": selectors.codebook_groups(),
        "facets": selectors.codebook_facets(),
        "can_edit": permissions.can_edit_codebook(request.user),
    })


@login_required
def code_add(request: HttpRequest) -> HttpResponse:
    permissions.require_can_edit_codebook(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.add_code(actor=request.user, **form.cleaned_data)
        except ToolkitError as exc:
            form.add_error("code", exc.message)
        else:
            messages.success(request, _("%(label)s was added to the codebook.")
                             % {"label": entry.label})
            return redirect(entry)
    return render(request, "themes/code_form.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Requests whose responses the user may analyse, with coding progress."""
    from antislavery.returns.selectors import requests_for

    rows = [(item, selectors.progress(item)) for item in requests_for(request.user)
            if permissions.can_view_analysis(request.user, item)]
    return render(request, "themes/index.html", {
        "rows": rows, "shows_demo_data": any(item.is_demo for item, _p in rows)})


def _round(request: HttpRequest) -> int:
    return Coding.Round.SECOND if request.GET.get("round") == "2" else Coding.Round.FIRST


@login_required
def analysis(request: HttpRequest, slug: str) -> HttpResponse:
    found = permissions.get_request_for(request.user, slug)
    permissions.require_can_view_analysis(request.user, found)
    labels = {entry.code: entry.label for entry in CodebookEntry.objects.filter(
        kind=CodebookEntry.Kind.THEME)}
    counts = selectors.theme_counts(found)
    report = selectors.agreement_report(found)
    return render(request, "themes/analysis.html", {
        "request_": found,
        "progress": selectors.progress(found),
        "second": selectors.progress(found, Coding.Round.SECOND),
        "theme_rows": [(code, label, counts.get(code, 0)) for code, label in labels.items()],
        "agreement": report,
        "agreement_rows": [(labels.get(machine.code, machine.code), machine, coders)
                           for machine, coders in zip(report.machine_and_people,
                                                      report.between_coders, strict=True)],
        "can_code": permissions.can_code_passages(request.user, found),
        "shows_demo_data": found.is_demo,
    })


@login_required
@require_POST
def analyse(request: HttpRequest, slug: str) -> HttpResponse:
    found = permissions.get_request_for(request.user, slug)
    result = services.analyse_request(request=found, actor=request.user)
    messages.success(request, _("%(created)s new passages; suggestions made for %(suggested)s.")
                     % {"created": result.passages_created,
                        "suggested": result.passages_suggested})
    return redirect("themes:analysis", slug=found.slug)


@login_required
@require_POST
def refresh(request: HttpRequest, slug: str) -> HttpResponse:
    from .tasks import refresh_suggestions

    found = permissions.get_request_for(request.user, slug)
    permissions.require_can_code_passages(request.user, found)
    refresh_suggestions.enqueue()
    messages.success(request, _("The model is being refitted on everything coded so far; "
                                "new suggestions will appear for passages not yet coded."))
    return redirect("themes:analysis", slug=found.slug)


@login_required
def code_next(request: HttpRequest, slug: str) -> HttpResponse:
    found = permissions.get_request_for(request.user, slug)
    permissions.require_can_code_passages(request.user, found)
    coding_round = _round(request)
    passage = selectors.next_to_code(found, coding_round)
    if passage is None:
        messages.success(request, _("Every passage has been coded."))
        return redirect("themes:analysis", slug=found.slug)
    return redirect(_code_url(passage, coding_round))


def _code_url(passage: Passage, coding_round: int) -> str:
    url = reverse("themes:code", args=[passage.pk])
    return f"{url}?round=2" if coding_round == Coding.Round.SECOND else url


@login_required
def code(request: HttpRequest, pk: int) -> HttpResponse:
    passage = get_object_or_404(Passage.objects.select_related(
        "area", "response", "response__request", "response__request__issuing_body"), pk=pk)
    found = passage.response.request
    permissions.require_can_code_passages(request.user, found)
    coding_round = _round(request)
    suggestions = selectors.current_suggestions(passage)
    decided = selectors.decided_codes(passage, coding_round)
    entries = list(CodebookEntry.objects.all())
    form = CodingForm(request.POST or None, suggestions=suggestions, entries=entries,
                      initial=_initial(suggestions, decided))
    if request.method == "POST" and form.is_valid():
        try:
            services.code_passage(passage=passage, actor=request.user,
                                  codes=form.chosen_codes(), round=coding_round)
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            following = selectors.next_to_code(found, coding_round, after=passage)
            if following is None:
                messages.success(request, _("Every passage has been coded."))
                return redirect("themes:analysis", slug=found.slug)
            return redirect(_code_url(following, coding_round))
    before, after = selectors.neighbours(passage)
    return render(request, "themes/code.html", {
        "suggested_field": _suggestion_checkboxes(form, suggestions),
        "areas_named": selectors.areas_named(passage),
        "passage": passage, "request_": found, "form": form, "round": coding_round,
        "suggestions": suggestions, "decided": decided,
        "progress": selectors.progress(found, coding_round),
        "coding": selectors.coding_of(passage, coding_round),
        "previous_url": _code_url(before, coding_round) if before else "",
        "skip_url": _code_url(after, coding_round) if after else "",
        "draft": _draft_entry(request, passage),
        "shows_demo_data": passage.is_demo,
    }, status=400 if form.errors else 200)


def _draft_entry(request: HttpRequest, passage: Passage) -> dict[str, str] | None:
    """What the provision register's "make a draft entry" button sends for this passage, or
    None when the user may not draft entries for the passage's area."""
    if not permissions.can_draft_entry_from_passage(request.user, passage.area):
        return None
    label = _("%(request)s, %(area)s: %(source)s, paragraph %(number)s") % {
        "request": passage.response.request.title, "area": passage.area.name,
        "source": passage.source_label, "number": passage.position + 1}
    return {"source_label": label[:300], "source_url": passage.get_absolute_url()}


def _suggestion_checkboxes(form: CodingForm, suggestions) -> str:
    """The suggested codes as GOV.UK checkboxes, each with its confidence and reason."""
    bound = form["suggested"]
    value = bound.value() or []
    chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
    names = dict(form.fields["suggested"].choices)
    items = [
        {"value": s.label, "checked": s.label in chosen,
         "text": _("%(name)s (%(confidence)s%% sure)")
         % {"name": names.get(s.label, s.label), "confidence": round(100 * s.confidence)},
         "hint": {"text": selectors.reason_for(s)},
         "attributes": {"data-shortcut": str(index)} if index < 10 else {}}
        for index, s in enumerate(suggestions, start=1) if s.label in names
    ]
    if not items:
        return ""
    return govuk.render("checkboxes", {
        "idPrefix": "id_suggested", "name": "suggested", "items": items,
        "classes": "govuk-checkboxes--small",
        "fieldset": {"legend": {"text": _("Suggested codes"),
                                "classes": "govuk-fieldset__legend--m"}},
        "hint": {"text": _("Untick a suggestion to reject it. Keys 1 to 9 tick or untick.")},
    })


def _initial(suggestions, decided: set[str] | None) -> dict[str, list[str]]:
    if decided is None:
        return {"suggested": [s.label for s in suggestions]}
    suggested = {s.label for s in suggestions}
    return {"suggested": sorted(decided & suggested),
            "themes": sorted(code for code in decided - suggested if ":" not in code),
            "facets": sorted(code for code in decided - suggested if ":" in code)}


def passage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    passage = get_object_or_404(Passage.objects.select_related(
        "area", "response", "response__request", "response__request__issuing_body",
        "response__published_version"), pk=pk)
    permissions.require_can_view_passage(request.user, passage)
    found = passage.response.request
    can_code = permissions.can_code_passages(request.user, found)
    show_coding = permissions.can_view_analysis(request.user, found)
    names = selectors.label_names()
    codings = []
    suggestions = []
    if show_coding:
        for coding in passage.codings.select_related("coder"):
            decisions = [(names.get(d.label, d.label), d.get_verdict_display())
                         for d in coding.decisions.filter(superseded_at__isnull=True)]
            codings.append((coding, decisions))
        suggestions = [(names.get(s.label, s.label), s, selectors.reason_for(s))
                       for s in selectors.current_suggestions(passage)]
    return render(request, "themes/passage.html", {
        "passage": passage, "request_": found,
        "response_url": passage.source_url or passage.response.get_absolute_url(),
        "suggestions": suggestions, "codings": codings, "can_code": can_code,
        "draft": _draft_entry(request, passage),
        "shows_demo_data": passage.is_demo,
    })
