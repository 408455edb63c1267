"""What the API answers with, as OpenAPI schemas.

Plain pydantic models: answers are built as dicts, so ninja's ORM-reading ``Schema`` (and its
per-object validator, a fifth of the time of a 1,000-row page) is not needed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel as Schema
from pydantic import Field

from antislavery.localpicture import vocabulary

Format = Literal["json", "csv"]
Grain = Literal["year", "quarter", "month"]
PeerGroupKind = Literal["preset", "custom"]
MeasureCode = Literal[tuple(vocabulary.MEASURES)]  # type: ignore[valid-type]
PERIOD_PATTERN = r"^(19\d\d|20\d\d|2100)(-[Qq][1-4]|-(0[1-9]|1[0-2]))?$"
# Free text in parameters: no control characters, and in a path segment no slash.
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
SEGMENT_PATTERN = r"^[^/\x00-\x1f\x7f]+$"
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
MAX_TEXT = 200
MAX_ID = 2**31 - 1


class ErrorOut(Schema):
    code: str = Field(description="A short code for the kind of error.")
    message: str = Field(description="What went wrong and what to do, in a sentence.")
    parameter: str | None = Field(None, description="The parameter at fault, if one is.")
    candidates: list[str] | None = Field(
        None, description="For an unknown area: the closest areas the gazetteer found.")


class PageMeta(Schema):
    next: str | None = Field(description="The next page's address, or null on the last.")
    next_cursor: str | None = Field(description="The cursor for the next page, or null.")


# --- areas ---


class AreaOut(Schema):
    slug: str
    code: str = Field(description="ONS code of the police force area.")
    name: str
    force_name: str
    country: str
    region: str
    territorial: bool = Field(description="One of the 43 police force areas of England "
                                          "and Wales.")
    governance: str
    has_vru: bool = Field(description="The area has a Violence Reduction Unit.")
    population: int | None
    population_year: int | None
    url: str = Field(description="The area's page.")


class AreaPage(PageMeta):
    results: list[AreaOut]


class PeerGroupOut(Schema):
    slug: str
    name: str
    description: str
    kind: str = Field(description="preset (regions, VRU areas...) or custom.")
    areas: list[str] = Field(description="Slugs of the member areas, by name.")


class PeerGroupPage(PageMeta):
    results: list[PeerGroupOut]


# --- statistics ---


class SourceOut(Schema):
    slug: str
    name: str
    publisher: str
    url: str
    kind: str = Field(description="official, synthetic, local or helpline.")
    protected: bool = Field(description="Counts from this source are rounded down to a "
                                        "multiple of the disclosure threshold in public.")
    licence: str
    synthetic: bool = Field(description="Demonstration figures, not real statistics.")


class SourcePage(PageMeta):
    results: list[SourceOut]


class ReleaseOut(Schema):
    id: int
    title: str
    published_on: date | None
    imported_at: datetime
    source: SourceOut
    synthetic: bool
    figures: int = Field(description="Figures the release added or revised.")
    notes: str
    url: str = Field(description="The release's page.")


class ReleasePage(PageMeta):
    results: list[ReleaseOut]


class ObservationOut(Schema):
    id: int
    source: str = Field(description="The source's slug.")
    release: int = Field(description="The release the figure came from.")
    period: str = Field(description="2023, 2023-Q2 or 2023-04.")
    grain: Grain
    period_start: date
    geography: str = Field(description="An area's slug, or uk, england-and-wales, england, "
                                       "wales.")
    area: str | None = Field(description="The police force area's slug, if any.")
    measure: str
    breakdown: str = Field(description="dimension=value pairs joined by ';', empty for the "
                                       "total.")
    value: int | None = Field(description="The figure as it may be published; null for a gap "
                                          "or a protected count below the threshold.")
    flag: str = Field(description="Why there is no value: suppressed, not_available or "
                                  "fewer_than (a protected count below the threshold).")
    display: str = Field(description="The figure as a page shows it, e.g. 'fewer than 10'.")
    protected: bool = Field(description="The figure comes from a protected source.")
    exact: bool = Field(description="False when rounding changed the figure.")
    synthetic: bool = Field(description="Demonstration figures, not real statistics.")
    current: bool = Field(description="False for a figure a later release revised.")
    revises: int | None = Field(description="The id of the figure this one revised.")


class ObservationPage(PageMeta):
    threshold: int = Field(description="The disclosure threshold k.")
    results: list[ObservationOut]


class MeasureOut(Schema):
    code: str
    label: str
    description: str


class ValueOut(Schema):
    code: str
    label: str


class DimensionOut(Schema):
    code: str
    label: str
    values: list[ValueOut]


class VocabularyOut(Schema):
    measures: list[MeasureOut]
    dimensions: list[DimensionOut]
    geographies: list[ValueOut]


class PointOut(Schema):
    period: str
    label: str
    value: int | None
    flag: str
    display: str
    rolling: int | None = Field(description="The total of the four quarters ending here.")
    protected: bool


class HeadlineOut(Schema):
    last: int | None = Field(description="The last four quarters' total.")
    previous: int | None = Field(description="The four quarters before.")
    change: str | None = Field(description="clear increase, clear decrease or no clear change.")
    p_value: float | None
    rate: float | None = Field(description="Per 100,000 people, where a population is known.")


class PictureOut(Schema):
    area: str
    area_name: str
    measure: str
    period: str = Field(description="The last four quarters, in words.")
    latest: str | None = Field(description="The latest quarter in the store.")
    headline: HeadlineOut
    quarterly: list[PointOut]
    protected: bool = Field(description="Any figure here comes from a protected source.")
    synthetic: bool
    releases: list[int]
    threshold: int


# --- returns ---


class RequestOut(Schema):
    slug: str
    title: str
    issuing_body: str = Field(description="The national body that asked.")
    background: str
    recommendation: str = Field(description="The recommendation or question answered.")
    opens_on: date
    due_on: date
    state: str = Field(description="issued or closed.")
    publishes_responses: bool
    published_responses: int = Field(description="Responses published so far.")
    demo: bool = Field(description="A demonstration request, not a real one.")
    url: str


class RequestPage(PageMeta):
    results: list[RequestOut]


class AnswerOut(Schema):
    key: str = Field(description="The question's key, the same across question sets.")
    question: str
    answer: str = Field(description="The answer as plain text.")


class ResponseOut(Schema):
    id: int
    request: str = Field(description="The request's slug.")
    area: str = Field(description="The answering area's slug.")
    area_name: str
    published_at: datetime | None
    demo: bool = Field(description="A demonstration response, not a real one.")
    answers: list[AnswerOut]
    url: str


class ResponsePage(PageMeta):
    results: list[ResponseOut]


# --- provision ---


# Codebook codes are checked when a request arrives (coordinators add codes while the site
# runs), so the schema states their form and points to /api/codebook for the list.
CODE_PATTERN = r"^[a-z0-9_]{1,60}$"


EntryStatus = Literal["planned", "pilot", "running", "ended"]
Evaluation = Literal["none", "planned", "internal", "independent", "published"]


class EntryOut(Schema):
    id: int
    title: str
    summary: str
    area: str = Field(description="The lead area's slug: its office keeps the entry.")
    area_name: str
    areas: list[str] = Field(description="Slugs of every area the entry covers, the lead "
                                         "area included.")
    kind: str = Field(description="The kind of intervention (a code of the codebook's "
                                  "intervention facet).")
    themes: list[str] = Field(description="Theme codes of the codebook.")
    nrm_stages: list[str] = Field(description="Stages of the National Referral Mechanism "
                                              "covered (nrm_stage codes).")
    victim_groups: list[str] = Field(description="victim_group codes: adult, child.")
    exploitation: list[str] = Field(description="Types of exploitation (exploitation codes).")
    languages: list[str] = Field(description="Languages offered; 'any' means interpreting "
                                             "into any language.")
    provider: str
    funder: str
    funding_source: str
    start: date | None
    end: date | None
    status: str = Field(description="planned, pilot, running or ended.")
    evaluation: str = Field(description="none, planned, internal, independent or published.")
    evaluation_url: str = Field(description="Where the evaluation is published, if it is.")
    contact: str
    source_label: str = Field(description="The public document the entry was drafted from, "
                                          "if any.")
    source_url: str
    demo: bool = Field(description="Demonstration content, not a real service.")
    modified_at: datetime = Field(description="When the entry last changed.")
    url: str = Field(description="The entry's page.")


class EntryPage(PageMeta):
    results: list[EntryOut]


class PracticeOut(EntryOut):
    evidence: int = Field(ge=0, le=4, description="Strength of evidence from the evaluation: "
                                                  "0 none, 1 planned, 2 reviewed internally, "
                                                  "3 independently evaluated, 4 with results "
                                                  "published.")
    evidence_label: str = Field(description="The strength of evidence, in words.")


class PracticePage(PageMeta):
    results: list[PracticeOut]


# --- codebook ---


CodeKind = Literal["theme", "facet_value"]
FacetName = Literal["nrm_stage", "exploitation", "victim_group", "intervention"]
ThemeGroup = Literal["response", "challenge", "future"]


class CodeOut(Schema):
    key: str = Field(description="How outputs name the code: a theme's code, or "
                                 "facet:value.")
    kind: str = Field(description="theme or facet_value.")
    code: str
    label: str
    definition: str
    facet: str = Field(description="For a facet value: its facet; empty for a theme.")
    facet_label: str
    group: str = Field(description="For a theme: response, challenge or future; empty for a "
                                   "facet value.")
    group_label: str
    builtin: bool = Field(description="True for a code of the packaged codebook, false for one "
                                      "a coordinator added.")
    added_at: datetime = Field(description="When the code joined the codebook.")
    url: str = Field(description="The code on the codebook page.")


class CodePage(PageMeta):
    results: list[CodeOut]
