"""Map toolkit errors raised in views to pages, once for the whole site."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from antislavery.errors import NotFound, NotPermitted, ToolkitError


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
