"""Area pages: the list, one area, its office's details, peer groups."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _

from antislavery.accounts import permissions
from antislavery.core import sections
from antislavery.errors import ToolkitError

from . import selectors, services
from .forms import OfficeForm, PeerGroupForm
from .models import Area, Organisation, PeerGroup


def area_list(request: HttpRequest) -> HttpResponse:
    return render(request, "areas/list.html", {"regions": selectors.areas_by_region()})


def _governance_rows(area: Area) -> list[tuple[str, object]]:
    held_by = format_html("{}<p class=\"govuk-body-s govuk-!-margin-top-2\">{}</p>",
                          area.get_governance_display(), area.governance_note) \
        if area.governance_note else area.get_governance_display()
    rows: list[tuple[str, object]] = [
        (_("Police force"), area.force_name),
        (_("Held to account by"), held_by),
        (_("Violence Reduction Unit"),
         _("Yes, funded since 2019") if area.has_vru else _("No")),
    ]
    if area.code:
        rows.append((_("ONS code"), area.code))
    return rows


def _office_rows(office: Organisation | None) -> list[tuple[str, object]]:
    if office is None:
        return []
    holder = office.holder_name or _("Not recorded")
    if office.holder_title:
        holder = format_html('{}<br><span class="govuk-body-s">{}</span>', holder,
                             office.holder_title)
    rows: list[tuple[str, object]] = [(_("Office"), office.name), (_("Commissioner"), holder)]
    if office.website:
        rows.append((_("Website"), format_html('<a class="govuk-link" href="{}">{}</a>',
                                               office.website, office.website)))
    return rows


def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    area = selectors.area_by_slug(slug)
    if area.slug != slug:
        return redirect(area)
    office = getattr(area, "office", None)
    context = {
        "area": area,
        "office": office,
        "governance_rows": _governance_rows(area),
        "office_rows": _office_rows(office),
        "peer_groups": selectors.peer_groups_for(area),
        "regional_peers": selectors.regional_peers(area),
        "can_edit": permissions.can_edit_for_area(request.user, area),
        "sections": sections.render_context(request, area),
    }
    context["shows_demo_data"] = any(s["context"].get("shows_demo_data")
                                     for s in context["sections"])
    return render(request, "areas/detail.html", context)


def office_edit(request: HttpRequest, slug: str) -> HttpResponse:
    area = permissions.get_area_for_edit(request.user, slug)
    office = area.office
    form = OfficeForm(request.POST or None, instance=office)
    if request.method == "POST" and form.is_valid():
        services.update_office(office=office, actor=request.user, data=form.cleaned_data)
        messages.success(request, _("The office's details were saved."))
        return redirect(area)
    return render(request, "areas/office_edit.html", {"area": area, "form": form},
                  status=400 if form.errors else 200)


def peer_group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.visible_peer_groups()
    return render(request, "areas/peer_group_list.html", {
        "presets": [g for g in groups if g.kind == PeerGroup.Kind.PRESET],
        "custom": [g for g in groups if g.kind == PeerGroup.Kind.CUSTOM],
        "can_create": permissions.can_create_peer_group(request.user),
    })


def peer_group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(selectors.visible_peer_groups(), slug=slug)
    return render(request, "areas/peer_group_detail.html", {
        "group": group, "can_manage": permissions.can_manage_peer_group(request.user, group)})


@login_required
def peer_group_create(request: HttpRequest) -> HttpResponse:
    form = PeerGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_peer_group(actor=request.user, **form.cleaned_data)
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The group was created."))
            return redirect(group)
    return render(request, "areas/peer_group_form.html", {"form": form, "group": None},
                  status=400 if form.errors else 200)


@login_required
def peer_group_edit(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(PeerGroup, slug=slug)
    permissions.require_can_manage_peer_group(request.user, group)
    initial = {"name": group.name, "description": group.description,
               "areas": [a.slug for a in group.areas.all()]}
    form = PeerGroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_peer_group(group=group, actor=request.user, **form.cleaned_data)
        except ToolkitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The group was saved."))
            return redirect(group)
    return render(request, "areas/peer_group_form.html", {"form": form, "group": group},
                  status=400 if form.errors else 200)
