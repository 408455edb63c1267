"""Charts of the local picture, drawn on the server as SVG (pages) or PNG (reports).

Each chart is an Altair specification built from an :class:`AreaPicture`, with a sentence
that stands in for it (its text alternative). Rendering with vl-convert costs tens of
milliseconds, so the result is cached under the store's state and the specification's hash:
a new release changes the state, and different figures change the hash.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import altair as alt
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .analysis import labels, national
from .analysis.picture import AreaPicture, Breakdown

CACHE_SECONDS = DEFAULT_TIMEOUT  # keys name the state of the figures: the cache's own timeout
WIDTH = 560
# GOV.UK Design System colours.
BLUE, GREY, ORANGE, BLACK, PURPLE, GREEN = (
    "#1d70b8", "#b1b4b6", "#f47738", "#0b0c0c", "#4c2c92", "#00703c")
# Arial and Liberation Sans share their metrics, so text the renderer measured with one fits
# when a browser draws it with the other.
FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    description: str
    spec: dict[str, Any]

    @property
    def key(self) -> str:
        text = json.dumps(self.spec, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:24]


def configure(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The specification with the toolkit's look; the page's heading names the chart."""
    spec = (chart.properties(padding={"left": 12, "right": 24, "top": 8, "bottom": 8})
            .configure(font=FONT)
            .configure_axis(labelFontSize=12, titleFontSize=12, labelColor=BLACK,
                            titleColor=BLACK, labelLimit=260)
            .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom",
                              direction="vertical", labelLimit=360)
            .configure_view(stroke=None)).to_dict(validate=False)
    spec.pop("$schema", None)
    return spec


def trend_chart(picture: AreaPicture) -> Chart:
    """Bars for each quarter, a line for four-quarter totals; gaps marked, never drawn as 0."""
    points = picture.recent.points
    segment = 0
    values = []
    for point in points:
        if point.rolling is None:
            segment += 1
        values.append({"quarter": point.label, "count": point.value, "rolling": point.rolling,
                       "segment": segment, "gap": point.value is None})
    order = [p.label for p in points]
    x = alt.X("quarter:O", sort=order, title=_("Quarter"),
              axis=alt.Axis(labelAngle=-90, labelOverlap=True))
    base = alt.Chart(alt.Data(values=values))
    bars = base.mark_bar(color=BLUE).encode(
        x=x, y=alt.Y("count:Q", title=_("Each quarter"))).transform_filter("datum.count != null")
    gaps = base.mark_text(text="\u00d7", color=ORANGE, fontSize=16, dy=-8).encode(
        x=x, y=alt.datum(0)).transform_filter("datum.gap")
    rolling = base.mark_line(color=BLACK, point=alt.OverlayMarkDef(color=BLACK, size=20)).encode(
        x=x, y=alt.Y("rolling:Q", title=_("Four-quarter total")), detail="segment:N",
    ).transform_filter("datum.rolling != null")
    top = (bars + gaps).properties(width=WIDTH, height=180)
    bottom = rolling.properties(width=WIDTH, height=140)
    title = _("%(measure)s in %(area)s") % {"measure": picture.measure_label,
                                            "area": picture.area_name}
    return Chart("trend", title, _trend_description(picture),
                 configure(alt.vconcat(top, bottom)))


def _trend_description(picture: AreaPicture) -> str:
    points = picture.recent.points
    if not points:
        return _("No figures to chart.")
    text = _("Bar chart of %(measure)s in %(area)s each quarter from %(first)s to %(last)s, "
             "above a line of four-quarter totals.") % {
        "measure": picture.measure_label, "area": picture.area_name,
        "first": points[0].label, "last": points[-1].label}
    headline = picture.headline
    if headline.last is not None:
        text += " " + _("The latest four-quarter total is %(last)s.") % {
            "last": intcomma(headline.last)}
    if picture.recent.gaps:
        text += " " + _("Quarters without a figure are marked with a cross: %(gaps)s.") % {
            "gaps": ", ".join(p.label for p in picture.recent.gaps)}
    return text + " " + _("The table gives every figure.")


