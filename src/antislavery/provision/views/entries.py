"""One entry: its page, adding and changing it, ending and withdrawing it, its history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from antislavery.accounts import permissions
from antislavery.areas.selectors import area_by_slug
from antislavery.errors import InvalidTransition, ToolkitError

from .. import codes, selectors, services
from ..forms import DraftForm, EndForm, EntryForm, WithdrawForm
from ..library import evidence_for, similar_entries
from ..models import CODED_LISTS, Entry


def _summary_rows(entry: Entry) -> list[tuple[str, str]]:
    others = [a.name for a in entry.areas.all() if a.pk != entry.area_id]
    rows = [
        (_("Area"), ", ".join([entry.area.name, *sorted(others)])),
        (_("Kind"), entry.kind_label),
    ]
    for name, facet in CODED_LISTS.items():
        rows.append((codes.facet_label(facet),
                     "; ".join(entry.facet_labels(name)) or _("Not stated")))
    rows += [
        (_("Languages offered"), "; ".join(
            _("any, through interpreting") if lang == codes.ANY_LANGUAGE else lang
            for lang in entry.languages) or _("Not stated")),
        (_("Status"), entry.get_status_display()),
        (_("Start date"), date_format(entry.start, "j F Y") if entry.start
         else _("Not stated")),
        (_("End date"), date_format(entry.end, "j F Y") if entry.end else _("Not stated")),
        (_("Provider"), entry.provider or _("Not stated")),
        (_("Funder"), entry.funder or _("Not stated")),
        (_("Funding source"), entry.funding_source or _("Not stated")),
        (_("Evaluation"), entry.get_evaluation_display()),
        (_("Evidence"), evidence_for(entry).label),
        (_("Contact"), entry.contact or _("Not stated")),
    ]
    return rows


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_entry_for_view(request.user, pk)
    similar = []
    if entry.is_published:
        similar = similar_entries(entry, list(selectors.published_entries()))
    return render(request, "provision/entry_detail.html", {
        "entry": entry, "rows": _summary_rows(entry), "evidence": evidence_for(entry),
        "similar": similar,
        "ending_soon": selectors.is_ending_soon(entry, timezone.localdate()),
        "can_edit": permissions.can_edit_entry(request.user, entry) and not entry.is_withdrawn,
        "can_see_history": permissions.can_view_entry_history(request.user, entry),
        "shows_demo_data": entry.demo or any(other.demo for other, _score in similar),
    })


def _field_label(name: str) -> str:
    """A versioned field's name as people read it (its verbose name, translated)."""
    try:
        label = str(Entry._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name
    return label[:1].upper() + label[1:]


def history(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_entry_for_view(request.user, pk)
    permissions.require_can_view_entry_history(request.user, entry)
    versions = list(entry.versions.select_related("created_by"))
    changes = []
    for version, older in zip(versions, [*versions[1:], None], strict=True):
        before = older.data if older else {}
        changed = [(_field_label(name), before.get(name), value)
                   for name, value in version.data.items()
                   if older is None or before.get(name) != value]
        changes.append({"version": version, "changed": changed})
    return render(request, "provision/history.html", {
        "entry": entry, "changes": changes, "shows_demo_data": entry.demo})


def _save(request: HttpRequest, form: EntryForm, save: Any) -> HttpResponse | None:
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(form.to_fields())
    except services.EntryInvalid as exc:
        form.add_problems(exc.problems)
        return None


@login_required
def create(request: HttpRequest, slug: str) -> HttpResponse:
    area = area_by_slug(slug)
    permissions.require_can_add_entry(request.user, area)
    form = EntryForm(request.POST or None, area=area)

    def save(data: Any) -> HttpResponse:
        entry = services.create_entry(actor=request.user, area=area, data=data)
        messages.success(request, _("The entry was added."))
        return redirect(entry)

    response = _save(request, form, save)
    return response or render(request, "provision/entry_form.html",
                              {"form": form, "area": area, "entry": None},
                              status=400 if form.errors else 200)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_entry_for_edit(request.user, pk)
    form = EntryForm(request.POST or None, area=entry.area,
                     initial=EntryForm.initial_for(entry))

    def save(data: Any) -> HttpResponse:
        try:
            version = services.update_entry(actor=request.user, entry=entry, data=data)
        except InvalidTransition as exc:
            messages.error(request, exc.message)
            return redirect(entry)
        messages.success(request, _("The entry was saved.") if version
                         else _("Nothing had changed, so no new version was saved."))
        return redirect(entry)

    response = _save(request, form, save)
    return response or render(request, "provision/entry_form.html",
                              {"form": form, "area": entry.area, "entry": entry,
                               "shows_demo_data": entry.demo},
                              status=400 if form.errors else 200)


@login_required
def end(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_entry_for_edit(request.user, pk)
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_entry(actor=request.user, entry=entry, **form.cleaned_data)
        except services.EntryInvalid as exc:
            form.add_error("end", exc.message)
        else:
            messages.success(request, _("The entry was marked as ended."))
            return redirect(entry)
    return render(request, "provision/end_form.html", {"form": form, "entry": entry},
                  status=400 if form.errors else 200)


@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_entry_for_edit(request.user, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.withdraw_entry(actor=request.user, entry=entry, **form.cleaned_data)
        messages.success(request, _("The entry was withdrawn. It stays on record."))
        return redirect(entry)
    return render(request, "provision/withdraw_form.html", {"form": form, "entry": entry},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def draft_from_passage(request: HttpRequest) -> HttpResponse:
    """Make a draft entry from a passage (the button on a passage posts here), then open it
    for checking."""
    form = DraftForm(request.POST)
    if not form.is_valid():
        raise ToolkitError(" ".join(str(e) for errors in form.errors.values()
                                    for e in errors))
    data = form.cleaned_data
    entry = services.draft_entry_from_text(
        actor=request.user, area=area_by_slug(data["area"]), text=data["text"],
        source_label=data["source_label"], source_url=data["source_url"])
    messages.success(request, _("A draft entry was made from the passage. Check its values; "
                                "the office for %(area)s will see it.")
                     % {"area": entry.area.name})
    return redirect(entry)
