"""The tables of the open-data package: for each, its Table Schema and its public rows.

Rows are what the public may see and nothing more: public releases only, every figure
through the disclosure rule as an anonymous viewer sees it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from antislavery.areas.models import Area, PeerGroup
from antislavery.localpicture import selectors, vocabulary
from antislavery.localpicture.disclosure import Discloser
from antislavery.localpicture.models import Source

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def descriptor(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "type": self.type,
                                 "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            found["constraints"] = constraints
        if self.type == "datetime":
            found["format"] = "%Y-%m-%dT%H:%M:%SZ"
        return found


@dataclass
class Resource:
    name: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterator[Row]]
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)
    # Where the rows come from, for tables that are not figures of a statistics source.
    sources: list[dict[str, str]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"data/{self.name.replace('-', '_')}.csv"

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [c.descriptor() for c in self.columns]}
        if self.primary_key:
            schema["primaryKey"] = self.primary_key
        if self.foreign_keys:
            schema["foreignKeys"] = self.foreign_keys
        return schema


def fk(fields: str, resource: str, reference: str) -> dict[str, Any]:
    return {"fields": fields, "reference": {"resource": resource, "fields": reference}}


def utc(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


# --- areas ---

AREA_COLUMNS = [
    Column("slug", "string", "The area's identifier in the toolkit.", required=True),
    Column("code", "string", "ONS code of the police force area."),
    Column("name", "string", "Name of the police force area.", required=True),
    Column("force_name", "string", "Name of its police force."),
    Column("country", "string", "england, wales, scotland or northern_ireland."),
    Column("region", "string", "Region (English regions, Wales)."),
    Column("territorial", "boolean", "One of the 43 areas of England and Wales."),
    Column("governance", "string", "Who holds the commissioner's role."),
    Column("has_vru", "boolean", "The area has a Violence Reduction Unit."),
    Column("population", "integer", "Resident population, where known."),
    Column("population_year", "integer", "The year of that population."),
]


def area_rows() -> Iterator[Row]:
    for area in Area.objects.order_by("slug"):
        yield {c.name: getattr(area, c.name) for c in AREA_COLUMNS}


def peer_group_rows() -> Iterator[Row]:
    for group in PeerGroup.objects.order_by("slug"):
        yield {"slug": group.slug, "name": group.name, "description": group.description,
               "kind": group.kind}


def peer_member_rows() -> Iterator[Row]:
    pairs = PeerGroup.areas.through.objects.values_list("peergroup__slug", "area__slug")
    for group, area in sorted(pairs):
        yield {"peer_group": group, "area": area}


# --- statistics ---

SOURCE_COLUMNS = [
    Column("slug", "string", "The source's identifier.", required=True),
    Column("name", "string", "Name of the series of figures.", required=True),
    Column("publisher", "string", "Who publishes it."),
    Column("url", "string", "Where it is published."),
    Column("kind", "string", "official, synthetic, local or helpline.",
           enum=tuple(Source.Kind.values)),
    Column("protected", "boolean", "Counts from this source are rounded down to a multiple "
                                   "of the disclosure threshold, and withheld below it."),
    Column("licence", "string", "The licence the publisher gives the figures under."),
    Column("synthetic", "boolean", "Demonstration figures, not real statistics."),
]


def public_sources() -> list[Source]:
    return list(Source.objects.filter(releases__visibility="public").distinct()
                .order_by("slug"))


def source_rows() -> Iterator[Row]:
    for source in public_sources():
        yield {"slug": source.slug, "name": source.name, "publisher": source.publisher,
               "url": source.url, "kind": source.kind, "protected": source.protected,
               "licence": source.licence, "synthetic": source.synthetic}


RELEASE_COLUMNS = [
    Column("id", "integer", "The release's identifier.", required=True),
    Column("source", "string", "The source's slug.", required=True),
    Column("title", "string", "Title of the release."),
    Column("published_on", "date", "When the publisher published it."),
    Column("imported_at", "datetime", "When the toolkit imported it (UTC)."),
    Column("synthetic", "boolean", "Demonstration figures, not real statistics."),
    Column("figures", "integer", "Figures the release added or revised."),
    Column("notes", "string", "Notes on the release."),
]


def release_rows() -> Iterator[Row]:
    for release in selectors.visible_releases(None).order_by("pk"):
        yield {"id": release.pk, "source": release.source.slug, "title": release.title,
               "published_on": iso(release.published_on),
               "imported_at": utc(release.imported_at),
               "synthetic": release.synthetic or release.source.synthetic,
               "figures": release.added + release.superseded, "notes": release.notes}


FLAGS = ("suppressed", "not_available", "fewer_than")
OBSERVATION_COLUMNS = [
    Column("id", "integer", "The figure's identifier.", required=True),
    Column("source", "string", "The source's slug.", required=True),
    Column("release", "integer", "The release the figure came from.", required=True),
    Column("period", "string", "2023, 2023-Q2 or 2023-04.", required=True),
    Column("grain", "string", "year, quarter or month.", enum=("year", "quarter", "month")),
    Column("period_start", "date", "The first day of the period."),
    Column("geography", "string", "An area's slug, or uk, england-and-wales, england, wales.",
           required=True),
    Column("area", "string", "The police force area's slug, if the figure is for one."),
    Column("measure", "string", "What is counted.", enum=tuple(vocabulary.MEASURES)),
    Column("breakdown", "string", "dimension=value pairs joined by ';'; empty for the total."),
    Column("value", "integer", "The figure as it may be published; empty for a gap or a "
                               "protected count below the threshold."),
    Column("flag", "string", "Why there is no value: suppressed, not_available, or "
                             "fewer_than (a protected count below the threshold).", enum=FLAGS),
    Column("protected", "boolean", "The figure comes from a protected source."),
    Column("exact", "boolean", "False when rounding changed the figure."),
    Column("synthetic", "boolean", "Demonstration figures, not real statistics."),
    Column("current", "boolean", "False for a figure a later release revised."),
    Column("revises", "integer", "The id of the figure this one revised."),
]


def observation_rows() -> Iterator[Row]:
    discloser = Discloser(None)
    sources = dict(Source.objects.values_list("pk", "slug"))
    areas = dict(Area.objects.values_list("pk", "slug"))
    stored = (selectors.visible_observations(None).order_by("pk")
              .values_list("pk", "source_id", "release_id", "period", "grain", "period_start",
                           "geography", "area_id", "measure", "breakdown", "value", "flag",
                           "synthetic", "is_current", "previous_id"))
    for (pk, source, release, period, grain, start, geography, area, measure, breakdown,
         value, flag, synthetic, current, previous) in stored.iterator(chunk_size=5000):
        shown = discloser.value(value, release_id=release, flag=flag)
        yield {"id": pk, "source": sources[source], "release": release, "period": period,
               "grain": grain, "period_start": start.isoformat(), "geography": geography,
               "area": areas.get(area, ""), "measure": measure, "breakdown": breakdown,
               "value": shown.value, "flag": shown.flag, "protected": shown.protected,
               "exact": shown.exact, "synthetic": synthetic, "current": current,
               "revises": previous}


def measure_rows() -> Iterator[Row]:
    for measure in vocabulary.MEASURES.values():
        yield {"code": measure.code, "label": str(measure.label),
               "description": str(measure.description)}


def breakdown_value_rows() -> Iterator[Row]:
    for dimension, label in vocabulary.DIMENSIONS.items():
        for value, text in vocabulary.VALUES.get(dimension, {}).items():
            yield {"dimension": dimension, "dimension_label": str(label), "value": value,
                   "label": str(text)}


def statistics_resources() -> list[Resource]:
    return [
        Resource("areas", "Police force areas", "Every area the toolkit knows.", AREA_COLUMNS,
                 area_rows, primary_key=["slug"]),
        Resource("peer-groups", "Peer groups", "Groups of areas compared with each other.", [
            Column("slug", "string", "The group's identifier.", required=True),
            Column("name", "string", "Name of the group."),
            Column("description", "string", "What the group is."),
            Column("kind", "string", "preset or custom."),
        ], peer_group_rows, primary_key=["slug"]),
        Resource("peer-group-members", "Members of peer groups", "One row per group and area.", [
            Column("peer_group", "string", "The group's slug.", required=True),
            Column("area", "string", "The member area's slug.", required=True),
        ], peer_member_rows, primary_key=["peer_group", "area"], foreign_keys=[
            fk("peer_group", "peer-groups", "slug"), fk("area", "areas", "slug")]),
        Resource("sources", "Sources", "Who publishes the figures, and their licences.",
                 SOURCE_COLUMNS, source_rows, primary_key=["slug"]),
        Resource("releases", "Releases", "Each imported file of figures: the release each "
                 "figure came from.", RELEASE_COLUMNS, release_rows, primary_key=["id"],
                 foreign_keys=[fk("source", "sources", "slug")]),
        Resource("observations", "Figures", "Every published figure, current and revised, "
                 "through the disclosure rule.", OBSERVATION_COLUMNS, observation_rows,
                 primary_key=["id"], foreign_keys=[
                     fk("source", "sources", "slug"), fk("release", "releases", "id"),
                     fk("area", "areas", "slug")]),
        Resource("measures", "Measures", "What the figures count.", [
            Column("code", "string", "The measure's code.", required=True),
            Column("label", "string", "Its name."),
            Column("description", "string", "What it counts."),
        ], measure_rows, primary_key=["code"]),
        Resource("breakdown-values", "Breakdown dimensions and values",
                 "The codes of observation breakdowns.", [
                     Column("dimension", "string", "The dimension's code.", required=True),
                     Column("dimension_label", "string", "Its name."),
                     Column("value", "string", "The value's code.", required=True),
                     Column("label", "string", "Its name."),
                 ], breakdown_value_rows, primary_key=["dimension", "value"]),
    ]


# --- returns ---


def request_rows() -> Iterator[Row]:
    from antislavery.returns import selectors as returns

    for item in returns.public_requests().order_by("pk"):
        yield {"slug": item.slug, "title": item.title, "issuing_body": item.issuing_body.name,
               "recommendation": item.recommendation, "opens_on": iso(item.opens_on),
               "due_on": iso(item.due_on), "state": item.state,
               "publishes_responses": item.publish_responses, "demo": item.is_demo}


def answer_rows() -> Iterator[Row]:
    """One row per answer of every published response (only those the public may read)."""
    from antislavery.accounts import permissions
    from antislavery.api.endpoints.returns import public_responses
    from antislavery.returns import selectors as returns

    for response in public_responses().order_by("pk"):
        if not permissions.is_public_response(response):
            continue
        for shown in returns.shown_answers(response.published_version, response.request):
            yield {"response": response.pk, "request": response.request.slug,
                   "area": response.area.slug, "published_at": utc(response.published_at),
                   "demo": response.is_demo, "key": shown.question.key,
                   "question": shown.question.title, "answer": shown.plain}


def returns_resources() -> list[Resource]:
    return [
        Resource("requests", "Requests", "What national bodies asked the areas.", [
            Column("slug", "string", "The request's identifier.", required=True),
            Column("title", "string", "Title of the request."),
            Column("issuing_body", "string", "The national body that asked."),
            Column("recommendation", "string", "The recommendation or question answered."),
            Column("opens_on", "date", "When responses open."),
            Column("due_on", "date", "When responses are due."),
            Column("state", "string", "issued or closed."),
            Column("publishes_responses", "boolean", "Responses may be published."),
            Column("demo", "boolean", "A demonstration request, not a real one."),
        ], request_rows, primary_key=["slug"]),
        Resource("published-answers", "Published responses",
                 "Each answer of each response its office agreed to publish.", [
                     Column("response", "integer", "The response's identifier.",
                            required=True),
                     Column("request", "string", "The request's slug.", required=True),
                     Column("area", "string", "The answering area's slug.", required=True),
                     Column("published_at", "datetime", "When it was published (UTC)."),
                     Column("demo", "boolean", "A demonstration response, not a real one."),
                     Column("key", "string", "The question's key.", required=True),
                     Column("question", "string", "The question."),
                     Column("answer", "string", "The answer as published, in plain text."),
                 ], answer_rows, primary_key=["response", "key"], foreign_keys=[
                     fk("request", "requests", "slug"), fk("area", "areas", "slug")]),
    ]


def all_resources() -> list[Resource]:
    """Every table of the package."""
    from .codebook import codebook_resources
    from .provision import provision_resources

    return (statistics_resources() + returns_resources() + provision_resources()
            + codebook_resources())


def used_sources() -> list[Source]:
    return public_sources()

