"""Build a request's collated report: sections by theme group, examples led by their area.

Where a coordinator has chosen examples for a theme, those are used in their order and
wording. Where none are chosen, a default selection fills the section so that a report is
never empty: passages people gave the theme, then passages the machine suggested it for with
at least ``CONFIDENT`` confidence (people's coding of a passage always wins over the
machine's), then passages whose wording is the area's own before wording that several
responses share, surest first; one passage per area, never the same wording twice, at most
``DEFAULT_EXAMPLES``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from antislavery.themes import selectors as theme_selectors
from antislavery.themes.models import CodebookEntry, Passage, Suggestion

from .models import CollatedReport, ReportItem
from .render.document import Annex, CollatedDocument, Example, Section, join_names

CONFIDENT = 0.6
DEFAULT_EXAMPLES = 8


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    source: str  # "people" or "machine"
    confidence: float
    repeats: int = 1  # how many passages of the request have the same wording

    @property
    def rank(self) -> tuple:
        return (self.source != "people", self.repeats > 1, -self.confidence,
                self.passage.area.name, self.passage.pk)


def wording(text: str) -> str:
    return " ".join(text.lower().split())


def candidates(request: Any) -> dict[str, list[Candidate]]:
    """For each theme: passages that carry it, people's coding first, surest first."""
    passages = {p.pk: p for p in theme_selectors.current_passages(request)}
    repeats = Counter(wording(p.quoted_text) for p in passages.values())
    people = theme_selectors.coded_sets(request)
    found: dict[str, list[Candidate]] = {}

    def add(code: str, passage: Passage, source: str, confidence: float) -> None:
        found.setdefault(code, []).append(
            Candidate(passage, source, confidence, repeats[wording(passage.quoted_text)]))

    for passage_id, codes in people.items():
        for code in codes:
            add(code, passages[passage_id], "people", 1.0)
    for passage_id, label, confidence in Suggestion.objects.filter(
            passage_id__in=passages, model_version=F("passage__suggested_with"),
            confidence__gte=CONFIDENT).values_list("passage_id", "label", "confidence"):
        if passage_id not in people:
            add(label, passages[passage_id], "machine", confidence)
    for code in found:
        found[code].sort(key=lambda c: c.rank)
    return found


def default_selection(found: list[Candidate], limit: int = DEFAULT_EXAMPLES) -> list[Candidate]:
    chosen: list[Candidate] = []
    areas: set[int] = set()
    texts: set[str] = set()
    for candidate in found:
        text = wording(candidate.passage.quoted_text)
        if candidate.passage.area_id in areas or text in texts:
            continue
        chosen.append(candidate)
        areas.add(candidate.passage.area_id)
        texts.add(text)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=lambda c: c.passage.area.name)


@dataclass(frozen=True)
class ThemeExamples:
    code: str
    label: str
    group: str
    items: list[ReportItem]
    defaults: list[Candidate]
    others: list[Candidate]

    @property
    def uses_defaults(self) -> bool:
        return not self.items


def theme_examples(request: Any, report: CollatedReport | None) -> list[ThemeExamples]:
    found = candidates(request)
    chosen: dict[str, list[ReportItem]] = {}
    if report is not None:
        for item in report.items.filter(removed_at__isnull=True).select_related(
                "passage", "passage__area").order_by("position", "id"):
            chosen.setdefault(item.theme, []).append(item)
    result = []
    for entry in CodebookEntry.objects.filter(kind=CodebookEntry.Kind.THEME):
        items = chosen.get(entry.code, [])
        taken = {item.passage_id for item in items}
        defaults = [] if items else default_selection(found.get(entry.code, []))
        taken |= {c.passage.pk for c in defaults}
        others = [c for c in found.get(entry.code, []) if c.passage.pk not in taken]
        result.append(ThemeExamples(entry.code, entry.label, entry.group, items, defaults,
                                    others))
    return result


def quoted_without_consent(themes: list[ThemeExamples]) -> list[str]:
    """Areas the report quotes whose responses are not published with their office's consent,
    so the coordinator can check before publishing the report."""
    from antislavery.accounts.permissions import is_public_response

    quoted = {item.passage for theme in themes for item in theme.items}
    quoted |= {candidate.passage for theme in themes for candidate in theme.defaults}
    return sorted({p.area.name for p in quoted if not is_public_response(p.response)})


