"""Site-wide request handling: the page language, and toolkit errors mapped to pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.template.response import TemplateResponse
from django.utils import translation

from antislavery.errors import NotFound, NotPermitted, ToolkitError


class ChosenLanguageMiddleware(LocaleMiddleware):
    """The language a person chose (Django's language cookie, set by ``/i18n/setlang/``).

    The browser's Accept-Language is followed only when ``LANGUAGE_FROM_BROWSER`` is on:
    until the Welsh catalogue is translated, a Welsh browser would otherwise get English
    pages marked ``lang="cy"`` (wrong for screen readers) with Django's own messages in Welsh.
    """

    def process_request(self, request: HttpRequest) -> None:
        if settings.LANGUAGE_FROM_BROWSER:
            super().process_request(request)
            return
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = translation.get_supported_language_variant(chosen)
        except LookupError:
            language = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class ToolkitErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.path.startswith("/api/"):
            return None
        if isinstance(exception, NotPermitted):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            from antislavery.accounts import audit

            audit.record(request.user, "access.denied", note=exception.message,
                         path=f"{request.method} {request.get_full_path()}")
            return self._page(request, "403.html", exception, 403)
        if isinstance(exception, NotFound):
            return self._page(request, "404.html", exception, 404)
        if isinstance(exception, ToolkitError):
            return self._page(request, "400.html", exception, exception.status)
        return None

    @staticmethod
    def _page(request: HttpRequest, template: str, error: ToolkitError,
              status: int) -> HttpResponse:
        response = TemplateResponse(request, template, {"error": error}, status=status)
        return response.render()
