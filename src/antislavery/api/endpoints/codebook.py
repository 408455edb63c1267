"""The codebook: themes and facet values with their labels and definitions, the codes
coordinators added included."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from antislavery.themes.engine.codebook import packaged
from antislavery.themes.models import CodebookEntry

from .. import conditional, formats
from ..errors import clean_text
from ..paging import DEFAULT_SIZE, MAX_SIZE, paginate
from ..schemas import CURSOR_PATTERN, CodeKind, CodeOut, CodePage, FacetName, Format, ThemeGroup
from .common import answer_page, check, responses

router = Router(tags=["codebook"])

CODE_COLUMNS = list(CodeOut.model_fields)


def code_row(request: HttpRequest, entry: CodebookEntry, facet_labels: dict[str, str],
             group_labels: dict[str, str]) -> dict[str, Any]:
    return {
        "key": entry.label_key, "kind": entry.kind, "code": entry.code, "label": entry.label,
        "definition": entry.definition, "facet": entry.facet,
        "facet_label": facet_labels.get(entry.facet, ""), "group": entry.group,
        "group_label": group_labels.get(entry.group, ""), "builtin": entry.builtin,
        "added_at": entry.created_at,
        "url": request.build_absolute_uri(entry.get_absolute_url()),
    }


class CodeFilters(Schema):
    kind: CodeKind | None = Field(None, description="Only themes, or only facet values.")
    facet: FacetName | None = Field(None, description="Only the values of this facet.")
    group: ThemeGroup | None = Field(None, description="Only the themes of this group.")
    builtin: bool | None = Field(None, description="false: only the codes coordinators "
                                                   "added; true: only the packaged ones.")
    cursor: str | None = Field(None, description="From the previous page's next_cursor.",
                               pattern=CURSOR_PATTERN, max_length=64)
    page_size: int = Field(DEFAULT_SIZE, ge=1, le=MAX_SIZE)
    format: Format | None = Field(None, description="json (default) or csv.")


@router.get("/codebook", response=responses(CodePage), summary="The codebook",
            openapi_extra=formats.csv_openapi("The codebook as CSV, one code per line."))
def list_codes(request: HttpRequest, response: HttpResponse,
               filters: Query[CodeFilters]) -> Any:
    """Every code responses and provision entries are described with: the themes (in
    groups) and the values of each facet, each with its label and definition. Codes
    coordinators added carry ``builtin: false``."""
    fmt = formats.wanted_format(request, filters.format)
    found, unchanged = check(request, conditional.codebook_state, fmt, cursor=filters.cursor)
    if unchanged:
        return unchanged
    codes = CodebookEntry.objects.all()
    if filters.kind is not None:
        codes = codes.filter(kind=filters.kind)
    if filters.facet is not None:
        codes = codes.filter(facet=filters.facet)
    if filters.group is not None:
        codes = codes.filter(group=filters.group)
    if filters.builtin is not None:
        codes = codes.filter(builtin=filters.builtin)
    page = paginate(request, codes, cursor=clean_text("cursor", filters.cursor),
                    size=filters.page_size)
    facet_labels = {name: facet.label for name, facet in packaged().facets.items()}
    group_labels = {value: str(label) for value, label in CodebookEntry.Group.choices}
    rows = [code_row(request, entry, facet_labels, group_labels) for entry in page.items]
    return answer_page(request, response, page=page, fmt=fmt, found=found, rows=rows,
                       csv_columns=CODE_COLUMNS, filename="codebook")
