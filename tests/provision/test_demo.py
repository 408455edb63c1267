"""The demonstration entries: repeatable, marked as demonstration, and showing every gap."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone

from antislavery.accounts.models import AuditEntry
from antislavery.provision import demo, exports, gapreport
from antislavery.provision.models import Entry, EntryVersion
from antislavery.provision.selectors import published_entries

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(Entry.objects.values_list("demo_key", "title", "status", "end", "public"))


def test_loading_again_adds_and_changes_nothing(areas):
    assert "28 demonstration entries added" in load()
    first = snapshot()
    counts = (Entry.objects.count(), EntryVersion.objects.count(), AuditEntry.objects.count())
    assert "0 demonstration entries added" in load()
    assert snapshot() == first
    assert (Entry.objects.count(), EntryVersion.objects.count(),
            AuditEntry.objects.count()) == counts


def test_every_demo_entry_is_marked_in_the_data_and_the_downloads(areas):
    load()
    assert not Entry.objects.filter(demo=False).exists()
    assert all(entry.demo_key for entry in Entry.objects.all())
    csv_text = exports.as_csv(Entry.objects.all(), timezone.localdate()).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == 28
    assert {row["demonstration"] for row in rows} == {"yes"}


def test_demo_has_private_drafts_of_plans_and_a_mix_of_statuses_and_evaluations(areas):
    load()
    assert set(Entry.objects.values_list("status", flat=True)) == {"planned", "pilot",
                                                                   "running", "ended"}
    assert set(Entry.objects.values_list("evaluation", flat=True)) == {
        "none", "planned", "internal", "independent"}
    assert Entry.objects.filter(public=False).count() == 2
    assert Entry.objects.filter(areas__slug="lincolnshire").exists()


def test_every_gap_finding_that_needs_no_local_figures_appears_for_some_demo_area(areas):
    load()
    seen = set()
    for slug in sorted(set(Entry.objects.values_list("area__slug", flat=True))):
        seen |= set(gapreport.gap_report(areas[slug], everything=True).codes)
    assert seen >= {"no_support_before_nrm", "no_support_after_nrm", "no_support_outside_nrm",
                    "no_emergency_accommodation", "ending_without_successor",
                    "nothing_evaluated"}


def test_demo_examples_come_only_from_published_entries(areas):
    load()
    report = gapreport.gap_report(areas["essex"], everything=True)
    published = set(published_entries().values_list("pk", flat=True))
    examples = [e.entry_id for finding in report.findings for e in finding.examples]
    assert examples
    assert set(examples) <= published