def respondents(request: Any) -> tuple[list[str], list[str], int]:
    """Names of areas that responded and that did not, and how many were asked."""
    from antislavery.returns.models import RECEIVED_STATES

    responses = list(request.responses.select_related("area").order_by("area__name"))
    received = [r.area.name for r in responses if r.state in RECEIVED_STATES]
    missing = [r.area.name for r in responses if r.state not in RECEIVED_STATES]
    return received, missing, len(responses)


def default_summary(request: Any) -> str:
    """An opening executive summary from the counts, for the coordinator to rewrite."""
    received, _missing, asked = respondents(request)
    counts = theme_selectors.theme_counts(request)
    labels = {e.code: (e.label, e.group) for e in CodebookEntry.objects.filter(
        kind=CodebookEntry.Kind.THEME)}

    def top(group: str) -> list[str]:
        ranked = sorted(((n, labels[c][0]) for c, n in counts.items()
                         if c in labels and labels[c][1] == group), reverse=True)
        return [_("%(theme)s (%(areas)s areas)") % {"theme": name.split(": ")[-1].lower(),
                                                     "areas": n} for n, name in ranked[:4]]

    lines = [_("%(received)s of the %(asked)s areas asked responded.")
             % {"received": len(received), "asked": asked}]
    if top("response"):
        lines.append(_("The work described most often was %(themes)s.")
                     % {"themes": join_names(top("response"))})
    if top("challenge"):
        lines.append(_("The challenges raised most often were %(themes)s.")
                     % {"themes": join_names(top("challenge"))})
    return " ".join(lines)


def section_title(label: str) -> str:
    """ "Challenge: the pandemic" reads "The pandemic" under the Challenges heading."""
    name = label.split(": ", 1)[-1]
    return name[:1].upper() + name[1:]


def default_title(request: Any) -> str:
    return _("%(title)s: collated report") % {"title": request.title}


def build_document(request: Any, report: CollatedReport | None = None, *,
                   link: Callable[[Passage], str] = lambda p: p.get_absolute_url()
                   ) -> CollatedDocument:
    """The report as data for the renderers; ``link`` makes each example's link ("" for
    none)."""
    received, missing, asked = respondents(request)
    examples = theme_examples(request, report)
    groups = []
    for value, label in CodebookEntry.Group.choices:
        children = []
        for theme in (t for t in examples if t.group == value):
            shown = ([Example(i.passage.area.name, i.text, link(i.passage)) for i in theme.items]
                     or [Example(c.passage.area.name, c.passage.quoted_text, link(c.passage))
                         for c in theme.defaults])
            if shown:
                children.append(Section(theme.code, section_title(theme.label), shown))
        if children:
            groups.append(Section(value, str(label), children=children))
    annex_codes = _annex_codes(request)
    columns = [(t.code, t.label) for t in examples]
    return CollatedDocument(
        title=report.title if report else default_title(request),
        issuer=request.issuing_body.name,
        introduction=report.introduction if report else request.background,
        responses_received=len(received), recipients=asked, non_respondents=missing,
        summary=report.summary if report else default_summary(request),
        sections=groups,
        annex=Annex(columns, [(name, annex_codes.get(name, set())) for name in received]),
        is_demo=bool(request.is_demo or (report and report.is_demo)),
        date=date_format(timezone.localdate(), "j F Y"),
    )


def _annex_codes(request: Any) -> dict[str, set[str]]:
    area_of = {p.pk: p.area.name for p in theme_selectors.current_passages(request)}
    people = theme_selectors.coded_sets(request)
    machine = {pk: codes for pk, codes in _confident_sets(request).items() if pk not in people}
    result: dict[str, set[str]] = {}
    for passage_id, codes in {**machine, **people}.items():
        result.setdefault(area_of[passage_id], set()).update(
            code for code in codes if ":" not in code)
    return result


def _confident_sets(request: Any) -> dict[int, set[str]]:
    passages = theme_selectors.current_passages(request)
    sets: dict[int, set[str]] = {}
    for passage_id, label in Suggestion.objects.filter(
            passage__in=passages, model_version=F("passage__suggested_with"),
            confidence__gte=CONFIDENT).values_list("passage_id", "label"):
        sets.setdefault(passage_id, set()).add(label)
    return sets
