"""Fixtures for the API tests: published figures imported through the real import service."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

import pytest
from django.core.cache import cache

from antislavery.localpicture.services import ImportOptions, import_statistics
from antislavery.provision import services as provision_services
from antislavery.provision.fields import EntryFields
from antislavery.provision.models import Entry
from antislavery.returns import services
from antislavery.returns.models import Response
from tests import factories as shared
from tests.localpicture.store_helpers import tidy_csv
from tests.provision import factories as provision
from tests.returns import factories

QUARTERS = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3",
            "2024-Q4"]
OFFICIAL = [101, 117, 98, 120, 131, 125, 140, 152]


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Every test starts with an empty cache (rate-limit counters, cached pictures)."""
    settings.API_RATE_LIMIT_REQUESTS = 10_000
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def official(areas):
    """Official quarterly NRM referrals for Essex and Kent, with a child breakdown for Essex."""
    rows = []
    for quarter, value in zip(QUARTERS, OFFICIAL, strict=True):
        rows.append(["home-office-nrm", quarter, "Essex", "nrm_referrals", "", value, ""])
        rows.append(["home-office-nrm", quarter, "Essex", "nrm_referrals", "age_group=child",
                     value // 3, ""])
        rows.append(["home-office-nrm", quarter, "Kent", "nrm_referrals", "", value + 7, ""])
    return import_statistics(data=tidy_csv(rows), file_name="official.csv", actor=None).release


@pytest.fixture
def private_release(areas, essex_editor):
    """Essex's own figures, kept private to its office."""
    rows = [["local-essex", "2023", "Essex", "recorded_crimes", "", "77", ""]]
    return import_statistics(data=tidy_csv(rows), file_name="private.csv", actor=essex_editor,
                             options=ImportOptions(visibility="private")).release


@pytest.fixture
def protected_public(areas, essex_editor):
    """Essex's own figures, published by its office: a protected source, so rounded."""
    rows = [["local-essex", q, "Essex", "helpline_cases", "", v, ""]
            for q, v in zip(QUARTERS[:6], [1, 4, 9, 10, 11, 23], strict=True)]
    return import_statistics(data=tidy_csv(rows), file_name="essex-helpline.csv",
                             actor=essex_editor, options=ImportOptions(visibility="public")
                             ).release


@pytest.fixture
def request_with_answers(areas):
    """Essex's response published; Surrey's submitted only; Cumbria's published-refused."""
    coordinator = shared.coordinator()
    issued = factories.issued_request(coordinator, areas=[areas["essex"], areas["surrey"],
                                                          areas["cumbria"]])
    for slug, text, consent in (("essex", "We fund a navigator.", True),
                                ("surrey", "Draft thoughts, not for the public.", True),
                                ("cumbria", "Ours stays private.", False)):
        response = Response.objects.get(request=issued, area__slug=slug)
        editor = shared.office_user(areas[slug])
        services.save_answers(response=response, actor=editor,
                              answers=factories.answer_text(text), consent=consent,
                              based_on=0)
        services.submit_response(response=response, actor=editor, based_on=1)
    essex = Response.objects.get(request=issued, area__slug="essex")
    services.accept_response(response=essex, actor=coordinator)
    services.publish_response(response=essex, actor=coordinator)
    return issued


@dataclass
class Register:
    """Public entries, and the entries the public must never see, with their markers."""

    essex: Entry
    kent: Entry
    hidden: dict[str, Entry]

    @property
    def secrets(self) -> list[str]:
        """Words that occur only in the hidden entries."""
        return [SECRET_WORDS[name] for name in self.hidden]


SECRET_WORDS = {"private": "Quillfeather", "withdrawn": "Marrowgate", "unpublished": "Tessellan",
                "draft": "Brackenhold"}


@pytest.fixture
def register(areas, essex_editor):
    """Two public entries (Kent's covers Essex too); and, made through the provision services,
    one private entry, one withdrawn, one public then made private, and one draft from a
    passage, each carrying a word found nowhere else."""
    essex = provision.entry(
        areas["essex"], actor=essex_editor, title="Victim navigators for adults",
        summary="Navigators help adults through the NRM.", themes=["victim_support"],
        nrm_stages=["before_nrm", "during_nrm"], victim_groups=["adult"],
        exploitation=["labour"], languages=["Romanian"], provider="Justice and Care",
        evaluation=Entry.Evaluation.INDEPENDENT, start=datetime.date(2023, 4, 1))
    kent = provision.entry(
        areas["kent"], title="Training for frontline staff on child exploitation",
        kind="training", status=Entry.Status.PILOT, themes=["prevention"],
        nrm_stages=["before_nrm"], victim_groups=["child"], exploitation=["criminal"],
        evaluation=Entry.Evaluation.PUBLISHED, evaluation_url="https://example.org/evaluation",
        other_areas=[areas["essex"]])
    hidden = {}
    hidden["private"] = provision.entry(
        areas["essex"], actor=essex_editor, title="Quillfeather safe house", public=False,
        summary="Quillfeather address kept private.", contact="quillfeather@example.org")
    withdrawn = provision.entry(areas["essex"], actor=essex_editor,
                                title="Marrowgate outreach", provider="Marrowgate Trust")
    provision_services.withdraw_entry(actor=essex_editor, entry=withdrawn,
                                      reason="Entered twice.")
    hidden["withdrawn"] = withdrawn
    unpublished = provision.entry(areas["essex"], actor=essex_editor,
                                  title="Tessellan helpline", funder="Tessellan Fund")
    provision_services.update_entry(
        actor=essex_editor, entry=unpublished,
        data=replace(EntryFields.from_entry(unpublished), public=False))
    hidden["unpublished"] = unpublished
    hidden["draft"] = provision_services.draft_entry_from_text(
        actor=essex_editor, area=areas["essex"],
        text="The Brackenhold navigator supports adults before the NRM.",
        source_label="Brackenhold answer", source_url="")
    for entry in hidden.values():
        entry.refresh_from_db()
        assert not entry.is_published
    return Register(essex, kent, hidden)


@pytest.fixture
def added_codes(coordinator):
    """A theme and a facet value a coordinator added to the codebook."""
    from antislavery.themes.services import add_code

    theme = add_code(actor=coordinator, kind="theme", code="online_recruitment",
                     label="Online recruitment", group="challenge",
                     definition="Victims recruited through social media or job sites.")
    value = add_code(actor=coordinator, kind="facet_value", facet="exploitation",
                     code="forced_marriage", label="Forced marriage",
                     definition="Marriage without the free consent of one of the people.")
    return theme, value
