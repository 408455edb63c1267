"""Reading the codebook, passages, suggestions and decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.utils.translation import gettext

from .agreement import Agreement, agreements
from .engine.codebook import FACETS, Codebook, Facet, Theme
from .models import CodebookEntry, Coding, Decision, Passage, Suggestion


@dataclass(frozen=True)
class CodebookGroup:
    code: str
    label: str
    themes: list[CodebookEntry]


@dataclass(frozen=True)
class CodebookFacet:
    name: str
    label: str
    values: list[CodebookEntry]


def codebook_groups() -> list[CodebookGroup]:
    """Themes grouped as a collated report presents them."""
    themes = list(CodebookEntry.objects.filter(kind=CodebookEntry.Kind.THEME))
    return [CodebookGroup(value, str(label), [t for t in themes if t.group == value])
            for value, label in CodebookEntry.Group.choices]


def codebook_facets() -> list[CodebookFacet]:
    from .engine import codebook as codebook_file

    labels = {name: facet.label for name, facet in codebook_file.packaged().facets.items()}
    values = list(CodebookEntry.objects.filter(kind=CodebookEntry.Kind.FACET_VALUE))
    return [CodebookFacet(name, labels.get(name, name), [v for v in values if v.facet == name])
            for name in FACETS]


def current_codebook() -> Codebook:
    """The codebook as the engine needs it, with every code people have added."""
    from .engine import codebook as codebook_file

    packaged = codebook_file.packaged()
    themes = {
        entry.code: Theme(entry.code, entry.label, entry.group, entry.definition)
        for entry in CodebookEntry.objects.filter(kind=CodebookEntry.Kind.THEME)
    }
    facets = {}
    for name in FACETS:
        values = {entry.code: entry.label for entry in CodebookEntry.objects.filter(
            kind=CodebookEntry.Kind.FACET_VALUE, facet=name)}
        facets[name] = Facet(name, packaged.facets[name].label,
                             values or dict(packaged.facets[name].values))
    if not themes:
        return packaged
    return Codebook(packaged.version, themes, dict(packaged.groups), facets)


def label_names() -> dict[str, str]:
    """Every engine label ("scrutiny", "nrm_stage:before_nrm") with its readable name."""
    return {entry.label_key: entry.label for entry in CodebookEntry.objects.all()}


# --- Passages and their coding ---------------------------------------------------------------


def current_passages(request: Any) -> QuerySet[Passage]:
    """Passages of the versions last submitted by responses that can be analysed."""
    from antislavery.returns.selectors import ANALYSABLE_STATES

    return (Passage.objects
            .filter(response__request=request, response__state__in=ANALYSABLE_STATES,
                    version_id=F("response__submitted_version_id"))
            .select_related("area", "response")
            .order_by("area__name", "source_kind", "source_id", "position"))


@dataclass(frozen=True)
class Progress:
    coded: int
    total: int

    @property
    def remaining(self) -> int:
        return self.total - self.coded

    @property
    def percent(self) -> int:
        return round(100 * self.coded / self.total) if self.total else 0


def progress(request: Any, round: int = Coding.Round.FIRST) -> Progress:
    passages = current_passages(request)
    coded = passages.filter(codings__round=round).distinct().count()
    return Progress(coded, passages.count())


def next_to_code(request: Any, round: int = Coding.Round.FIRST,
                 after: Passage | None = None) -> Passage | None:
    """The first passage not yet coded in this round, after ``after`` if given (wrapping)."""
    waiting = list(current_passages(request).exclude(codings__round=round)
                   .values_list("pk", flat=True))
    if not waiting:
        return None
    if after is not None:
        order = list(current_passages(request).values_list("pk", flat=True))
        position = order.index(after.pk) if after.pk in order else -1
        later = [pk for pk in order[position + 1:] if pk in set(waiting)]
        if later:
            return Passage.objects.get(pk=later[0])
    return Passage.objects.get(pk=waiting[0])


def neighbours(passage: Passage) -> tuple[Passage | None, Passage | None]:
    """The passages before and after this one in the request's coding order."""
    order = list(current_passages(passage.response.request).values_list("pk", flat=True))
    if passage.pk not in order:
        return None, None
    index = order.index(passage.pk)
    before = Passage.objects.get(pk=order[index - 1]) if index > 0 else None
    after = Passage.objects.get(pk=order[index + 1]) if index + 1 < len(order) else None
    return before, after


