"""The disclosure rule: how a count from a protected source may be shown.

Official published statistics are shown as published. A count from a protected source (an
office's own upload, helpline figures, anything derived from private data) is shown to the
public as "fewer than k" below the threshold k and otherwise rounded down to a multiple of k
(``settings.DISCLOSURE_THRESHOLD``, 10 by default). Totals are made from the values already
disclosed, never from the raw ones, so a total says nothing its parts do not and no hidden
count can be worked out by subtracting published figures. Staff who may see a protected
figure (``permissions.can_see_unrounded``) see it as stored, labelled not for publication.

:func:`disclose` is the rule. Everything else here applies it: :class:`Discloser` decides,
once per viewer, which stored figures are rounded; :func:`disclose_total` adds disclosed
values; :meth:`Discloser.value_sql` is the same rule written for the database, so that sums
over many figures stay in the database (a test checks it against :func:`disclose` for every
count up to several thousand). See docs/decisions/0005-disclosure.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.expressions import Expression
from django.db.models.fields import PositiveIntegerField
from django.utils.translation import gettext as _

from antislavery.accounts import permissions

# The flag a protected count below the threshold carries once disclosed (never stored).
FEWER_THAN = "fewer_than"
# The flag of a total one of whose parts is withheld: it is not known to the public.
WITHHELD = "withheld"


def intcomma(value: int) -> str:
    """12,345: thousands separated as in English and Welsh (and fast, for API pages)."""
    return f"{value:,}"


def threshold() -> int:
    """k: protected counts below it are withheld; others are rounded down to a multiple of it."""
    return max(1, int(getattr(settings, "DISCLOSURE_THRESHOLD", 10)))


def fewer_than_label(k: int | None = None) -> str:
    return _("fewer than %(k)s") % {"k": k or threshold()}


def not_for_publication_label() -> str:
    return _("not for publication")


def rule_note(k: int | None = None) -> str:
    """The sentence pages put under a table that holds figures from protected sources."""
    k = k or threshold()
    return _("Figures from protected sources are rounded down to a multiple of %(k)s, and "
             "shown as 'fewer than %(k)s' below that.") % {"k": k}


def staff_note() -> str:
    """The sentence shown to staff who see protected figures as they were stored."""
    return _("Some figures here are from protected sources and are shown unrounded because you "
             "may see them: they are not for publication.")


@dataclass(frozen=True)
class DisclosedValue:
    """A figure as one viewer may see it.

    ``value`` is the number that may be shown (None when withheld or when there is no figure),
    ``protected`` says the figure came from a protected source, ``exact`` that ``value`` is the
    figure as stored, ``flag`` why there is no value (``fewer_than``, ``withheld``,
    ``suppressed``, ``not_available``), and ``restricted`` that the figure is protected but shown
    unrounded to someone allowed to see it, so it is not for publication.
    """

    display: str
    value: int | None
    protected: bool
    exact: bool
    flag: str = ""
    restricted: bool = False

    @property
    def rounded(self) -> bool:
        return self.protected and not self.exact and self.value is not None

    @property
    def label(self) -> str:
        """What to print beside the figure: "not for publication" for restricted ones."""
        return not_for_publication_label() if self.restricted else ""

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "display": self.display, "flag": self.flag,
                "protected": self.protected, "exact": self.exact,
                "not_for_publication": self.restricted}


def _flag_display(flag: str, k: int) -> str:
    return {
        FEWER_THAN: fewer_than_label(k),
        WITHHELD: _("withheld"),
        "suppressed": _("suppressed"),
        "not_available": _("not available"),
    }.get(flag, _("no figure"))


def disclose(value: int | None, *, protected: bool, unrounded: bool = False,
             flag: str = "", k: int | None = None) -> DisclosedValue:
    """Apply the disclosure rule to one stored count.

    ``protected``: the count comes from a protected source. ``unrounded``: the viewer may see
    it as stored (decided by ``permissions.can_see_unrounded``). A flagged or missing figure
    stays a gap whatever its source. Refuses negative counts: the store holds none.
    """
    k = k or threshold()
    if value is None:
        return DisclosedValue(_flag_display(flag, k), None, protected, exact=True, flag=flag)
    if value < 0:
        raise ValueError("Counts are never negative.")
    if not protected:
        return DisclosedValue(intcomma(value), value, protected=False, exact=True)
    if unrounded:
        return DisclosedValue(intcomma(value), value, protected=True, exact=True,
                              restricted=True)
    if value < k:
        return DisclosedValue(fewer_than_label(k), None, protected=True, exact=False,
                              flag=FEWER_THAN)
    shown = value - value % k
    return DisclosedValue(intcomma(shown), shown, protected=True, exact=shown == value)


def disclose_total(parts: Iterable[DisclosedValue]) -> DisclosedValue:
    """The total of values already disclosed: the sum of what is shown, never of raw figures.

    When any part is a gap (withheld below the threshold, suppressed, not available) the total
    is not known either: adding the rest would let the gap be worked out by subtraction.
    """
    parts = list(parts)
    protected = any(p.protected for p in parts)
    restricted = any(p.restricted for p in parts)
    if any(p.value is None for p in parts):
        hidden = any(p.flag in (FEWER_THAN, WITHHELD) for p in parts)
        flag = WITHHELD if hidden else next((p.flag for p in parts if p.value is None), "")
        return DisclosedValue(_flag_display(flag, threshold()), None, protected, exact=False,
                              flag=flag, restricted=restricted)
    total = sum(p.value for p in parts)  # type: ignore[misc]  # no None left
    return DisclosedValue(intcomma(total), total, protected,
                          exact=all(p.exact for p in parts), restricted=restricted)


class Discloser:
    """The rule for one viewer: which stored figures they see rounded, and how.

    Built once per request (one small query over the releases of protected sources); the
    anonymous public sees every protected figure rounded.
    """

    def __init__(self, user: Any = None) -> None:
        from .models import Release

        self.k = threshold()
        self.protected_sources: set[int] = set()
        self.protected_releases: set[int] = set()
        self.rounded_releases: set[int] = set()
        releases = Release.objects.filter(source__protected=True).select_related("source")
        for release in releases:
            self.protected_sources.add(release.source_id)
            self.protected_releases.add(release.pk)
            if not permissions.can_see_unrounded(user, release):
                self.rounded_releases.add(release.pk)

    @property
    def rounds_anything(self) -> bool:
        return bool(self.rounded_releases)

    @property
    def sees_some_unrounded(self) -> bool:
        """The viewer may see some protected figures as stored (staff)."""
        return bool(self.protected_releases - self.rounded_releases)

    def is_protected(self, *, release_id: int) -> bool:
        return release_id in self.protected_releases

    def value(self, value: int | None, *, release_id: int, flag: str = "") -> DisclosedValue:
        """One stored figure of ``release_id`` as this viewer may see it."""
        return disclose(value, protected=release_id in self.protected_releases,
                        unrounded=release_id not in self.rounded_releases, flag=flag, k=self.k)

    def row(self, row: dict[str, Any], *, value_key: str = "value",
            release_key: str = "release_id", flag_key: str = "flag") -> dict[str, Any]:
        """A copy of ``row`` with its value disclosed and ``protected`` and friends added."""
        shown = self.value(row[value_key], release_id=row[release_key],
                           flag=row.get(flag_key) or "")
        return {**row, value_key: shown.value, flag_key: shown.flag or row.get(flag_key) or "",
                "display": shown.display, "protected": shown.protected, "exact": shown.exact,
                "not_for_publication": shown.restricted}

    def series(self, values: Iterable[tuple[int | None, int, str]]) -> list[DisclosedValue]:
        """Disclose ``(value, release_id, flag)`` triples in order."""
        return [self.value(v, release_id=r, flag=f) for v, r, f in values]

    def value_sql(self, field: str = "value") -> Expression:
        """The rule as a database expression over observations: NULL where withheld.

        Sum and Count over it give totals made from disclosed values: a total any of whose
        parts is withheld has fewer known parts than it needs, and callers treat it as unknown.
        """
        if not self.rounded_releases:
            return F(field)
        rounded = sorted(self.rounded_releases)
        k = self.k
        # Integer division: both SQLite and PostgreSQL truncate integer / integer.
        return Case(
            When(Q(release_id__in=rounded, **{f"{field}__gte": k}),
                 then=F(field) / Value(k) * Value(k)),
            When(release_id__in=rounded, then=Value(None)),
            default=F(field),
            output_field=PositiveIntegerField(),
        )

    def protected_count_sql(self) -> Count:
        """Counts the protected figures in a group, to flag totals that include any."""
        return Count("pk", filter=Q(release_id__in=sorted(self.protected_releases)))

    def restricted_count_sql(self) -> Count:
        """Counts the protected figures in a group this viewer sees unrounded."""
        unrounded = self.protected_releases - self.rounded_releases
        return Count("pk", filter=Q(release_id__in=sorted(unrounded)))


def shown(value: int | None, flag: str) -> int | str | None:
    """A disclosed value for a table cell: the number, "fewer than k" when withheld, or None."""
    if value is None and flag == FEWER_THAN:
        return fewer_than_label()
    return value


def mark_table(table: Any, *, protected: bool, restricted: bool) -> Any:
    """``table`` (a local picture ``DataTable``) with the disclosure notes and row flags.

    A table of a picture that holds protected figures gets the rule under it, and every row
    is flagged protected unless the table already flagged its rows one by one.
    """
    from dataclasses import replace

    if not (protected or restricted or any(table.protected)):
        return table
    flags = table.protected if any(table.protected) else (True,) * len(table.rows)
    notes = [n for n in table_notes(protected=True, restricted=restricted)
             if n not in table.notes]
    return replace(table, notes=[*table.notes, *notes], protected=flags,
                   restricted=table.restricted or restricted)


def row_flags(table: Any) -> tuple[bool, ...]:
    """Per-row protected flags of a table, or () when none of its figures is protected."""
    flags = tuple(getattr(table, "protected", ()) or ())
    return flags if any(flags) and len(flags) == len(table.rows) else ()


def picture_notes(picture: Any) -> list[str]:
    """The notes for an area's picture (pages, downloads and reports)."""
    return table_notes(protected=picture.protected, restricted=picture.restricted)


def picture_summary(picture: Any) -> dict[str, Any]:
    """What a machine-readable report says about disclosure."""
    return {"protected": picture.protected, "not_for_publication": picture.restricted,
            "threshold": threshold(),
            "note": rule_note() if picture.protected or picture.restricted else ""}


def window_notes(window: Any) -> list[str]:
    """The notes for figures made from a national window (its cells say what they hold)."""
    cells = [cell for by_breakdown in window.cells.values() for cell in by_breakdown.values()]
    return table_notes(protected=any(getattr(c, "protected", False) for c in cells),
                       restricted=any(getattr(c, "restricted", False) for c in cells))


def table_notes(*, protected: bool, restricted: bool) -> list[str]:
    """The notes a table of figures carries when protected figures are in it."""
    notes = [rule_note()] if protected or restricted else []
    if restricted:
        notes.append(staff_note())
    return notes
