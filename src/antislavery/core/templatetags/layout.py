"""The page frame built from GOV.UK components: service navigation, phase banner, footer."""

from __future__ import annotations

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from antislavery.core import govuk

register = template.Library()


@register.simple_tag(takes_context=True)
def service_navigation(context: template.Context) -> SafeString:
    request = context["request"]
    user = request.user
    if user.is_authenticated:
        account = format_html(
            '<li class="govuk-service-navigation__item"><form method="post" action="{}">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button type="submit" class="govuk-service-navigation__link app-link-button">'
            "{}</button></form></li>",
            reverse("accounts:sign-out"), get_token(request),
            _("Sign out (%(name)s)") % {"name": user.get_username()},
        )
    else:
        account = format_html(
            '<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link"'
            ' href="{}">{}</a></li>', reverse("accounts:sign-in"), _("Sign in"),
        )
    navigation = [
        {"href": item["href"], "text": item["text"], "active": item["active"]}
        for item in context.get("service_navigation", [])
    ]
    return govuk.render("service-navigation", {
        "serviceName": _("Anti-Slavery Local Response Toolkit"),
        "serviceUrl": reverse("home"),
        "navigation": navigation,
        "menuButtonText": _("Menu"),
        "navigationLabel": _("Menu"),
        "ariaLabel": _("Service information"),
        "slots": {"navigationEnd": str(account)},
    })


@register.simple_tag(takes_context=True)
def phase_banner(context: template.Context) -> SafeString:
    if context.get("site_has_demo_data"):
        tag, text = _("Demo"), _(
            "This installation holds demonstration data: synthetic figures and invented "
            "responses are marked wherever they appear. Do not use them for decisions."
        )
    else:
        tag, text = _("Beta"), _("This is a new service.")
    return govuk.render("phase-banner", {"tag": {"text": tag}, "text": text})
