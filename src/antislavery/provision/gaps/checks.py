"""The checks of the gap analysis and the thresholds they use."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from antislavery.localpicture import disclosure
from antislavery.localpicture.figures import LocalFigures

from .. import codes
from ..library import evidence_for
from ..models import Entry
from ..selectors import ENDING_SOON_MONTHS, ending_soon_limit
from .report import FINDING_CODES, Example, Figure, Finding, GapReport, NotAssessed

# --- Thresholds: each is named in the "why" of the finding it decides. ---
# An exploitation type is a "large share" of local referrals at or above this share.
LARGE_EXPLOITATION_SHARE = 0.25
# The child share is "above the national share" when it exceeds it by more than this.
CHILD_SHARE_MARGIN = 0.0
# The language check looks at this many of the most referred nationalities...
MOST_REFERRED_NATIONALITIES = 3
# ...each making up at least this share of local referrals.
MIN_NATIONALITY_SHARE = 0.05
# At most this many examples of other areas' practice per finding.
MAX_EXAMPLES = 3

# Evaluations that count as "evaluated" (a planned evaluation does not).
EVALUATED = (Entry.Evaluation.INTERNAL, Entry.Evaluation.INDEPENDENT,
             Entry.Evaluation.PUBLISHED)
EMERGENCY_STAGES = (codes.BEFORE_NRM, codes.DURING_NRM)
# Nationality values that name no nationality.
UNSPECIFIED = {"unknown", "not_specified", "not_specified_or_unknown", "other", "not_known",
               "all_other_nationalities", "other_nationalities"}


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


@dataclass
class _Context:
    area: Any
    counting: list[Entry]
    entries: list[Entry]
    practice: list[Entry]
    figures: LocalFigures | None
    today: datetime.date

    def covered(self, answers: Callable[[Entry], bool]) -> bool:
        return any(answers(entry) for entry in self.counting)

    def examples(self, answers: Callable[[Entry], bool]) -> list[Example]:
        status_order = {Entry.Status.RUNNING: 0, Entry.Status.PILOT: 1, Entry.Status.ENDED: 2}
        found = [e for e in self.practice if e.status in status_order and answers(e)]
        found.sort(key=lambda e: (-evidence_for(e).rank, status_order[e.status], e.area.name,
                                  e.title))
        return [Example(e.area.slug, e.area.name, e.title, e.pk, evidence_for(e).label)
                for e in found[:MAX_EXAMPLES]]

    def referrals_figure(self) -> Figure | None:
        figures = self.figures
        if figures is None or figures.referrals is None:
            return None
        text = _("%(count)s potential victims were referred to the NRM in %(area)s in "
                 "%(period)s.") % {"count": f"{figures.referrals:,}",
                                   "area": self.area.name, "period": figures.period_label}
        return Figure(text, figures.referrals, None, figures.period_label)


def _stage_findings(ctx: _Context) -> list[Finding]:
    checks = (
        ("no_support_before_nrm", codes.BEFORE_NRM,
         _("No support before a referral to the NRM"),
         _("No running or pilot entry covers people before a referral: first contact, time "
           "to reflect and support while they decide. HMICFRS asked commissioners and chief "
           "constables to make sure support is there before the NRM.")),
        ("no_support_after_nrm", codes.AFTER_NRM,
         _("No support after an NRM decision"),
         _("No running or pilot entry covers people after a decision on their referral. "
           "HMICFRS asked for support after the NRM, when national support ends or changes.")),
        ("no_support_outside_nrm", codes.OUTSIDE_NRM,
         _("No support for people outside the NRM"),
         _("No running or pilot entry covers people who decline a referral or are not "
           "eligible for one. HMICFRS asked for alternative provision for those who decline.")),
    )
    findings = []
    for code, stage, title, why in checks:
        def answers(entry: Entry, stage: str = stage) -> bool:
            return stage in entry.nrm_stages

        if not ctx.covered(answers):
            findings.append(Finding(code, title, why, ctx.referrals_figure(),
                                    ctx.examples(answers)))
    return findings


def _gives_emergency_accommodation(entry: Entry) -> bool:
    housing = entry.kind == "accommodation" or "accommodation" in entry.themes
    return housing and any(stage in entry.nrm_stages for stage in EMERGENCY_STAGES)


def _accommodation_findings(ctx: _Context) -> list[Finding]:
    if ctx.covered(_gives_emergency_accommodation):
        return []
    return [Finding(
        "no_emergency_accommodation", _("No emergency accommodation before a referral "
                                        "decision"),
        _("No running or pilot entry offers accommodation (an accommodation service, or an "
          "entry with the accommodation theme) before a referral or while a decision is "
          "awaited. The HMICFRS report found that a lack of somewhere safe to stay deters "
          "victims from engaging with the police."),
        ctx.referrals_figure(), ctx.examples(_gives_emergency_accommodation))]


def _language_findings(ctx: _Context) -> tuple[list[Finding], list[NotAssessed]]:
    figures = ctx.figures
    if figures is None or not figures.nationalities:
        return [], [NotAssessed("language_gap", _("There are no nationality figures for this "
                                                  "area, so languages were not checked."))]
    findings, not_assessed = [], []
    offered = {language.lower() for entry in ctx.counting for language in entry.languages}
    named = [share for share in figures.nationalities
             if codes.normalise_code(share.value) not in UNSPECIFIED]
    top = sorted(named, key=lambda share: (-share.count, share.label))
    for share in top[:MOST_REFERRED_NATIONALITIES]:
        if share.share < MIN_NATIONALITY_SHARE:
            continue
        known = codes.languages_for_nationality(share.value, share.label)
        if known is None:
            not_assessed.append(NotAssessed("language_gap", _(
                "No language is recorded for the nationality '%(nationality)s', so it was "
                "not checked.") % {"nationality": share.label}))
            continue
        if known.english:
            continue
        wanted = {language.lower() for language in known.languages}

        def answers(entry: Entry, wanted: set[str] = wanted) -> bool:
            mine = {language.lower() for language in entry.languages}
            return bool(mine & (wanted | {codes.ANY_LANGUAGE}))

        if codes.ANY_LANGUAGE in offered or offered & wanted:
            continue
        figure = Figure(
            _("People from %(nationality)s were %(share)s of the area's referrals (%(count)s) "
              "in %(period)s.") % {"nationality": share.label, "share": _percent(share.share),
                                "count": share.count, "period": figures.period_label},
            share.share, None, figures.period_label)
        findings.append(Finding(
            "language_gap",
            _("No support in %(languages)s") % {"languages": _(" or ").join(known.languages)},
            _("%(nationality)s is among the %(n)s nationalities most often referred "
              "in this area (each check covers nationalities with at least %(min)s of "
              "referrals), and no running or pilot entry offers support in %(languages)s or "
              "through interpreting.") % {
                "nationality": share.label, "n": MOST_REFERRED_NATIONALITIES,
                "min": _percent(MIN_NATIONALITY_SHARE),
                "languages": _(" or ").join(known.languages)},
            figure, ctx.examples(answers), subject=share.label))
    return findings, not_assessed


def _child_findings(ctx: _Context) -> tuple[list[Finding], list[NotAssessed]]:
    figures = ctx.figures
    if figures is None or figures.child_share is None or figures.national_child_share is None:
        return [], [NotAssessed("child_support_gap", _(
            "There is no child share of referrals for this area and the nation, so support "
            "for children was not checked."))]
    local, national = figures.child_share, figures.national_child_share

    def answers(entry: Entry) -> bool:
        return codes.CHILD in entry.victim_groups

    if local <= national + CHILD_SHARE_MARGIN or ctx.covered(answers):
        return [], []
    figure = Figure(
        _("Children were %(local)s of the area's referrals in %(period)s, against %(national)s "
          "nationally.") % {"local": _percent(local), "national": _percent(national),
                            "period": figures.period_label},
        local, national, figures.period_label)
    margin = (_(" by more than %(margin)s points") % {"margin": f"{CHILD_SHARE_MARGIN * 100:g}"}
              if CHILD_SHARE_MARGIN else "")
    return [Finding(
        "child_support_gap", _("No support for children"),
        _("The share of referrals who are children is above the national share%(margin)s, and "
          "no running or pilot entry is for children.") % {"margin": margin},
        figure, ctx.examples(answers))], []


def _exploitation_code(value: str) -> list[str]:
    """The codebook exploitation codes a breakdown value names (combinations name several)."""
    aliases = {"domestic": "domestic_servitude", "organ_harvesting": "organ_removal",
               "organ": "organ_removal", "sexual_exploitation": "sexual",
               "labour_exploitation": "labour", "criminal_exploitation": "criminal"}
    known = codes.builtin_values(codes.EXPLOITATION)
    whole = codes.normalise_code(value)
    whole = aliases.get(whole, whole)
    if whole in known:
        return [whole]
    found = []
    for part in re.split(r"\s*(?:&|\+|,|/|\band\b)\s*", value.lower()):
        code = aliases.get(codes.normalise_code(part), codes.normalise_code(part))
        if code in known and code not in found:
            found.append(code)
    return found


def exploitation_shares(shares: Sequence[Any]) -> dict[str, float]:
    """Share of referrals per exploitation code; a combination counts towards each part."""
    totals: dict[str, float] = {}
    for share in shares:
        for code in _exploitation_code(share.value) or _exploitation_code(share.label):
            totals[code] = totals.get(code, 0.0) + share.share
    return totals


def _exploitation_findings(ctx: _Context) -> tuple[list[Finding], list[NotAssessed]]:
    figures = ctx.figures
    if figures is None or not figures.exploitation:
        return [], [NotAssessed("exploitation_gap", _(
            "There are no exploitation figures for this area, so provision for each type "
            "was not checked."))]
    local = exploitation_shares(figures.exploitation)
    national = {code: share for key, share in figures.national_exploitation.items()
                for code in _exploitation_code(key)}
    findings = []
    for code, label in codes.builtin_values(codes.EXPLOITATION).items():
        share = local.get(code, 0.0)
        if share < LARGE_EXPLOITATION_SHARE:
            continue

        def answers(entry: Entry, code: str = code) -> bool:
            return code in entry.exploitation

        if ctx.covered(answers):
            continue
        text = _("%(type)s made up %(share)s of the area's referrals in %(period)s") % {
            "type": label, "share": _percent(share), "period": figures.period_label}
        if code in national:
            text += _(", against %(national)s nationally") % {"national":
                                                              _percent(national[code])}
        findings.append(Finding(
            "exploitation_gap", _("No provision for %(type)s") % {"type": label.lower()},
            _("%(type)s makes up a large share of local referrals (this check counts %(large)s "
              "or more as large), and no running or pilot entry covers it.") % {
                "type": label, "large": _percent(LARGE_EXPLOITATION_SHARE)},
            Figure(text + ".", share, national.get(code), figures.period_label),
            ctx.examples(answers), subject=code))
    return findings, []


def _has_successor(ending: Entry, entries: Sequence[Entry]) -> bool:
    """Another live entry of the same kind, covering every stage the ending one covers,
    that runs past its end."""
    for other in entries:
        if other is ending or (other.pk is not None and other.pk == ending.pk):
            continue
        if other.draft or other.is_withdrawn or other.status == Entry.Status.ENDED:
            continue
        if other.kind != ending.kind or not set(ending.nrm_stages) <= set(other.nrm_stages):
            continue
        if other.end is None or other.end > ending.end:
            return True
    return False


def _ending_findings(ctx: _Context) -> list[Finding]:
    limit = ending_soon_limit(ctx.today)
    findings = []
    for entry in ctx.counting:
        if entry.end is None or entry.end > limit or _has_successor(entry, ctx.entries):
            continue

        def answers(other: Entry, kind: str = entry.kind) -> bool:
            return other.kind == kind

        ends = date_format(entry.end, "j F Y")
        findings.append(Finding(
            "ending_without_successor",
            _("'%(title)s' ends soon with nothing after it") % {"title": entry.title},
            _("It ends on %(date)s, within the %(months)s months this check looks ahead, and "
              "no other running, pilot or planned entry of the same kind covering the same "
              "stages runs past that date.") % {"date": ends, "months": ENDING_SOON_MONTHS},
            Figure(_("Ends on %(date)s.") % {"date": ends}, entry.end.isoformat()),
            ctx.examples(answers), subject=entry.title))
    return findings


def _evaluation_findings(ctx: _Context) -> list[Finding]:
    def answers(entry: Entry) -> bool:
        return entry.evaluation in EVALUATED

    if not ctx.counting or ctx.covered(answers):
        return []
    count = len(ctx.counting)
    return [Finding(
        "nothing_evaluated", _("Nothing has been evaluated"),
        _("None of the area's running or pilot entries has had an internal review or an "
          "independent evaluation, so there is no local evidence of what works."),
        Figure(_("0 of %(count)s running or pilot entries evaluated.") % {"count": count},
               count),
        ctx.examples(lambda e: e.evaluation in (Entry.Evaluation.INDEPENDENT,
                                                Entry.Evaluation.PUBLISHED)))]


def analyse_gaps(*, area: Any, entries: Sequence[Entry], figures: LocalFigures | None,
                 practice: Sequence[Entry], today: datetime.date) -> GapReport:
    """The gap findings for ``area``.

    ``entries`` are the entries covering the area (any status; only running or pilot ones
    count as provision), ``figures`` its local picture (None when there is none: the checks
    that need figures are then listed as not assessed), ``practice`` the published entries
    from which examples are drawn (the area's own are left out).
    """
    local_ids = {entry.pk for entry in entries if entry.pk is not None}
    ctx = _Context(
        area=area,
        counting=[entry for entry in entries if entry.counts_as_provision],
        entries=list(entries),
        practice=[entry for entry in practice if entry.is_published
                  and entry.area.slug != area.slug
                  and (entry.pk is None or entry.pk not in local_ids)],
        figures=figures,
        today=today,
    )
    findings = _stage_findings(ctx) + _accommodation_findings(ctx)
    not_assessed: list[NotAssessed] = []
    for check in (_language_findings, _child_findings, _exploitation_findings):
        found, skipped = check(ctx)
        findings += found
        not_assessed += skipped
    findings += _ending_findings(ctx) + _evaluation_findings(ctx)
    findings.sort(key=lambda finding: FINDING_CODES.index(finding.code))
    return GapReport(
        area=area.slug, area_name=area.name, as_of=today, findings=findings,
        not_assessed=not_assessed,
        period=figures.period_label if figures else "",
        synthetic=bool(figures and figures.synthetic),
        sources=list(figures.sources) if figures else [],
        provision_count=len(ctx.counting),
        disclosure_notes=disclosure.table_notes(protected=figures.protected,
                                                restricted=figures.restricted)
        if figures else [],
        not_for_publication=bool(figures and figures.restricted),
    )
