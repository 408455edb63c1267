"""Every link a page shows leads somewhere: a crawl of the demonstration site."""

from __future__ import annotations

import re
from collections import deque
from html import unescape

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#]*)')
SKIP = ("/admin/", "/static/", "/media/", "/account/sign-out/", "/i18n/")


def crawl(client, start: str = "/", limit: int = 200) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque([start])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            for href in HREF.findall(response.content.decode()):
                link = unescape(href)
                if not link.startswith(SKIP) and link not in seen:
                    queue.append(link)
    return seen


def test_every_link_shown_to_each_role_works(client):
    """One demonstration load, crawled as the public, a coordinator and an office editor."""
    from antislavery.accounts.models import User

    call_command("demo", "--quiet-accounts")
    for username in (None, "coordinator@demo.example", "editor.essex@demo.example"):
        client.logout()
        if username:
            client.force_login(User.objects.get(username=username))
        results = crawl(client)
        broken = {url: status for url, status in results.items() if status >= 400}
        assert len(results) > 50, username
        assert broken == {}, username
