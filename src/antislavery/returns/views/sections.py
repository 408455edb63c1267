"""The area page's section on national requests (registered in ``ReturnsConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from antislavery.accounts import permissions

from .. import selectors


def area_section(request: HttpRequest, area: Any) -> dict[str, Any] | None:
    """The area's requests as the viewer may see them: its office, the tasks it has; a
    coordinator, the state of the area's response to each request they follow; everyone
    else, the responses published."""
    user = request.user
    tasks: list[Any] = []
    followed: list[dict[str, Any]] = []
    published: list[Any] = []
    if permissions.is_office_member(user, area):
        tasks = selectors.requests_for_office(area)
    elif permissions.is_coordinator(user):
        followed = [{"response": response,
                     "url": response.get_absolute_url()
                     if permissions.can_view_response(user, response)
                     else response.request.get_absolute_url()}
                    for response in selectors.responses_to_area(area)
                    if permissions.can_track_request(user, response.request)]
    else:
        published = selectors.published_for_area(area)
    if not published and not tasks and not followed:
        return None
    return {
        "published": published,
        "tasks": tasks,
        "followed": followed,
        "shows_demo_data": any(r.is_demo for r in published)
        or any(t.response.is_demo for t in tasks)
        or any(row["response"].is_demo for row in followed),
    }
