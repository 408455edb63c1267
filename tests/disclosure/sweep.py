"""Every public output about the scenario's areas, fetched as the public fetches it.

The sweep starts from the pages a visitor reaches (the area pages, the statistics pages for
every measure, the comparison, the gap analyses, the API) and follows every link they give to
a download, chart, report or API answer, so an output added later is swept without changing
this file. Each answer is read as what it is (HTML tables, CSV, XLSX, DOCX, JSON, SVG chart
marks, the open-data zip) into the whole numbers it shows as figures, and its text.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import docx
from defusedxml import ElementTree

from antislavery.localpicture.analysis import labels

from .outputs import as_int, csv_rows, html_tables, ints, xlsx_rows

AREAS = ("essex", "kent")
# Keys of JSON answers that hold identifiers, sizes or settings, never a figure.
NOT_FIGURES = {"id", "release", "revises", "releases", "threshold", "areas_counted",
               "population", "figures", "provision_count", "rows", "entry", "evidence",
               "position", "version"}
# Answers that describe the service rather than give figures: the API's schema (its examples
# and limits) and the list of releases (how many figures each file held, not what they are).
NO_FIGURES = ("/api/openapi.json", "/statistics/releases/")


def seeds() -> list[str]:
    measures = list(labels.PICTURED_MEASURES)
    found = ["/", "/areas/", "/api/", "/statistics/releases/"]
    for slug in AREAS:
        found += [f"/areas/{slug}/", f"/provision/gaps/{slug}/",
                  f"/provision/gaps/{slug}/?format=json", f"/provision/gaps/{slug}/?format=docx",
                  f"/api/areas/{slug}", f"/api/observations?area={slug}&page_size=1000",
                  f"/api/observations?area={slug}&page_size=1000&format=csv"]
        found += [f"/api/areas/{slug}/picture?measure={m}" for m in measures]
        found += [f"/statistics/areas/{slug}/charts/{name}.svg"
                  for name in ("trend", "comparison", "funnel", "breakdown-age_group")]
    for measure in measures:
        found += [f"/statistics/?measure={measure}",
                  f"/statistics/compare/?areas=essex&areas=kent&measure={measure}",
                  f"/api/observations?measure={measure}&page_size=1000"]
    found += ["/api/releases?page_size=1000", "/api/releases?page_size=1000&format=csv",
              "/api/sources", "/api/sources?format=csv", "/api/open-data.zip"]
    return found


# Links worth following: downloads, charts, reports, comparisons and API answers.
FOLLOW = re.compile(r"^/(statistics/(areas/(essex|kent)/|compare/|\?)|areas/groups/"
                    r"|provision/gaps/(essex|kent)/|api/(?!$))")


@dataclass
class Output:
    url: str
    kind: str
    figures: set[int] = field(default_factory=set)
    text: str = ""
    # The measures of the observation rows it holds (API answers, the open-data package).
    measures: set[str] = field(default_factory=set)
    # A spreadsheet's rows, cell values as read.
    rows: list[list[object]] = field(default_factory=list)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def links(html: str, base: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.links:
        parts = urlsplit(urljoin(base, href))
        if parts.netloc not in ("", "testserver"):
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if FOLLOW.match(url):
            found.append(url)
    return found


def json_ints(data: object) -> set[int]:
    if isinstance(data, dict):
        return set().union(set(), *(json_ints(v) for k, v in data.items()
                                    if k not in NOT_FIGURES))
    if isinstance(data, list):
        return set().union(set(), *(json_ints(v) for v in data))
    return {data} if isinstance(data, int) and not isinstance(data, bool) else set()


def svg_ints(svg: str) -> set[int]:
    """The figures a chart draws: the values its marks are labelled with (the axes' tick
    labels are scale, not data, and are left out)."""
    found = set()
    for element in ElementTree.fromstring(svg).iter():
        label = element.get("aria-label") or ""
        if element.get("role") != "graphics-symbol" or "axis" in (
                element.get("aria-roledescription") or ""):
            continue
        for pair in label.split(";"):
            key, _sep, value = pair.partition(":")
            if key.strip() != "segment" and (number := as_int(value)) is not None:
                found.add(number)
    return found


def read(url: str, response) -> Output:
    content_type = response["Content-Type"].split(";")[0]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type == "text/html":
        html = body.decode()
        return Output(url, "html", set().union(set(), *(ints(t["rows"])
                                                        for t in html_tables(html))), html)
    if content_type == "text/csv":
        rows = csv_rows(body)
        return Output(url, "csv", _csv_figures(url, rows), body.decode(), _measures(rows))
    if content_type == "application/json":
        data = json.loads(body)
        results = data.get("results", []) if isinstance(data, dict) else []
        return Output(url, "json", json_ints(data), body.decode(),
                      {r["measure"] for r in results if isinstance(r, dict) and "measure" in r
                       and "value" in r})
    if content_type == "image/svg+xml":
        return Output(url, "svg", svg_ints(body.decode()), body.decode())
    if "spreadsheetml" in content_type:
        rows = xlsx_rows(body)
        return Output(url, "xlsx", ints(rows), repr(rows), rows=rows)
    if "wordprocessingml" in content_type:
        document = docx.Document(io.BytesIO(body))
        tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
        text = "\n".join([p.text for p in document.paragraphs]
                         + [c for t in tables for row in t for c in row])
        return Output(url, "docx", set().union(set(), *(ints(t) for t in tables)), text)
    if content_type == "application/zip":
        archive = zipfile.ZipFile(io.BytesIO(body))
        text = "\n".join(archive.read(name).decode() for name in archive.namelist())
        observations = csv_rows(archive.read("data/observations.csv"))
        return Output(url, "zip", _observation_figures(observations), text,
                      _measures(observations))
    raise AssertionError(f"{url}: an output of a kind the sweep cannot read: {content_type}")


def _measures(rows: list[list[str]]) -> set[str]:
    if not rows or "measure" not in rows[0] or "value" not in rows[0]:
        return set()
    return {row[rows[0].index("measure")] for row in rows[1:]}


def _csv_figures(url: str, rows: list[list[str]]) -> set[int]:
    if url.startswith("/api/observations"):
        return _observation_figures(rows)
    if url.startswith("/api/"):
        return set()  # releases and sources: identifiers and dates, no figures
    return ints(rows)


def _observation_figures(rows: list[list[str]]) -> set[int]:
    """Figures of observation rows about the scenario's areas (others are official)."""
    if not rows:
        return set()
    header = rows[0]
    place = header.index("area") if "area" in header else header.index("geography")
    value = header.index("value")
    return {n for row in rows[1:] if row[place] in AREAS
            and (n := as_int(row[value])) is not None}


def picture_seeds() -> list[str]:
    """The local picture's pages only: where figures are built and cached per viewer."""
    return [*(f"/areas/{slug}/" for slug in AREAS), "/statistics/",
            "/statistics/compare/?areas=essex&areas=kent"]


def sweep(client, *, start: list[str] | None = None, limit: int = 400) -> list[Output]:
    """Fetch every seed and every output linked from a swept page, each once."""
    queue, seen, found = list(start or seeds()), set(), []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        assert len(seen) <= limit, "the sweep went further than any visitor would"
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        assert response.status_code in (200, 404), f"{url} answered {response.status_code}"
        if response.status_code == 404:
            continue
        output = read(url, response)
        if url.startswith(NO_FIGURES):
            output.figures = set()
        found.append(output)
        if output.kind == "html":
            queue += [link for link in links(output.text, url) if link not in seen]
    return found
