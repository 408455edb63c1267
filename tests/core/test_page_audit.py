"""Every main page, as each role sees it with the demonstration data loaded, passes a quick
accessibility audit: one h1, headings in order, no duplicate ids, every form control
labelled, every table in a scrolling wrapper; and a page showing demonstration data says so.

The demonstration data is loaded once for all the pages (it takes seconds), so each role's
pages are one test that lists every problem it finds.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from antislavery.accounts.models import User
from tests.htmlcheck import problems

pytestmark = pytest.mark.django_db

REQUEST = "hmicfrs-support-outside-nrm"

# Pages everyone may open, then those for signed-in roles (name: address).
PUBLIC_PAGES = {
    "home": "/", "about": "/about/", "accessibility": "/accessibility/",
    "sign in": "/account/sign-in/", "areas": "/areas/", "area": "/areas/essex/",
    "peer groups": "/areas/groups/", "statistics": "/statistics/",
    "compare form": "/statistics/compare/",
    "compare": "/statistics/compare/?measure=nrm_referrals&group=vru-areas",
    "statistics format": "/statistics/format/",
    "requests": "/requests/", "request": f"/requests/{REQUEST}/",
    "published responses": f"/requests/{REQUEST}/published/", "codebook": "/themes/codebook/",
    "reports": "/reports/", "provision": "/provision/", "matrix": "/provision/matrix/",
    "gaps": "/provision/gaps/essex/", "library": "/provision/library/",
}
COORDINATOR_PAGES = {
    "response": f"/requests/{REQUEST}/responses/essex/", "analysis": f"/themes/requests/{REQUEST}/",
    "analyses": "/themes/", "passage": None, "coding": None,
    "collated report": f"/reports/collated/{REQUEST}/", "letters": f"/requests/{REQUEST}/letters/",
    "new request": "/requests/new/", "add a code": "/themes/codebook/add/",
    "statistics releases": "/statistics/releases/", "statistics upload": "/statistics/upload/",
    "audit log": "/account/audit/",
}
EDITOR_PAGES = {
    "response": f"/requests/{REQUEST}/responses/essex/",
    "response history": f"/requests/{REQUEST}/responses/essex/versions/",
    "requests for us": "/requests/for-us/", "new entry": "/provision/areas/essex/new/",
    "provision import": "/provision/import/",
}
# Pages that hold only reference material or forms, not demonstration data.
NO_DEMO_DATA = {"home", "areas", "compare form", "about", "accessibility", "sign in",
                "codebook", "add a code", "new request", "statistics format",
                "statistics upload", "provision import", "new entry", "peer groups", "reports",
                "audit log", "API documentation"}


@pytest.fixture
def demo(areas):
    call_command("demo", "--quiet-accounts")


def audit(client, pages: dict[str, str]) -> list[str]:
    found = []
    for name, url in pages.items():
        response = client.get(url, follow=True)
        if response.status_code != 200:
            found.append(f"{name} ({url}): status {response.status_code}")
            continue
        html = response.content.decode()
        found += [f"{name} ({url}): {problem}" for problem in problems(html)]
        if name not in NO_DEMO_DATA and "data-demo-notice" not in html:
            found.append(f"{name} ({url}): shows demonstration data without the notice")
    return found


def coding_pages() -> dict[str, str]:
    from antislavery.themes.models import Passage

    passage = Passage.objects.filter(response__request__slug=REQUEST).order_by("pk").first()
    return {"passage": passage.get_absolute_url(),
            "coding": reverse("themes:code", args=[passage.pk])}


def test_public_pages_pass_the_audit(client, demo):
    assert audit(client, PUBLIC_PAGES) == []


def test_coordinator_pages_pass_the_audit(client, demo):
    client.force_login(User.objects.get(username="coordinator@demo.example"))
    pages = {**PUBLIC_PAGES, **COORDINATOR_PAGES, **coding_pages()}
    assert audit(client, pages) == []


def test_office_editor_pages_pass_the_audit(client, demo):
    client.force_login(User.objects.get(username="editor.essex@demo.example"))
    assert audit(client, {**PUBLIC_PAGES, **EDITOR_PAGES}) == []


def test_api_documentation_passes_the_audit(client, demo):
    assert audit(client, {"API documentation": "/api/"}) == []
