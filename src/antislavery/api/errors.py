"""Errors the API answers with: always ``{"code", "message"}``, plus where it helps the
parameter at fault or the closest candidates for an unknown area."""

from __future__ import annotations

from django.utils.translation import gettext as _

from antislavery.errors import ToolkitError

MAX_TEXT = 200


class InvalidParameter(ToolkitError):
    """A query or path parameter the API cannot use; the message names it."""

    code = "invalid_parameter"
    status = 422

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(_("Parameter '%(name)s': %(problem)s") % {"name": parameter,
                                                                   "problem": message})
        self.parameter = parameter


def clean_text(parameter: str, value: str | None) -> str | None:
    """``value`` stripped, or ``InvalidParameter`` for control characters or an overlong text."""
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise InvalidParameter(parameter, _("at most %(count)s characters.")
                               % {"count": MAX_TEXT})
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise InvalidParameter(parameter, _("control characters are not allowed."))
    return value.strip()


def error_body(error: ToolkitError) -> dict[str, object]:
    body: dict[str, object] = {"code": error.code, "message": error.message}
    parameter = getattr(error, "parameter", None)
    if parameter:
        body["parameter"] = parameter
    candidates = getattr(error, "candidates", None)
    if candidates is not None:
        body["candidates"] = list(candidates)
    return body