def breakdown_chart(picture: AreaPicture, breakdown: Breakdown) -> Chart:
    """Shares of each value in the area beside its region, peers and England and Wales."""
    groups = [(picture.area_name, "share", BLUE)]
    if picture.region_group:
        groups.append((_("Rest of %(group)s") % {"group": picture.region_group[1]},
                       "region_share", GREY))
    if picture.peer_group and picture.peer_group != picture.region_group:
        groups.append((_("Rest of %(group)s") % {"group": picture.peer_group[1]},
                       "peer_share", PURPLE))
    groups.append((_("England and Wales"), "national_share", BLACK))
    values = [
        {"value": row.label, "group": name, "share": getattr(row, attribute)}
        for row in breakdown.rows for name, attribute, _colour in groups
        if getattr(row, attribute) is not None
    ]
    order = [row.label for row in breakdown.rows]
    names = [name for name, _a, _c in groups]
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(
        y=alt.Y("value:N", sort=order, title=None),
        yOffset=alt.YOffset("group:N", sort=names),
        x=alt.X("share:Q", title=_("Share of the total"), axis=alt.Axis(format="%")),
        color=alt.Color("group:N", sort=names, title=None,
                        scale=alt.Scale(domain=names, range=[c for _n, _a, c in groups])),
    ).properties(width=WIDTH - 160, height=alt.Step(10))
    title = _("%(dimension)s, %(period)s") % {"dimension": breakdown.title,
                                              "period": picture.period_label}
    return Chart(f"breakdown-{breakdown.dimension}", title,
                 _breakdown_description(picture, breakdown, names), configure(chart))


def _breakdown_description(picture: AreaPicture, breakdown: Breakdown, names: list[str]) -> str:
    known = [row for row in breakdown.rows if row.share is not None]
    text = _("Bar chart of the share of %(measure)s by %(dimension)s in %(groups)s.") % {
        "measure": picture.measure_label, "dimension": breakdown.title.lower(),
        "groups": ", ".join(names)}
    if known:
        top = known[0]
        text += " " + _("In %(area)s the largest group is %(value)s at %(share).0f%%.") % {
            "area": picture.area_name, "value": top.label, "share": top.share * 100}
    return text + " " + _("The table gives every share.")


def comparison_chart(picture: AreaPicture) -> Chart | None:
    """Rates per 100,000 people of the area and each comparison group; None without rates."""
    values = [{"group": g.name, "rate": g.rate, "own": i == 0}
              for i, g in enumerate(picture.comparisons) if g.rate is not None]
    if not values or values[0]["group"] != picture.area_name:
        return None
    interval = picture.headline.rate_interval
    order = [v["group"] for v in values]
    base = alt.Chart(alt.Data(values=values))
    bars = base.mark_bar().encode(
        y=alt.Y("group:N", sort=order, title=None),
        x=alt.X("rate:Q", title=_("Rate per 100,000 people")),
        color=alt.condition("datum.own", alt.value(BLUE), alt.value(GREY)),
    )
    layers = [bars]
    if interval is not None:
        error = alt.Chart(alt.Data(values=[{"group": picture.area_name, "low": interval[0],
                                            "high": interval[1]}])).mark_rule(
            color=BLACK, strokeWidth=2).encode(
            y=alt.Y("group:N", sort=order), x="low:Q", x2="high:Q")
        layers.append(error)
    chart = alt.layer(*layers).properties(width=WIDTH - 160, height=alt.Step(28))
    title = _("Rate per 100,000 people, %(period)s") % {"period": picture.period_label}
    text = _("Bar chart of %(measure)s per 100,000 people in %(groups)s.") % {
        "measure": picture.measure_label, "groups": ", ".join(order)}
    if interval is not None:
        text += " " + _("A line across the %(area)s bar shows its 95%% confidence interval, "
                        "%(low).1f to %(high).1f.") % {
            "area": picture.area_name, "low": interval[0], "high": interval[1]}
    return Chart("comparison", title, text, configure(chart))


def funnel_chart(picture: AreaPicture) -> Chart | None:
    """Every area's rate against its population, inside 95% and 99.8% Poisson limits."""
    if picture.funnel is None:
        return None
    return funnel_chart_for(picture.funnel, measure=picture.measure,
                            period_label=picture.period_label)


