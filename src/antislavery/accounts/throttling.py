"""Whose failed sign-ins count together: one account from one client address.

Behind a reverse proxy every request comes from the proxy's address, so with
``TRUST_X_FORWARDED_FOR`` on the client's address is the last hop of X-Forwarded-For: the
one the proxy itself added. Earlier hops are whatever the client sent and could be forged
to dodge the pause.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR") or "unknown"
