"""JSON or CSV: what the client asked for, and CSV answers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse

JSON, CSV = "json", "csv"
CSV_TYPE = "text/csv; charset=utf-8"


def wanted_format(request: HttpRequest, asked: str | None) -> str:
    """``?format=`` first; otherwise CSV when the Accept header prefers it to JSON."""
    if asked:
        return asked
    accept = request.headers.get("Accept", "")
    if "text/csv" in accept and "application/json" not in accept:
        return CSV
    return JSON


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return out.getvalue()


def csv_response(columns: Sequence[str], rows: Iterable[dict[str, Any]], *,
                 filename: str, next_url: str | None = None) -> HttpResponse:
    response = HttpResponse(csv_text(columns, rows), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.csv"'
    if next_url:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


def csv_openapi(description: str) -> dict[str, Any]:
    """``openapi_extra`` documenting the CSV form of an operation's 200 answer."""
    return {"responses": {200: {"description": description, "content": {
        "text/csv": {"schema": {"type": "string"}}}}}}