def funnel_chart_for(funnel: national.Funnel, *, measure: str, period_label: str) -> Chart:
    """The funnel plot of ``funnel``; an area marked highlighted is drawn larger and named."""
    limit_values = []
    for limit in funnel.limits:
        for level, low, high in (("95%", limit.lower_95, limit.upper_95),
                                 ("99.8%", limit.lower_998, limit.upper_998)):
            limit_values += [{"population": limit.population, "rate": low, "level": level,
                              "side": "lower"},
                             {"population": limit.population, "rate": high, "level": level,
                              "side": "upper"}]
    domain = [funnel.limits[0].population, funnel.limits[-1].population] if funnel.limits \
        else None
    x = alt.X("population:Q", title=_("Population"),
              scale=alt.Scale(type="log", domain=domain, nice=False),
              axis=alt.Axis(format="~s"))
    y = alt.Y("rate:Q", title=_("Rate per 100,000 people"), scale=alt.Scale(zero=False))
    lines = alt.Chart(alt.Data(values=limit_values)).mark_line(color=GREY).encode(
        x=x, y=y, detail="side:N",
        strokeDash=alt.StrokeDash("level:N", title=_("Control limits"), sort=["95%", "99.8%"],
                                  scale=alt.Scale(domain=["95%", "99.8%"],
                                                  range=[[6, 3], [2, 2]])),
    )
    overall = alt.Chart(alt.Data(values=[{"rate": funnel.overall_rate}])).mark_rule(
        color=BLACK).encode(y="rate:Q")
    points = [{"population": p.population, "rate": p.rate, "name": p.name,
               "own": p.highlighted} for p in funnel.points]
    dots = alt.Chart(alt.Data(values=points)).mark_circle(opacity=0.9).encode(
        x=x, y=y,
        color=alt.condition("datum.own", alt.value(ORANGE), alt.value(BLUE)),
        size=alt.condition("datum.own", alt.value(160), alt.value(40)),
    )
    layers = [lines, overall, dots]
    own = [p for p in points if p["own"]]
    if own:
        layers.append(alt.Chart(alt.Data(values=own)).mark_text(
            align="left", dx=9, fontWeight="bold", color=BLACK).encode(x=x, y=y, text="name:N"))
    chart = alt.layer(*layers).properties(width=WIDTH, height=300)
    measure_text = labels.measure_label(measure)
    title = _("%(measure)s per 100,000 people against population, %(period)s") % {
        "measure": measure_text, "period": period_label}
    return Chart("funnel", title, _funnel_description(funnel, measure_text),
                 configure(chart))


def _funnel_description(funnel: national.Funnel, measure_text: str) -> str:
    text = _("Funnel plot of the rate of %(measure)s per 100,000 people in %(count)s areas "
             "against their population, with the overall rate of %(rate).1f and 95%% and "
             "99.8%% control limits.") % {
        "measure": measure_text, "count": len(funnel.points), "rate": funnel.overall_rate}
    own = next((p for p in funnel.points if p.highlighted), None)
    if own is not None:
        text += " " + _("%(area)s, highlighted, has a rate of %(rate).1f, %(position)s.") % {
            "area": own.name, "rate": own.rate,
            "position": national.position_label(own.position)}
    return text + " " + _("The table lists every area by name.")


def picture_charts(picture: AreaPicture) -> list[Chart]:
    charts = [trend_chart(picture)]
    charts += [breakdown_chart(picture, b) for b in picture.breakdowns if b.known]
    charts += [c for c in (comparison_chart(picture), funnel_chart(picture)) if c is not None]
    return charts


def chart_named(picture: AreaPicture, name: str) -> Chart | None:
    if name == "trend":
        return trend_chart(picture)
    if name == "comparison":
        return comparison_chart(picture)
    if name == "funnel":
        return funnel_chart(picture)
    if name.startswith("breakdown-"):
        breakdown = picture.breakdown(name.removeprefix("breakdown-"))
        return breakdown_chart(picture, breakdown) if breakdown and breakdown.known else None
    return None


def svg(chart: Chart, *, state: str = "") -> str:
    """The chart as SVG text, rendered once per store state and specification."""
    key = f"localpicture:svg:{state}:{chart.key}"
    text = cache.get(key)
    if text is None:
        import vl_convert

        text = vl_convert.vegalite_to_svg(chart.spec)
        cache.set(key, text, CACHE_SECONDS)
    return text


def png(chart: Chart, *, scale: float = 2.0) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(chart.spec, scale=scale)


_ROOT = re.compile(r"<svg\b([^>]*)>")


def inline_svg(chart: Chart, *, state: str = "") -> SafeString | None:
    """The SVG to put in the page, or None when it needs inline styles the CSP forbids.

    The root element is marked as one image named by the chart's text alternative, so screen
    readers read the sentence rather than every axis label.
    """
    text = svg(chart, state=state)
    if has_inline_style(text):
        return None

    def opened(match: re.Match[str]) -> str:
        return (f'<svg{match.group(1)} role="img" aria-label="{escape(chart.description)}">'
                f"<title>{escape(chart.title)}</title>")

    return mark_safe(_ROOT.sub(opened, text, count=1))  # noqa: S308 -- vl-convert's own SVG, labels escaped


def has_inline_style(text: str) -> bool:
    """Whether SVG text uses a style attribute or element (blocked by style-src 'self')."""
    return bool(re.search(r"\sstyle\s*=|<style\b", text))
