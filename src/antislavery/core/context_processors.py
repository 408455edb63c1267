"""Values every page template needs: navigation, the demonstration flag, the user's role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from . import navigation
from .demo_state import demo_loaded


def toolkit(request: HttpRequest) -> dict[str, Any]:
    return {
        "service_navigation": navigation.items_for(request),
        "site_has_demo_data": demo_loaded(),
    }
