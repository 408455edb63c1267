"""What every reader shares: the checked cell, the place resolver, values and flags.

A reader turns a file into :class:`Cell` tuples and a list of problems; it never touches the
store. Checks that repeat on many rows (area texts, periods, breakdowns) are cached, so that
each distinct text is looked at once however many rows use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _

from antislavery.errors import ProblemList

from .. import vocabulary

Progress = Callable[[int, int | None], None]


class Cell(NamedTuple):
    """One checked figure, ready to store (the source is the release's)."""

    geography: str
    area_id: int | None
    period: str
    grain: str
    period_start: object  # datetime.date
    measure: str
    breakdown: str
    value: int | None
    flag: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.geography, self.period, self.measure, self.breakdown)


@dataclass
class ReadResult:
    """What a reader found: cells, problems, and the source slugs the file names."""

    cells: list[Cell] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    source_slugs: set[str] = field(default_factory=set)
    rows_read: int = 0
    kind: str = ""
    tables: list[str] = field(default_factory=list)


class Places:
    """Resolve the texts of the area column to ``(geography, area_id)``, once per text.

    National geographies ('UK', 'England and Wales', 'England', 'Wales') come first, then the
    gazetteer. Raises ``LookupError`` with a sentence naming the closest candidates.
    """

    def __init__(self) -> None:
        from antislavery.areas.models import Area
        from antislavery.areas.selectors import gazetteer

        self._gazetteer = gazetteer()
        self._ids = dict(Area.objects.values_list("slug", "pk"))
        self._cache: dict[str, tuple[str, int | None] | LookupError] = {}
        self.ok: dict[str, tuple[str, int | None]] = {}  # texts already resolved

    def resolve(self, text: str) -> tuple[str, int | None]:
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._resolve(text)
        if isinstance(found, LookupError):
            raise found
        self.ok[text] = found
        return found

    def _resolve(self, text: str) -> tuple[str, int | None] | LookupError:
        national = vocabulary.NATIONAL_NAMES.get(vocabulary.normalise_label(text))
        if national:
            return national, None
        if not text.strip():
            return LookupError(_("The area is empty."))
        resolution = self._gazetteer.resolve(text)
        if resolution.slug is None or resolution.slug not in self._ids:
            message = _("'%(text)s' is not a police force area.") % {"text": text}
            if resolution.candidates:
                message += " " + _("Did you mean: %(names)s?") % {
                    "names": ", ".join(resolution.candidates)}
            return LookupError(message)
        return resolution.slug, self._ids[resolution.slug]


class Periods:
    """Parse period texts, once per text."""

    def __init__(self) -> None:
        self._cache: dict[str, vocabulary.Period | ValueError] = {}
        self.ok: dict[str, vocabulary.Period] = {}  # texts already parsed

    def parse(self, text: str) -> vocabulary.Period:
        found = self._cache.get(text)
        if found is None:
            try:
                found = vocabulary.parse_period(text)
            except ValueError as exc:
                found = exc
            self._cache[text] = found
        if isinstance(found, ValueError):
            raise found
        self.ok[text] = found
        return found


class Breakdowns:
    """Canonical breakdown texts, once per text."""

    def __init__(self) -> None:
        self._cache: dict[str, str | vocabulary.BreakdownError] = {}
        self.ok: dict[str, str] = {}  # texts already made canonical

    def canonical(self, text: str) -> str:
        found = self._cache.get(text)
        if found is None:
            try:
                found = vocabulary.canonical_breakdown(text)
            except vocabulary.BreakdownError as exc:
                found = exc
            self._cache[text] = found
        if isinstance(found, vocabulary.BreakdownError):
            raise found
        self.ok[text] = found
        return found


FLAGS = {"": "", "suppressed": "suppressed", "not_available": "not_available"}


def whole_number(text: str) -> int:
    """A whole number of at least zero, from text such as '412', '1,204' or '12.0'.

    Raises ``ValueError`` with a sentence saying what is wrong.
    """
    cleaned = text.strip().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(_("'%(text)s' is not a number.") % {"text": text}) from None
    if number < 0:
        raise ValueError(_("'%(text)s' is negative; figures are counts of 0 or more.")
                         % {"text": text})
    if number != int(number):
        raise ValueError(_("'%(text)s' is not a whole number.") % {"text": text})
    return int(number)


def duplicate_message(first_row: int | None, sheet: str | None = None) -> str:
    if sheet:
        return _("This figure is given twice: the same cell is in sheet %(sheet)s, row "
                 "%(row)s.") % {"sheet": sheet, "row": first_row}
    return _("This figure is given twice: the same cell is in row %(row)s.") % {
        "row": first_row}
