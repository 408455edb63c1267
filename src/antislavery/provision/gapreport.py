"""The gap analysis of a real area: its entries, its local figures, other areas' practice,
and the report as JSON or DOCX."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.localpicture.figures import LocalFigures, local_figures

from . import gaps
from .models import Entry
from .selectors import ENDING_SOON_MONTHS, entries_for_area, published_entries


def figures_for(area: Any, *, user: Any = None) -> LocalFigures | None:
    """The area's local figures from the local picture, or None when the store has nothing
    for it (the checks that need figures are then reported as not checked)."""
    figures = local_figures(area, user=user)
    return None if figures.referrals is None else figures


def gap_report(area: Any, *, user: Any = None, everything: bool = False,
               today: datetime.date | None = None) -> gaps.GapReport:
    """The findings for ``area`` over the entries ``user`` may see (``everything``: all
    entries, for the operator's command line)."""
    if everything:
        entries = Entry.objects.current().filter(areas=area).select_related("area")
    else:
        entries = entries_for_area(user, area)
    return gaps.analyse_gaps(
        area=area, entries=list(entries), figures=figures_for(area, user=user),
        practice=list(published_entries()), today=today or timezone.localdate(),
    )


def as_json(report: gaps.GapReport) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False)


def thresholds() -> list[str]:
    """The rules behind the findings, in words, for every surface that shows them."""
    return [
        _("Only running or pilot entries count as provision; drafts, planned, ended and "
          "withdrawn entries do not."),
        _("An exploitation type is a large share of local referrals at %(share)s or more.")
        % {"share": f"{gaps.LARGE_EXPLOITATION_SHARE:.0%}"},
        (_("The child share is above the national share when it is higher by more than "
           "%(margin)s percentage points.") % {"margin": f"{gaps.CHILD_SHARE_MARGIN * 100:g}"}
         if gaps.CHILD_SHARE_MARGIN else
         _("The child share is above the national share whenever it is higher.")),
        _("Languages are checked for the %(n)s most referred nationalities that each make up "
          "at least %(share)s of referrals.") % {"n": gaps.MOST_REFERRED_NATIONALITIES,
                                                  "share": f"{gaps.MIN_NATIONALITY_SHARE:.0%}"},
        _("A service ends soon when its end date is within %(months)s months.")
        % {"months": ENDING_SOON_MONTHS},
    ]


def _docx_finding(document: Any, finding: gaps.Finding) -> None:
    document.add_heading(finding.title, 1)
    document.add_paragraph(finding.why)
    if finding.figure is not None:
        document.add_paragraph(_("Figure: %(text)s") % {"text": finding.figure.text})
    document.add_paragraph(_("Code: %(code)s") % {"code": finding.code})
    if finding.examples:
        document.add_paragraph(_("Practice elsewhere:"))
        for example in finding.examples:
            document.add_paragraph(f"{example.area_name}: {example.title} ({example.evidence})",
                                   style="List Bullet")


def _docx_list(document: Any, heading: str, items: list[str]) -> None:
    if items:
        document.add_heading(heading, 1)
        for item in items:
            document.add_paragraph(item, style="List Bullet")


def as_docx(report: gaps.GapReport, *, demo: bool = False) -> bytes:
    """A Word document of the report for an office to take to its board."""
    from docx import Document

    document = Document()
    document.add_heading(_("Gaps in provision: %(area)s") % {"area": report.area_name}, 0)
    if demo:
        document.add_paragraph(_("Demonstration: this report draws on entries written for "
                                 "the demonstration, not on real services."))
    if report.synthetic:
        document.add_paragraph(_("Synthetic figures: the local figures behind this report are "
                                 "generated for the demonstration, not official statistics."))
    if report.not_for_publication:
        document.add_paragraph(_("Not for publication: this report shows protected figures "
                                 "unrounded."))
    intro = _("Checked on %(date)s against %(count)s running or pilot entries.") % {
        "date": report.as_of.isoformat(), "count": report.provision_count}
    if report.period:
        intro += " " + _("Local figures: %(period)s.") % {"period": report.period}
    document.add_paragraph(intro)
    if not report.findings:
        document.add_paragraph(_("No gaps were found by these checks."))
    for finding in report.findings:
        _docx_finding(document, finding)
    _docx_list(document, _("Not checked"), [item.reason for item in report.not_assessed])
    _docx_list(document, _("How the checks work"), thresholds())
    _docx_list(document, _("Sources"), list(report.sources))
    _docx_list(document, _("About the figures"), list(report.disclosure_notes))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def shows_demo(area: Any, report: gaps.GapReport, user: Any = None, *,
               everything: bool = False) -> bool:
    """Whether the report rests on demonstration entries or synthetic figures."""
    if report.synthetic:
        return True
    entry_ids = [example.entry_id for finding in report.findings for example in finding.examples]
    local = (Entry.objects.current().filter(areas=area) if everything
             else entries_for_area(user, area))
    return (Entry.objects.filter(pk__in=entry_ids, demo=True).exists()
            or local.filter(demo=True).exists())
