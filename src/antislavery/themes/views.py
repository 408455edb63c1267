"""Theme pages: the codebook, and (for coordinators) adding a code."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from antislavery.accounts import permissions
from antislavery.errors import ToolkitError

from . import selectors, services
from .forms import CodeForm


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
