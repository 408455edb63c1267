"""Changing collated reports: the text, the chosen examples, publication."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import InvalidTransition, ToolkitError

from . import collated
from .models import CollatedReport, ReportItem

REPORT_FIELDS = ["title", "introduction", "summary", "state"]


@transaction.atomic
def start_report(*, request: Any, actor: Any) -> CollatedReport:
    """The request's report, created from the defaults the first time it is changed."""
    permissions.require_can_edit_report(actor, request)
    report = CollatedReport.objects.select_for_update().filter(request=request).first()
    if report is not None:
        return report
    report = CollatedReport.objects.create(
        request=request, title=collated.default_title(request),
        introduction=request.background, summary=collated.default_summary(request),
        is_demo=request.is_demo, created_by=actor)
    audit.record(actor, "report.create", report, after=audit.snapshot(report, REPORT_FIELDS))
    return report


@transaction.atomic
def update_text(*, report: CollatedReport, actor: Any, title: str, introduction: str,
                summary: str) -> CollatedReport:
    permissions.require_can_edit_report(actor, report.request)
    if not title.strip():
        raise ToolkitError(_("Give the report a title."))
    before = audit.snapshot(report, REPORT_FIELDS)
    report.title, report.introduction, report.summary = title.strip(), introduction, summary
    report.save(update_fields=["title", "introduction", "summary", "modified_at"])
    audit.record(actor, "report.edit", report, before=before,
                 after=audit.snapshot(report, REPORT_FIELDS))
    return report


def _check_passage(report: CollatedReport, passage: Any, theme: str) -> None:
    from antislavery.themes import selectors as theme_selectors
    from antislavery.themes.models import CodebookEntry

    if not theme_selectors.current_passages(report.request).filter(pk=passage.pk).exists():
        raise ToolkitError(_("That passage is not part of the responses to this request."))
    if not CodebookEntry.objects.filter(kind=CodebookEntry.Kind.THEME, code=theme).exists():
        raise ToolkitError(_("%(theme)s is not a theme in the codebook.") % {"theme": theme})


@transaction.atomic
def add_example(*, report: CollatedReport, actor: Any, theme: str, passage: Any) -> ReportItem:
    """Add a passage to the end of a theme's section, in its own words to begin with."""
    permissions.require_can_edit_report(actor, report.request)
    _check_passage(report, passage, theme)
    current = report.items.filter(theme=theme, removed_at__isnull=True)
    if current.filter(passage=passage).exists():
        raise ToolkitError(_("That passage is already an example in this section."))
    last = current.aggregate(last=Max("position"))["last"]
    item = ReportItem.objects.create(report=report, theme=theme, passage=passage,
                                     position=0 if last is None else last + 1,
                                     text=passage.quoted_text, added_by=actor)
    audit.record(actor, "report.example.add", report,
                 after={"theme": theme, "passage": passage.pk, "item": item.pk})
    return item


@transaction.atomic
def keep_defaults(*, report: CollatedReport, actor: Any, theme: str) -> list[ReportItem]:
    """Turn a section's default selection into chosen examples that can be reordered and
    reworded."""
    permissions.require_can_edit_report(actor, report.request)
    section = next((t for t in collated.theme_examples(report.request, report)
                    if t.code == theme), None)
    if section is None or not section.uses_defaults:
        return []
    return [add_example(report=report, actor=actor, theme=theme, passage=candidate.passage)
            for candidate in section.defaults]


@transaction.atomic
def edit_example(*, item: ReportItem, actor: Any, text: str) -> ReportItem:
    """Change the example's wording in the report; the response it quotes is not touched."""
    permissions.require_can_edit_report(actor, item.report.request)
    if not text.strip():
        raise ToolkitError(_("An example needs some text; remove it instead."))
    before = {"text": item.text}
    item.text = text.strip()
    item.save(update_fields=["text"])
    audit.record(actor, "report.example.edit", item.report, before=before,
                 after={"text": item.text, "item": item.pk})
    return item


@transaction.atomic
def remove_example(*, item: ReportItem, actor: Any) -> None:
    permissions.require_can_edit_report(actor, item.report.request)
    item.removed_at = timezone.now()
    item.save(update_fields=["removed_at"])
    audit.record(actor, "report.example.remove", item.report,
                 before={"item": item.pk, "theme": item.theme, "passage": item.passage_id})


@transaction.atomic
def move_example(*, item: ReportItem, actor: Any, up: bool) -> None:
    """Swap the example with the one before (``up``) or after it in its section."""
    permissions.require_can_edit_report(actor, item.report.request)
    siblings = list(item.report.items.filter(theme=item.theme, removed_at__isnull=True)
                    .order_by("position", "id"))
    index = siblings.index(item)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
    audit.record(actor, "report.example.move", item.report,
                 after={"theme": item.theme, "order": [s.pk for s in siblings]})


@transaction.atomic
def publish_report(*, report: CollatedReport, actor: Any) -> CollatedReport:
    permissions.require_can_edit_report(actor, report.request)
    if report.state == CollatedReport.State.PUBLISHED:
        raise InvalidTransition(_("The report is already published."))
    report.state, report.published_at = CollatedReport.State.PUBLISHED, timezone.now()
    report.save(update_fields=["state", "published_at", "modified_at"])
    audit.record(actor, "report.publish", report)
    return report


@transaction.atomic
def withdraw_report(*, report: CollatedReport, actor: Any) -> CollatedReport:
    permissions.require_can_edit_report(actor, report.request)
    if report.state != CollatedReport.State.PUBLISHED:
        raise InvalidTransition(_("Only a published report can be withdrawn."))
    report.state = CollatedReport.State.DRAFT
    report.save(update_fields=["state", "modified_at"])
    audit.record(actor, "report.withdraw", report)
    return report
