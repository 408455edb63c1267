"""English by default; Welsh is there to choose, with a catalogue made by makemessages."""

from pathlib import Path

import pytest
from django.urls import reverse

import antislavery

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_pages_are_english_even_when_the_browser_asks_for_welsh(client, areas):
    response = client.get(reverse("accounts:sign-in"), HTTP_ACCEPT_LANGUAGE="cy")
    assert html_lang(response) == "en"
    assert "Page not found" in client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="cy"
                                          ).content.decode()


def test_choosing_welsh_switches_the_page_language(client, areas):
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    assert response.status_code == 302
    page = client.get(reverse("home"))
    assert html_lang(page) == "cy"
    # Django's own strings already have Welsh; the toolkit's wait for translators.
    assert "Ni ddarganfyddwyd y dudalen" in client.get("/no-such-page/").content.decode()


def test_an_unknown_language_choice_leaves_english(client, areas):
    client.cookies["django_language"] = "xx"
    assert html_lang(client.get(reverse("home"))) == "en"


def test_the_browser_language_is_followed_when_the_setting_asks(client, areas, settings):
    settings.LANGUAGE_FROM_BROWSER = True
    assert html_lang(client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="cy")) == "cy"


def test_the_welsh_catalogue_holds_the_toolkits_own_strings():
    catalogue = Path(antislavery.__file__).parent / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    text = catalogue.read_text(encoding="utf-8")
    for msgid in ("Sign in", "Police force areas", "Too many attempts to sign in",
                  "Skip to main content"):
        assert f'msgid "{msgid}"' in text