def areas_named(passage: Passage) -> list[str]:
    """Names of the police force areas the passage mentions, from the gazetteer, in order."""
    from antislavery.areas.selectors import gazetteer

    from .engine.areas import mentions

    found = gazetteer()
    slugs = list(dict.fromkeys(m.slug for m in mentions(passage.full_text, found)))
    return [found.names[slug] for slug in slugs]


def current_suggestions(passage: Passage) -> list[Suggestion]:
    """What the model that last looked at the passage suggested, surest first."""
    return list(passage.suggestions.filter(model_version=passage.suggested_with)
                .order_by("-confidence", "label"))


def reason_for(suggestion: Suggestion) -> str:
    """The suggestion's reason in the reader's language, rebuilt from what it recorded.
    Suggestions stored before rules' reasons were kept separately show their English."""
    from .engine.suggest import explain

    if suggestion.phrases and not suggestion.rule_reasons:
        return suggestion.reason
    return explain(phrases=suggestion.phrases, rule_reasons=suggestion.rule_reasons,
                   similar=[(item["id"], item["text"]) for item in suggestion.similar],
                   translate=gettext)


def decided_codes(passage: Passage, round: int = Coding.Round.FIRST) -> set[str] | None:
    """The codes given in this round, or None if the passage has not been coded in it."""
    coding = passage.codings.filter(round=round).first()
    if coding is None:
        return None
    return {decision.label for decision in coding.decisions.filter(superseded_at__isnull=True)
            if decision.gives_code}


def coding_of(passage: Passage, round: int = Coding.Round.FIRST) -> Coding | None:
    return passage.codings.filter(round=round).select_related("coder").first()


def coded_sets(request: Any, round: int = Coding.Round.FIRST) -> dict[int, set[str]]:
    """For every passage coded in the round: the codes given."""
    passages = current_passages(request)
    sets: dict[int, set[str]] = {
        pk: set() for pk in passages.filter(codings__round=round).values_list("pk", flat=True)}
    for passage_id, label in Decision.objects.filter(
            coding__passage__in=passages, coding__round=round, superseded_at__isnull=True,
            verdict__in=[Decision.Verdict.ACCEPTED, Decision.Verdict.ADDED],
    ).values_list("coding__passage_id", "label"):
        sets[passage_id].add(label)
    return sets


def suggested_sets(request: Any) -> dict[int, set[str]]:
    """For every passage the machine has looked at: the codes it suggested."""
    passages = current_passages(request).exclude(suggested_with="")
    sets: dict[int, set[str]] = {pk: set() for pk in passages.values_list("pk", flat=True)}
    for passage_id, label in Suggestion.objects.filter(
            passage__in=passages, model_version=F("passage__suggested_with"),
    ).values_list("passage_id", "label"):
        sets[passage_id].add(label)
    return sets


@dataclass(frozen=True)
class AgreementReport:
    theme_codes: list[str]
    between_coders: list[Agreement]
    double_coded: int
    machine_and_people: list[Agreement]
    coded: int


def agreement_report(request: Any) -> AgreementReport:
    """Cohen's kappa per theme: first against second coder, and machine against people."""
    themes = list(current_codebook().themes)
    first = coded_sets(request, Coding.Round.FIRST)
    second = coded_sets(request, Coding.Round.SECOND)
    machine = suggested_sets(request)
    return AgreementReport(
        theme_codes=themes,
        between_coders=agreements(themes, first, second),
        double_coded=len(set(first) & set(second)),
        machine_and_people=agreements(themes, machine, first),
        coded=len(set(first) & set(machine)),
    )


def theme_counts(request: Any) -> dict[str, int]:
    """How many areas each theme was given to (by people, or else by the machine)."""
    areas: dict[str, set[int]] = {}
    area_of = dict(current_passages(request).values_list("pk", "area_id"))
    people = coded_sets(request)
    for passage_id, codes in {**suggested_sets(request), **people}.items():
        for code in codes:
            areas.setdefault(code, set()).add(area_of[passage_id])
    return {code: len(found) for code, found in areas.items()}
