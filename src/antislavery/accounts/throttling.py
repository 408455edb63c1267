"""Whose failed sign-ins count together: one account from one client address.

Behind a reverse proxy every request comes from the proxy's address, so with
``TRUST_X_FORWARDED_FOR`` on the client's address is the last hop of X-Forwarded-For: the
one the proxy itself added. Earlier hops are whatever the client sent and could be forged
to dodge the pause.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(text: str | None) -> str | None:
    """The text if it is an IP address (the log stores addresses), else None."""
    try:
        return str(ipaddress.ip_address((text or "").strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    if settings.TRUST_X_FORWARDED_FOR:
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = _address(hops[-1])
        if forwarded is not None:
            return forwarded
    return _address(request.META.get("REMOTE_ADDR"))
