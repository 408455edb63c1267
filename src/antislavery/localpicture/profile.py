"""The local picture report of one area: a DOCX for a board, and the same figures as JSON and CSV.

All three are built from one :class:`AreaPicture`, so they cannot disagree with each other or
with the area's page.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import charts, disclosure, tables, wording
from .analysis import national
from .analysis.picture import AreaPicture

FORMATS = ("docx", "json", "csv")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class BuiltProfile:
    content: bytes
    content_type: str
    filename: str


def build(picture: AreaPicture, fmt: str) -> BuiltProfile:
    """The report in ``fmt`` (docx, json or csv); ValueError for any other format."""
    builders = {"docx": to_docx, "json": to_json, "csv": to_csv}
    if fmt not in builders:
        raise ValueError(_("The report comes as %(formats)s, not '%(format)s'.") % {
            "formats": ", ".join(FORMATS), "format": fmt})
    content = builders[fmt](picture)
    data = content.encode("utf-8") if isinstance(content, str) else content
    return BuiltProfile(data, CONTENT_TYPES[fmt],
                        f"local-picture-{picture.area_slug}-{_stamp(picture)}.{fmt}")


def _stamp(picture: AreaPicture) -> str:
    return str(picture.latest) if picture.latest else "no-figures"


# --- JSON ---------------------------------------------------------------------------------


def figures(picture: AreaPicture) -> dict[str, Any]:
    """Every figure of the picture as plain data (the JSON report)."""
    headline = picture.headline
    change = headline.change
    return {
        "area": {"slug": picture.area_slug, "name": picture.area_name},
        "measure": picture.measure,
        "latest_quarter": str(picture.latest) if picture.latest else None,
        "last_4_quarters": [str(q) for q in picture.last],
        "previous_4_quarters": [str(q) for q in picture.previous],
        "headline": {
            f"{picture.measure}_last_4_quarters": headline.last,
            "previous_4_quarters": headline.previous,
            "change": change.verdict if change else None,
            "p_value": change.p_value if change else None,
        },
        "rate_per_100000": {
            "population": headline.population, "rate": headline.rate,
            "confidence_interval_95": list(headline.rate_interval)
            if headline.rate_interval else None,
        },
        "quarterly": [
            {"period": p.period, "value": p.value, "flag": p.flag or None,
             "four_quarter_total": p.rolling, "revised_from": p.revised_from,
             "synthetic": p.synthetic, "protected": p.protected}
            for p in picture.quarterly.points
        ],
        "yearly": [{"period": p.period, "value": p.value, "flag": p.flag or None}
                   for p in picture.yearly.points],
        "breakdowns": {
            b.dimension: {
                "total": b.total,
                "values": [
                    {"value": r.value, "label": r.label, "count": r.count, "share": r.share,
                     "region_share": r.region_share, "peer_share": r.peer_share,
                     "national_share": r.national_share}
                    for r in b.rows
                ],
            }
            for b in picture.breakdowns
        },
        "region_group": picture.region_group[0] if picture.region_group else None,
        "peer_group": picture.peer_group[0] if picture.peer_group else None,
        "comparisons": [
            {"name": g.name, "areas": list(g.slugs), "areas_counted": g.counted,
             "last_4_quarters": g.last, "previous_4_quarters": g.previous,
             "change": g.change.verdict if g.change else None,
             "p_value": g.change.p_value if g.change else None,
             "population": g.population, "rate_per_100000": g.rate}
            for g in picture.comparisons
        ],
        "funnel": _funnel(picture),
        "other_measures": [
            {"measure": m.measure, "last_4_quarters": m.last, "previous_4_quarters": m.previous,
             "period": m.period_label, "previous_period": m.previous_label,
             "change": m.change.verdict if m.change else None,
             "p_value": m.change.p_value if m.change else None, "rate_per_100000": m.rate}
            for m in picture.other_measures
        ],
        "revisions": [{"period": r.period, "breakdown": r.breakdown, "from": r.before,
                       "to": r.after} for r in picture.revisions],
        "sources": [
            {"title": s.title, "source": s.source, "publisher": s.publisher, "url": s.url,
             "published_on": s.published_on.isoformat() if s.published_on else None,
             "synthetic": s.synthetic}
            for s in picture.sources
        ],
        "caveats": [*disclosure.picture_notes(picture),
                    *wording.caveats(picture.measure, synthetic=picture.synthetic)],
        "disclosure": disclosure.picture_summary(picture),
        "synthetic": picture.synthetic,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
    }


def _funnel(picture: AreaPicture) -> dict[str, Any] | None:
    found = picture.funnel
    if found is None:
        return None
    own = found.point(picture.area_slug)
    return {
        "overall_rate_per_100000": found.overall_rate,
        "area_position": own.position if own else None,
        "areas": [{"slug": p.slug, "name": p.name, "count": p.count,
                   "population": p.population, "rate_per_100000": p.rate,
                   "position": p.position} for p in sorted(found.points, key=lambda p: p.name)],
    }


def to_json(picture: AreaPicture) -> str:
    return json.dumps(figures(picture), indent=2, ensure_ascii=False)


# --- CSV ----------------------------------------------------------------------------------


def to_csv(picture: AreaPicture) -> str:
    """The figures in long form: one row per figure, ``section, item, period, statistic,
    value``, with a synthetic column; empty values are gaps, not zeros."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["area", "section", "item", "period", "statistic", "value", "synthetic",
                     "protected", "not_for_publication"])
    synthetic = "yes" if picture.synthetic else "no"
    window = f"{picture.last[0]}/{picture.last[-1]}" if picture.last else ""
    before = f"{picture.previous[0]}/{picture.previous[-1]}" if picture.previous else ""

    protected = "yes" if picture.protected else "no"
    # Staff who may see protected figures unrounded get them marked as not for publication.
    restricted = "yes" if picture.restricted else "no"

    def row(section: str, item: str, period: str, statistic: str, value: Any) -> None:
        writer.writerow([picture.area_slug, section, item, period, statistic,
                         "" if value is None else value, synthetic, protected, restricted])

    headline = picture.headline
    row("headline", picture.measure, window, "count", headline.last)
    row("headline", picture.measure, before, "count", headline.previous)
    row("headline", picture.measure, window, "change",
        headline.change.verdict if headline.change else None)
    row("headline", picture.measure, window, "p_value",
        headline.change.p_value if headline.change else None)
    row("headline", picture.measure, window, "rate_per_100000", headline.rate)
    row("headline", "population", window, "count", headline.population)
    for point in picture.quarterly.points:
        row("quarterly", picture.measure, point.period, "count", point.value)
        row("quarterly", picture.measure, point.period, "four_quarter_total", point.rolling)
        if point.flag:
            row("quarterly", picture.measure, point.period, "flag", point.flag)
    for breakdown in picture.breakdowns:
        for share in breakdown.rows:
            item = f"{breakdown.dimension}={share.value}"
            row("breakdown", item, window, "count", share.count)
            row("breakdown", item, window, "share", share.share)
            row("breakdown", item, window, "region_share", share.region_share)
            if picture.peer_group:
                row("breakdown", item, window, "peer_share", share.peer_share)
            row("breakdown", item, window, "national_share", share.national_share)
    for other in picture.other_measures:
        row("other_measures", other.measure, other.period_label, "count", other.last)
        row("other_measures", other.measure, other.previous_label, "count", other.previous)
    for group in picture.comparisons:
        row("comparison", group.name, window, "count", group.last)
        row("comparison", group.name, before, "count", group.previous)
        row("comparison", group.name, window, "rate_per_100000", group.rate)
    return out.getvalue()


