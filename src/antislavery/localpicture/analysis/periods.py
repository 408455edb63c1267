"""Quarters and years as the statistics store writes them: ``2023``, ``2023-Q2``, ``2023-04``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = _QUARTER.match(text.strip())
        if match is None:
            raise ValueError(f"not a quarter: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def index(self) -> int:
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def shift(self, quarters: int) -> Quarter:
        return Quarter.from_index(self.index + quarters)

    @property
    def short_label(self) -> str:
        return _("%(year)s Q%(number)s") % {"year": self.year, "number": self.number}

    @property
    def months_label(self) -> str:
        months = [_("January to March"), _("April to June"), _("July to September"),
                  _("October to December")]
        return _("%(months)s %(year)s") % {"months": months[self.number - 1], "year": self.year}


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last``, both included (empty if ``last`` is earlier)."""
    return [Quarter.from_index(i) for i in range(first.index, last.index + 1)]


def last_quarters(last: Quarter, count: int) -> list[Quarter]:
    """The ``count`` quarters ending with ``last``, oldest first."""
    return quarter_range(last.shift(-(count - 1)), last)


def window_label(quarters: list[Quarter]) -> str:
    """``2024 Q4 to 2025 Q3`` for a run of quarters."""
    if not quarters:
        return ""
    if len(quarters) == 1:
        return quarters[0].short_label
    return _("%(first)s to %(last)s") % {"first": quarters[0].short_label,
                                         "last": quarters[-1].short_label}
