"""A store with protected figures, imported through the real import service, and what each
public output may show of them.

Essex's and Kent's offices publish their own NRM referral counts (a protected source, made
public by the office); Essex also keeps a private upload. Every other area has official
(unprotected) figures. Counts are chosen so that rounding changes them (1, 4, 9, 11, 23...),
and so that the sum of rounded parts differs from the rounded sum of raw parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from antislavery.areas.models import Area
from antislavery.localpicture.services import ImportOptions, import_statistics
from tests import factories
from tests.localpicture.store_helpers import tidy_csv

QUARTERS = ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1",
            "2025-Q2"]
# The brief's counts: 1, 4, 9, 10, 11 and 23, with 19 to make a shown window.
ESSEX = [23, 11, 10, 19, 1, 4, 9, 23]
ESSEX_CHILD = [10, 4, 1, 9, 1, 1, 4, 11]
KENT = [12, 15, 27, 31, 19, 19, 19, 19]
KENT_CHILD = [10, 10, 11, 23, 10, 11, 9, 1]
PRIVATE = [1, 4, 9, 10, 11, 23]
K = 10
# Official figures are far larger than the protected ones, so that no official figure can be
# mistaken for a protected count in a sweep of every output.
OFFICIAL_BASE = 1000
OFFICIAL_CHILD = 400


def shown(value: int) -> int | None:
    """What the public may see of a protected count: None below k, else rounded down."""
    return None if value < K else value - value % K


def forbidden(counts: list[int]) -> set[int]:
    """Stored counts the public must never see as such (rounding changes them)."""
    return {c for c in counts if shown(c) != c}


def window_sums(counts: list[int]) -> tuple[int | None, int | None]:
    """(last, previous) four-quarter totals made from the shown values, as the rule says."""
    def total(part: list[int]) -> int | None:
        values = [shown(c) for c in part]
        return None if None in values else sum(values)  # type: ignore[arg-type]

    return total(counts[4:]), total(counts[:4])


def raw_totals(counts: list[int]) -> set[int]:
    """Every four-quarter total of stored counts, and each rounded down: never public."""
    sums = {sum(counts[i:i + 4]) for i in range(len(counts) - 3)}
    return sums | {s - s % K for s in sums}


@dataclass
class Scenario:
    official_areas: list[str]
    essex_public: object
    kent_public: object
    essex_private: object

    @property
    def essex_adult(self) -> list[int]:
        return [t - c for t, c in zip(ESSEX, ESSEX_CHILD, strict=True)]

    @property
    def kent_adult(self) -> list[int]:
        return [t - c for t, c in zip(KENT, KENT_CHILD, strict=True)]

    def forbidden_numbers(self) -> set[int]:
        """Numbers no public cell about Essex or Kent may hold."""
        found = set()
        for counts in (ESSEX, ESSEX_CHILD, self.essex_adult, KENT, KENT_CHILD,
                       self.kent_adult, PRIVATE):
            found |= forbidden(counts)
        legit = {10, 20, 30, 40, 50, 60, 70}
        for counts in (ESSEX, KENT):
            found |= raw_totals(counts) - legit
        return found


def _rows(source: str, area: str, totals: list[int], child: list[int]) -> list[list]:
    rows = []
    for quarter, total, young in zip(QUARTERS, totals, child, strict=True):
        rows.append([source, quarter, area, "nrm_referrals", "", total, ""])
        rows.append([source, quarter, area, "nrm_referrals", "age_group=child", young, ""])
        rows.append([source, quarter, area, "nrm_referrals", "age_group=adult", total - young,
                     ""])
    return rows


def build(areas: dict[str, Area]) -> Scenario:
    """Import the scenario's files: official, two offices' public uploads, one private one."""
    official_rows = []
    territorial = sorted(slug for slug, a in areas.items() if a.territorial)
    others = [slug for slug in territorial if slug not in ("essex", "kent")]
    for index, slug in enumerate(territorial):
        official_rows.append(["home-office-nrm", "2024", slug, "population", "",
                              1_000_000 + 10_000 * index, ""])
        if slug in others:
            official_rows += _rows("home-office-nrm", slug, [OFFICIAL_BASE + index] * 8,
                                  [OFFICIAL_CHILD] * 8)
    import_statistics(data=tidy_csv(official_rows), file_name="official.csv", actor=None)
    essex_editor = factories.office_user(areas["essex"])
    kent_editor = factories.office_user(areas["kent"])
    essex_public = import_statistics(
        data=tidy_csv(_rows("local-essex", "Essex", ESSEX, ESSEX_CHILD)),
        file_name="essex-public.csv", actor=essex_editor,
        options=ImportOptions(visibility="public")).release
    kent_public = import_statistics(
        data=tidy_csv(_rows("local-kent", "Kent", KENT, KENT_CHILD)),
        file_name="kent-public.csv", actor=kent_editor,
        options=ImportOptions(visibility="public")).release
    essex_private = import_statistics(
        data=tidy_csv([["local-essex", quarter, "Essex", "recorded_crimes", "", value, ""]
                       for quarter, value in zip(QUARTERS[2:], PRIVATE, strict=True)]),
        file_name="essex-private.csv", actor=essex_editor,
        options=ImportOptions(visibility="private")).release
    return Scenario(others, essex_public, kent_public, essex_private)


def vocabulary_label(measure: str) -> str:
    from antislavery.localpicture import vocabulary

    return str(vocabulary.measure_label(measure))



def table_mentions(output, label: str) -> bool:
    """Does a table of a page, or a spreadsheet or document, show a row about ``label``?

    In a spreadsheet, a row about it is one that names it and holds a figure: a title naming
    the measure a visitor chose, over rows of "no figure", shows nothing of it.
    """
    from .outputs import html_tables

    if output.kind == "xlsx":
        return any(row and isinstance(row[0], str) and label in row[0]
                   and any(isinstance(cell, int | float) for cell in row[1:])
                   for row in output.rows)
    if output.kind != "html":
        return label in output.text
    rows = [row for table in html_tables(output.text) for row in table["rows"]]
    return any(row and row[0].startswith(label) for row in rows)