# --- DOCX ---------------------------------------------------------------------------------


def to_docx(picture: AreaPicture) -> bytes:
    """A report an office can put before its board: headline, charts, tables, sources."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    document.core_properties.title = _("Local picture: %(area)s") % {"area": picture.area_name}
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    if picture.synthetic or picture.restricted:
        header = document.sections[0].header.paragraphs[0]
        header.text = " ".join(
            ([wording.synthetic_sentence()] if picture.synthetic else [])
            + ([disclosure.not_for_publication_label().upper()] if picture.restricted else []))
    document.add_heading(_("Local picture: %(area)s") % {"area": picture.area_name}, level=0)
    document.add_paragraph(_("%(measure)s, %(period)s. Produced on %(date)s by the Anti-Slavery "
                             "Local Response Toolkit.") % {
        "measure": picture.measure_label, "period": picture.period_label or _("no figures"),
        "date": date_format(timezone.localdate(), "j F Y")})
    if picture.synthetic:
        notice = document.add_paragraph()
        run = notice.add_run(wording.synthetic_sentence())
        run.bold = True
        run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)

    _headline_section(document, picture)

    _chart_sections(document, picture)
    if picture.revisions:
        document.add_heading(_("Figures revised by later releases"), level=1)
        for line in wording.revision_lines(picture):
            document.add_paragraph(line, style="List Bullet")

    document.add_heading(_("Sources"), level=1)
    for note in picture.sources:
        line = wording.source_line(note)
        document.add_paragraph(f"{line} {note.url}".strip() if note.url else line,
                               style="List Bullet")
    if not picture.sources:
        document.add_paragraph(_("The store holds no figures for this area."))
    document.add_heading(_("Caveats"), level=1)
    for caveat in [*disclosure.picture_notes(picture),
                   *wording.caveats(picture.measure, synthetic=picture.synthetic)]:
        document.add_paragraph(caveat, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _headline_section(document: Any, picture: AreaPicture) -> None:
    document.add_heading(_("Headline figures"), level=1)
    for sentence in (wording.headline_sentence(picture),
                     wording.change_sentence(picture.headline.change),
                     wording.rate_sentence(picture)):
        document.add_paragraph(sentence)
    _headline_table(document, picture)
    others = tables.other_measures_table(picture)
    if others is not None:
        document.add_heading(others.caption, level=2)
        _table(document, others)
        for note in others.notes:
            document.add_paragraph(note)


def _chart_sections(document: Any, picture: AreaPicture) -> None:
    """One section per chart: heading, the chart as a picture, its text alternative, its table."""
    from docx.shared import Cm

    by_name = {t.name: t for t in tables.picture_tables(picture)}
    sections = [
        ("trend", _("How the figures have changed")),
        *((f"breakdown-{b.dimension}", b.title) for b in picture.breakdowns if b.known),
        ("comparison", _("Compared with peers and England and Wales")),
        ("funnel", _("Compared with every area")),
    ]
    for name, heading in sections:
        table = by_name.get(name)
        if table is None:
            continue
        document.add_heading(heading, level=1)
        chart = charts.chart_named(picture, name)
        if chart is not None:
            document.add_picture(io.BytesIO(charts.png(chart)), width=Cm(16))
            document.add_paragraph(chart.description, style="Caption")
        _table(document, table)
        for note in table.notes:
            document.add_paragraph(note)
        if name == "trend" and by_name.get("yearly") and by_name["yearly"].rows:
            _table(document, by_name["yearly"])


def _headline_table(document: Any, picture: AreaPicture) -> None:
    headline = picture.headline
    rows = [
        (_("Last four quarters (%(period)s)") % {"period": picture.period_label},
         tables.format_value(headline.last, tables.COUNT)),
        (_("Four quarters before (%(period)s)") % {"period": picture.previous_label},
         tables.format_value(headline.previous, tables.COUNT)),
        (_("Change"), tables.change_words(headline.change)),
        (_("p-value (exact Poisson test)"),
         tables.format_value(headline.change.p_value if headline.change else None,
                             tables.P_VALUE)),
        (_("Rate per 100,000 people"), tables.format_value(headline.rate, tables.RATE)),
    ]
    own = picture.funnel.point(picture.area_slug) if picture.funnel else None
    if own is not None:
        rows.append((_("Against every area's funnel limits"),
                     national.position_label(own.position)))
    grid = document.add_table(rows=0, cols=2)
    grid.style = "Light List Accent 1"
    for label, value in rows:
        cells = grid.add_row().cells
        cells[0].text = label
        cells[1].text = value


def _table(document: Any, table: tables.DataTable) -> None:
    grid = document.add_table(rows=1, cols=len(table.head))
    grid.style = "Light List Accent 1"
    for cell, text in zip(grid.rows[0].cells, table.head, strict=True):
        cell.text = text
    for values in table.formatted_rows():
        for cell, text in zip(grid.add_row().cells, values, strict=True):
            cell.text = text
    if table.synthetic:
        document.add_paragraph(tables.synthetic_notice())


def profile_for(*, area_text: str, fmt: str, peers: str = "", user: Any = None) -> BuiltProfile:
    """The report of the area ``area_text`` names (anything the gazetteer resolves).

    Raises NotFound for text that names no area of England and Wales or an unknown peer
    group, and ToolkitError for an unknown format. Shows what ``user`` may see (public
    figures when None).
    """
    from antislavery.areas.models import PeerGroup
    from antislavery.areas.selectors import area_for_text
    from antislavery.errors import NotFound, ToolkitError

    from .analysis.picture import area_picture

    if fmt not in FORMATS:
        raise ToolkitError(_("The report comes as %(formats)s, not '%(format)s'.") % {
            "formats": ", ".join(FORMATS), "format": fmt}, code="unknown_format")
    area = area_for_text(area_text)
    if not area.territorial:
        raise NotFound(_("%(area)s is not a police force area of England and Wales; the local "
                         "picture covers those 43 areas.") % {"area": area.name})
    group = None
    if peers:
        group = PeerGroup.objects.filter(slug=peers).first()
        if group is None:
            raise NotFound(_("There is no group of areas called '%(slug)s'.") % {"slug": peers})
    return build(area_picture(area, user=user, peers=group), fmt)
