"""Writing a release's figures: new ones added, changed ones superseding the current ones."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection

from ..importers import Cell
from ..models import Observation, Release


def store_cells(release: Release, cells: list[Cell]) -> tuple[int, int, int]:
    """Add a release's figures, superseding changed ones; returns (added, superseded, unchanged).

    Must run inside the caller's transaction.
    """
    current = _current(release.source_id, cells)
    new_rows: list[tuple[Cell, int | None]] = []
    revised: list[int] = []
    unchanged = 0
    for cell in cells:
        old = current.get(cell.key)
        if old is None:
            new_rows.append((cell, None))
        elif old[1] == cell.value and old[2] == cell.flag:
            unchanged += 1
        else:
            revised.append(old[0])
            new_rows.append((cell, old[0]))
    for start in range(0, len(revised), 500):
        Observation.objects.filter(pk__in=revised[start:start + 500]).update(is_current=False)
    # In the order of the indexes (place, period, measure, breakdown), so that each index
    # grows at one end instead of splitting pages all over: much faster for large files.
    new_rows.sort(key=lambda pair: pair[0].key)
    _insert(release, new_rows)
    return len(new_rows) - len(revised), len(revised), unchanged


def _current(source_id: int, cells: list[Cell]) -> dict[tuple[str, str, str, str],
                                                         tuple[int, int | None, str]]:
    if not cells:
        return {}
    measures = {cell.measure for cell in cells}
    periods = {cell.period for cell in cells}
    rows = Observation.objects.filter(
        source_id=source_id, is_current=True, measure__in=measures, period__in=periods,
    ).values_list("pk", "geography", "period", "measure", "breakdown", "value", "flag")
    return {(geo, period, measure, breakdown): (pk, value, flag)
            for pk, geo, period, measure, breakdown, value, flag in rows.iterator(chunk_size=20000)}


ANALYZE_AFTER_ROWS = 5000

_COLUMNS = ("release_id", "source_id", "period", "grain", "period_start", "area_id",
            "geography", "measure", "breakdown", "value", "flag", "synthetic", "is_current",
            "previous_id")


def _rows(release: Release, new_rows: Iterable[tuple[Cell, int | None]],
          dates_as_text: bool) -> Iterable[tuple[Any, ...]]:
    release_id, source_id, synthetic = release.pk, release.source_id, release.synthetic
    for cell, previous in new_rows:
        start = cell.period_start.isoformat() if dates_as_text else cell.period_start
        yield (release_id, source_id, cell.period, cell.grain, start, cell.area_id,
               cell.geography, cell.measure, cell.breakdown, cell.value, cell.flag, synthetic,
               True, previous)


def _insert(release: Release, new_rows: list[tuple[Cell, int | None]]) -> None:
    """Write new observation rows: COPY on PostgreSQL, executemany on SQLite."""
    if not new_rows:
        return
    table = Observation._meta.db_table
    columns = ", ".join(_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in _rows(release, new_rows, dates_as_text=False):
                    copy.write_row(row)
            if len(new_rows) >= ANALYZE_AFTER_ROWS:
                # Fresh statistics for the planner at once, not when autovacuum gets to it:
                # planned as if the table were still small, the first pages after a large
                # import join the figures by scanning and take seconds instead of
                # milliseconds.
                cursor.execute(f"ANALYZE {table}")
            return
        if connection.vendor == "sqlite":
            placeholders = ", ".join(["%s"] * len(_COLUMNS))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 -- names are constants
            rows = list(_rows(release, new_rows, dates_as_text=True))
            for start in range(0, len(rows), 50_000):
                cursor.executemany(sql, rows[start:start + 50_000])
            return
    Observation.objects.bulk_create(
        [Observation(**dict(zip(_COLUMNS, row, strict=True)))
         for row in _rows(release, new_rows, dates_as_text=False)], batch_size=2000)
