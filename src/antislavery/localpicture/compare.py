"""The compare page's figures: chosen areas side by side, as counts, rates and shares."""

from __future__ import annotations

import dataclasses
from typing import Any

import altair as alt
from django.utils.translation import gettext as _

from . import charts, disclosure, tables, wording
from .analysis import labels, national, queries, stats
from .analysis.series import quarter_series


def comparison(user: Any, *, measure: str, slugs: list[str], group: Any = None,
               state: str | None = None) -> dict[str, Any]:
    """Everything the compare page shows for ``slugs`` (areas of England and Wales)."""
    window = national.national_window(user, measure, state=state)
    found = national.funnel(window)
    rows = [row for row in national.area_table(window, found) if row.info.slug in slugs]
    name = group.name if group is not None else _("The areas chosen")
    together = national.group_figures(window, name, slugs)
    everyone = national.england_and_wales(window)
    trend, trend_table = _trend(user, window, measure, slugs)
    share_tables = [_shares(window, rows, dimension) for dimension in ("age_group",
                                                                      "exploitation")]
    synthetic = window.synthetic
    summary = _summary_table(window, rows, [together, everyone])
    downloads = {table.name: dataclasses.replace(table, synthetic=synthetic)
                 for table in (summary, trend_table, *share_tables) if table is not None}
    return {
        "measure_label": labels.measure_label(measure), "window": window,
        "summary": summary.govuk(),
        "trend": trend, "trend_inline": charts.inline_svg(trend, state="compare")
        if trend else None,
        "trend_table": trend_table.govuk() if trend_table else None,
        "share_tables": [(t.name, t.govuk()) for t in share_tables if t is not None],
        "downloads": downloads,
        "shows_demo_data": synthetic,
        "caveats": [*disclosure.window_notes(window),
                    *wording.caveats(measure, synthetic=synthetic)],
        "compared_names": [row.info.name for row in rows],
    }


def _summary_table(window: national.NationalWindow, rows: list[national.AreaRow],
                   groups: list[national.GroupFigures]) -> tables.DataTable:
    body = []
    for row in rows:
        body.append([row.info.name, row.last, row.previous, tables.change_words(row.change),
                     row.change.p_value if row.change else None, row.rate])
    for group in groups:
        body.append([_("%(name)s (%(counted)s of %(total)s areas)") % {
            "name": group.name, "counted": group.counted, "total": len(group.slugs)},
            group.last, group.previous, tables.change_words(group.change),
            group.change.p_value if group.change else None, group.rate])
    table = tables.DataTable(
        name="compare", caption=_("Last four quarters against the four before"),
        head=[_("Area"), window.period_label or _("Last four quarters"),
              window.previous_label or _("Four quarters before"), _("Change"), _("p-value"),
              _("Rate per 100,000 people")],
        kinds=[tables.TEXT, tables.COUNT, tables.COUNT, tables.TEXT, tables.P_VALUE,
               tables.RATE],
        rows=body)
    return table


def _trend(user: Any, window: national.NationalWindow, measure: str,
           slugs: list[str]) -> tuple[charts.Chart | None, tables.DataTable | None]:
    """Four-quarter totals of each area over time, per 100,000 people where populations are
    known for every area (so that areas of different sizes compare), otherwise as counts."""
    if window.latest is None:
        return None, None
    by_area = queries.quarterly_totals(
        user, measure=measure, geographies=slugs,
        window=[str(q) for q in window.previous + window.last])
    names = {a.slug: a.name for a in window.areas}
    per_head = all(slug in window.populations for slug in slugs)
    first = window.latest.shift(-27)
    values = []
    quarters: list[str] = []
    columns: dict[str, dict[str, float | None]] = {}
    for slug in slugs:
        series = quarter_series(by_area.get(slug, []), first=first, last=window.latest)
        quarters = [p.label for p in series.points]
        column = {}
        segment = 0
        for point in series.points:
            value: float | None = point.rolling
            if value is not None and per_head:
                value = stats.rate(point.rolling, window.populations[slug])
            if value is None:
                segment += 1
            column[point.label] = value
            if value is not None:
                values.append({"quarter": point.label, "value": value, "area": names[slug],
                               "segment": f"{slug}-{segment}"})
        columns[slug] = column
    title_y = _("Four-quarter total per 100,000 people") if per_head else _("Four-quarter total")
    chart = alt.Chart(alt.Data(values=values)).mark_line(point=True).encode(
        x=alt.X("quarter:O", sort=quarters, title=_("Quarter ending"),
                axis=alt.Axis(labelAngle=-90)),
        y=alt.Y("value:Q", title=title_y),
        color=alt.Color("area:N", title=None),
        detail="segment:N",
    ).properties(width=charts.WIDTH, height=280)
    title = _("%(measure)s: four-quarter totals") % {"measure": labels.measure_label(measure)}
    description = _("Line chart of the four-quarter totals of %(measure)s%(per)s for %(areas)s, "
                    "each quarter from %(first)s to %(last)s. The table gives every figure.") % {
        "measure": labels.measure_label(measure),
        "per": _(" per 100,000 people") if per_head else "",
        "areas": ", ".join(names[s] for s in slugs), "first": first.short_label,
        "last": window.latest.short_label}
    table = tables.DataTable(
        name="compare-trend", caption=title_y,
        head=[_("Quarter ending"), *(names[s] for s in slugs)],
        kinds=[tables.TEXT, *([tables.RATE if per_head else tables.COUNT] * len(slugs))],
        rows=[[q, *(columns[s].get(q) for s in slugs)] for q in quarters])
    return charts.Chart("compare-trend", title, description, charts.configure(chart)), \
        table


def _shares(window: national.NationalWindow, rows: list[national.AreaRow],
            dimension: str) -> tables.DataTable | None:
    values: list[str] = []
    by_area = {}
    for row in rows:
        counts, whole, summed = national.breakdown_counts(window, [row.info.slug], dimension)
        values = sorted(set(values) | set(counts))
        by_area[row.info.name] = stats.shares(counts, whole) if summed else {}
    if not values:
        return None
    return tables.DataTable(
        name=f"compare-{dimension}",
        caption=_("Shares by %(dimension)s, %(period)s") % {
            "dimension": labels.dimension_label(dimension).lower(),
            "period": window.period_label},
        head=[_("Area"), *(labels.value_label(dimension, v) for v in values)],
        kinds=[tables.TEXT, *([tables.SHARE] * len(values))],
        rows=[[name, *(shares.get(v) for v in values)] for name, shares in by_area.items()])
