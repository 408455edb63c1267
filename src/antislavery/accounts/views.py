"""Signing in and out, and the audit log."""

from __future__ import annotations

import math
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from antislavery.core.demo_state import demo_loaded

from . import permissions, selectors
from .forms import AuditFilterForm, SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_invalid(self, form: SignInForm) -> HttpResponse:
        """Wrong details answer 400, and say how many tries are left before the pause."""
        username = form.data.get("username", "")
        attempts_left = None
        if username:
            failures = AxesProxyHandler.get_failures(self.request, {"username": username})
            attempts_left = max(settings.AXES_FAILURE_LIMIT - failures, 0)
        context = self.get_context_data(form=form, attempts_left=attempts_left,
                                        pause_minutes=pause_minutes(self.request))
        return self.render_to_response(context, status=400)


def pause_minutes(request: HttpRequest) -> int:
    """How long sign-in stays paused after too many failures, in whole minutes."""
    cool_off = get_cool_off(request)
    return math.ceil(cool_off.total_seconds() / 60) if cool_off else 0


def locked_out(request: HttpRequest, original_response: Any = None,
               credentials: Any = None) -> HttpResponse:
    """What django-axes shows once sign-in is paused: why, for how long, what to do."""
    return render(request, "accounts/locked_out.html",
                  {"pause_minutes": pause_minutes(request)}, status=429)


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


def audit_log(request: HttpRequest) -> HttpResponse:
    permissions.require_can_view_audit(request.user)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.audit_entries(**{k: v for k, v in filters.items() if v})
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "accounts/audit_log.html",
                  {"form": form, "page": page, "query": query.urlencode(),
                   # Entries made by the demo accounts and the demo loader are demonstration.
                   "shows_demo_data": demo_loaded()})
