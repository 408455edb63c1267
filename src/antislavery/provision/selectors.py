"""Reading the register: what a user may see, filtered, searched, laid out by area."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import permissions
from antislavery.areas.selectors import territorial_areas
from antislavery.errors import NotFound

from . import codes
from .models import Entry

# Contracts whose end date falls within this many months are flagged in the register.
ENDING_SOON_MONTHS = 6

SEARCH_FIELDS = ("title", "summary", "provider", "funder")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def ending_soon_limit(today: datetime.date) -> datetime.date:
    return add_months(today, ENDING_SOON_MONTHS)


def is_ending_soon(entry: Entry, today: datetime.date) -> bool:
    """A running or pilot entry whose end date is no later than six months from ``today``
    (one whose end date has passed while it still runs is flagged too)."""
    return bool(entry.counts_as_provision and entry.end
                and entry.end <= ending_soon_limit(today))


def entry_by_pk(pk: int) -> Entry:
    try:
        return Entry.objects.select_related("area").get(pk=pk)
    except (Entry.DoesNotExist, ValueError, TypeError):
        raise NotFound(_("There is no such entry."), code="no_such_entry") from None


def visible_entries(user: Any, *, include_withdrawn: bool = False) -> Any:
    """Entries the user may see: published ones, plus, for coordinators everything and for
    an office everything covering its area."""
    entries = Entry.objects.select_related("area").prefetch_related("areas")
    if permissions.is_coordinator(user):
        visible = entries.all()
    else:
        area_id = permissions.office_area_id(user)
        published = Q(public=True, draft=False, withdrawn_at__isnull=True)
        visible = entries.filter(published | Q(areas__pk=area_id) if area_id else published)
        visible = visible.distinct()
    return visible if include_withdrawn else visible.filter(withdrawn_at__isnull=True)


def published_entries() -> Any:
    """The practice library: every published entry, from every area."""
    return Entry.objects.published().select_related("area").prefetch_related("areas")


@dataclass
class EntryFilters:
    query: str = ""
    area: Any = None
    kind: str = ""
    stage: str = ""
    group: str = ""
    exploitation: str = ""
    theme: str = ""
    status: str = ""
    evaluation: str = ""
    min_evidence: int | None = None
    ending_soon: bool = False
    today: datetime.date = field(default_factory=timezone.localdate)


def search(entries: Any, query: str) -> Any:
    """Entries whose title, summary, provider or funder contain every word of ``query``
    (any case). On PostgreSQL, an English full-text match (stemmed) also counts."""
    words = query.split()
    if not words:
        return entries
    condition = Q()
    for word in words:
        condition &= Q(*[Q(**{f"{name}__icontains": word}) for name in SEARCH_FIELDS],
                       _connector=Q.OR)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*SEARCH_FIELDS, config="english")
        matched = Entry.objects.annotate(search=vector).filter(
            search=SearchQuery(query, config="english", search_type="websearch"))
        condition |= Q(pk__in=matched.values("pk"))
    return entries.filter(condition)


def filter_entries(entries: Any, filters: EntryFilters) -> Any:
    from .library import evaluations_at_least

    entries = search(entries, filters.query)
    if filters.area is not None:
        entries = entries.filter(areas=filters.area).distinct()
    for facet, code in ((codes.KIND, filters.kind), (codes.STAGE, filters.stage),
                        (codes.GROUP, filters.group), (codes.EXPLOITATION, filters.exploitation),
                        (codes.THEME, filters.theme)):
        if code:
            entries = entries.with_code(facet, code)
    if filters.status:
        entries = entries.filter(status=filters.status)
    if filters.evaluation:
        entries = entries.filter(evaluation=filters.evaluation)
    if filters.min_evidence is not None:
        entries = entries.filter(evaluation__in=evaluations_at_least(filters.min_evidence))
    if filters.ending_soon:
        entries = entries.filter(status__in=Entry.COUNTING_STATUSES, draft=False,
                                 end__isnull=False,
                                 end__lte=ending_soon_limit(filters.today))
    return entries


def entries_for_area(user: Any, area: Any) -> Any:
    return visible_entries(user).filter(areas=area).distinct()


@dataclass
class MatrixRow:
    area: Any
    cells: list[dict[str, int]]

    @property
    def total(self) -> int:
        return sum(cell["counting"] for cell in self.cells)


def coverage_matrix(user: Any) -> list[MatrixRow]:
    """For each territorial area, per NRM stage: how many running or pilot entries (and how
    many planned) the user can see cover it."""
    stages = list(codes.facet_values(codes.STAGE))
    tallies: dict[int, list[dict[str, int]]] = {}
    entries = visible_entries(user).filter(draft=False).exclude(status=Entry.Status.ENDED)
    for entry in entries:
        counting = entry.status in Entry.COUNTING_STATUSES
        for covered in entry.areas.all():
            cells = tallies.setdefault(covered.pk, [{"counting": 0, "planned": 0}
                                                    for _stage in stages])
            for index, stage in enumerate(stages):
                if stage in entry.nrm_stages:
                    cells[index]["counting" if counting else "planned"] += 1
    empty = [{"counting": 0, "planned": 0} for _stage in stages]
    return [MatrixRow(area, tallies.get(area.pk, empty)) for area in territorial_areas()]
