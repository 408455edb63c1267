"""Helpers for the statistics-store and import tests: files built in memory, store dumps."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.db import connection

from antislavery.localpicture.models import Observation, Release, Source

HEADER = ["source", "period", "area", "measure", "breakdown", "value", "flag"]


def tidy_csv(rows: Iterable[Sequence[object]], header: Sequence[str] = HEADER) -> bytes:
    """A tidy CSV file's bytes: the header, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def store_dump() -> str:
    """Every stored column of every source, release and observation, in primary-key order.

    Comparing two dumps shows whether the store changed at all, byte for byte.
    """
    lines = []
    with connection.cursor() as cursor:
        for model in (Source, Release, Observation):
            table = model._meta.db_table
            columns = ", ".join(f.column for f in model._meta.concrete_fields)
            cursor.execute(f"SELECT {columns} FROM {table} ORDER BY id")  # noqa: S608 -- model metadata
            lines.extend(f"{table}: {row!r}" for row in cursor.fetchall())
    return "\n".join(lines)


def current_value(*, geography: str, period: str, measure: str = "nrm_referrals",
                  breakdown: str = "") -> int | None:
    return Observation.objects.get(geography=geography, period=period, measure=measure,
                                   breakdown=breakdown, is_current=True).value
