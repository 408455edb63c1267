"""Pages of the local picture: the area page's section, the national page, the compare page,
and the charts, data and reports they offer for download."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from antislavery.areas import selectors as area_selectors
from antislavery.areas.models import Area, PeerGroup
from antislavery.errors import NotFound

from . import charts, disclosure, profile, tables, wording
from .analysis import labels, national, queries
from .analysis.picture import AreaPicture, area_picture
from .forms_picture import CompareForm, MeasureForm

SECTION_SECONDS = DEFAULT_TIMEOUT  # keys name the state of the figures: the cache's own timeout


def _peer_group(slug: str | None) -> PeerGroup | None:
    if not slug:
        return None
    return PeerGroup.objects.filter(slug=slug).first()


def _picture_for(request: HttpRequest, area: Area) -> AreaPicture:
    return area_picture(area, user=request.user, peers=_peer_group(request.GET.get("peers")))


def _query(picture: AreaPicture) -> str:
    return f"?peers={picture.peer_group[0]}" if picture.peer_group else ""


def area_section(request: HttpRequest, area: Area) -> dict[str, Any] | None:
    """The area page's local picture section (registered in the app's ``ready``)."""
    if not area.territorial:
        return None
    asked = request.GET.get("peers") or ""
    peers = _peer_group(asked)
    picture = area_picture(area, user=request.user, peers=peers)
    return {
        "picture": picture,
        "shows_demo_data": picture.synthetic,
        "headline": wording.headline_sentence(picture),
        "change": wording.change_sentence(picture.headline.change),
        "rate": wording.rate_sentence(picture),
        "verdict": tables.change_words(picture.headline.change),
        "caveats": [*disclosure.picture_notes(picture),
                    *wording.caveats(picture.measure, synthetic=picture.synthetic)],
        "sources": [wording.source_line(s) for s in picture.sources],
        "revisions": wording.revision_lines(picture),
        "peer_groups": [{"slug": slug, "name": name} for slug, name in
                        PeerGroup.objects.order_by("kind", "name").values_list("slug", "name")
                        if slug != (picture.region_group or ("",))[0]],
        "peer_not_found": bool(asked) and peers is None,
        "asked_peers": asked,
        "charts_html": charts_html(picture) if picture.has_figures else "",
        "other_measures": _govuk(tables.other_measures_table(picture)),
        "query": _query(picture),
    }


def _govuk(table: tables.DataTable | None) -> dict[str, Any] | None:
    return table.govuk() if table is not None else None


def charts_html(picture: AreaPicture) -> str:
    """Charts, their tables and downloads: the costly part, cached with the picture."""
    key = f"{picture.key}:charts"
    html = cache.get(key) if picture.key else None
    if html is None:
        html = render_to_string("localpicture/_picture_charts.html",
                                {"figures": _figures(picture), "picture": picture})
        if picture.key:
            cache.set(key, html, SECTION_SECONDS)
    return html


def _figures(picture: AreaPicture) -> list[dict[str, Any]]:
    by_name = {t.name: t for t in tables.picture_tables(picture)}
    query = _query(picture)
    source = "; ".join(wording.source_line(s) for s in picture.sources)
    figures = []
    for chart in charts.picture_charts(picture):
        table = by_name.get(chart.name)
        inline = charts.inline_svg(chart, state=picture.state)
        url_args = [picture.area_slug, chart.name]
        figures.append({
            "chart": chart,
            "inline": inline,
            "image_url": None if inline else reverse("localpicture:chart", args=url_args) + query,
            "table": table.govuk() if table else None,
            "notes": table.notes if table else [],
            "extra": _extra_table(by_name.get("yearly"), url_args[0], query)
            if chart.name == "trend" else None,
            "csv_url": reverse("localpicture:chart-data", args=[*url_args, "csv"]) + query,
            "xlsx_url": reverse("localpicture:chart-data", args=[*url_args, "xlsx"]) + query,
            "source": source,
        })
    return figures


def _extra_table(table: tables.DataTable | None, slug: str, query: str) -> dict | None:
    if table is None or not table.rows:
        return None
    return {
        "table": table.govuk(), "notes": table.notes,
        "csv_url": reverse("localpicture:chart-data", args=[slug, table.name, "csv"]) + query,
        "xlsx_url": reverse("localpicture:chart-data", args=[slug, table.name, "xlsx"]) + query,
    }


def _area(slug: str) -> Area:
    area = area_selectors.area_by_slug(slug)
    if not area.territorial:
        raise NotFound(_("The local picture covers the police force areas of England and "
                         "Wales."))
    return area


@require_GET
def chart_svg(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    """A chart as an SVG image, for pages that cannot put it inline."""
    picture = _picture_for(request, _area(slug))
    chart = charts.chart_named(picture, name)
    if chart is None:
        raise NotFound(_("There is no chart called %(name)s for this area.") % {"name": name})
    response = HttpResponse(charts.svg(chart, state=picture.state),
                            content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_GET
def chart_data(request: HttpRequest, slug: str, name: str, fmt: str) -> HttpResponse:
    """The figures behind one chart as CSV or XLSX."""
    picture = _picture_for(request, _area(slug))
    table = tables.table_named(picture, name)
    if table is None:
        raise NotFound(_("There is no table called %(name)s for this area.") % {"name": name})
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("The figures come as CSV or XLSX."))
    filename = f"{picture.area_slug}-{name}"
    if fmt == "csv":
        response = HttpResponse(tables.to_csv(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    data = tables.to_xlsx(table, title=picture.area_name,
                          sources=[wording.source_line(s) for s in picture.sources],
                          caveats=wording.caveats(picture.measure,
                                                  synthetic=picture.synthetic))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


@require_GET
def profile_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The area's local picture report as DOCX, JSON or CSV."""
    if fmt not in profile.FORMATS:
        raise NotFound(_("The report comes as DOCX, JSON or CSV."))
    picture = _picture_for(request, _area(slug))
    built = profile.build(picture, fmt)
    response = HttpResponse(built.content, content_type=built.content_type)
    response["Content-Disposition"] = f'attachment; filename="{built.filename}"'
    return response


@require_GET
def national_page(request: HttpRequest) -> HttpResponse:
    """Every area at a glance for one measure: a table by name and a funnel plot."""
    form = MeasureForm(request.GET or None)
    measure = form.cleaned_data["measure"] if form.is_valid() else labels.DEFAULT_MEASURE
    state = queries.store_state(request.user)
    context = _cached(f"national:{state}:{translation.get_language()}:{measure}",
                      lambda: _national_figures(request.user, measure, state))
    context["form"] = form
    return render(request, "localpicture/national.html", context,
                  status=400 if form.errors else 200)


def _cached(key: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A page's figures, built once per store state (building draws charts: it is slow).

    A long key (a comparison of many areas names them all) is replaced by its digest: cache
    servers such as memcached refuse keys over 250 characters."""
    if len(key) > 150:
        key = "digest:" + hashlib.sha256(key.encode()).hexdigest()
    key = f"localpicture:page:{key}"
    figures = cache.get(key)
    if figures is None:
        figures = build()
        cache.set(key, figures, SECTION_SECONDS)
    return dict(figures)


def _national_figures(user: Any, measure: str, state: str) -> dict[str, Any]:
    window = national.national_window(user, measure, state=state)
    found = national.funnel(window)
    rows = national.area_table(window, found)
    return {
        "measure": measure, "measure_label": labels.measure_label(measure),
        "window": window, "table": _national_table(rows, window),
        "published": [(labels.geography_label(g), cell)
                      for g, cell in national.published_totals(window)],
        "funnel_figure": _national_funnel(window, found),
        "shows_demo_data": window.synthetic,
        "caveats": [*disclosure.window_notes(window),
                    *wording.caveats(measure, synthetic=window.synthetic)],
    }


def _national_table(rows: list[national.AreaRow], window: national.NationalWindow) -> dict:
    head = [_("Area"), _("Region"), window.period_label or _("Last four quarters"),
            window.previous_label or _("Four quarters before"), _("Change"), _("p-value"),
            _("Rate per 100,000 people"), _("Against the funnel limits")]
    body = []
    for row in rows:
        url = reverse("areas:detail", args=[row.info.slug]) + "#local-picture"
        body.append([
            {"html": f'<a class="govuk-link" href="{url}">{escape(row.info.name)}</a>'},
            row.info.region,
            tables.format_value(row.last, tables.COUNT),
            tables.format_value(row.previous, tables.COUNT),
            tables.change_words(row.change),
            tables.format_value(row.change.p_value if row.change else None, tables.P_VALUE),
            tables.format_value(row.rate, tables.RATE),
            national.position_label(row.position) if row.position else _("not known"),
        ])
    return {"head": head, "rows": body, "numeric": {2, 3, 5, 6},
            "caption": _("Every police force area of England and Wales, by name"),
            "caption_classes": "govuk-table__caption--m", "first_cell_is_header": True}


def _national_funnel(window: national.NationalWindow,
                     found: national.Funnel | None) -> dict[str, Any] | None:
    if found is None:
        return None
    chart = charts.funnel_chart_for(found, measure=window.measure,
                                    period_label=window.period_label)
    return {"chart": chart, "inline": charts.inline_svg(chart, state="national")}


@require_GET
def compare_page(request: HttpRequest) -> HttpResponse:
    """Chosen areas, or a peer group's, side by side for one measure."""
    form = CompareForm(request.GET or None)
    context: dict[str, Any] = {"form": form}
    if form.is_valid() and form.chosen_slugs():
        from .compare import comparison

        measure, slugs = form.cleaned_data["measure"], form.chosen_slugs()
        group = form.cleaned_data["group"]
        state = queries.store_state(request.user)
        key = (f"compare:{state}:{translation.get_language()}:{measure}:{','.join(slugs)}:"
               f"{group.pk if group else ''}")
        context.update(_cached(key, lambda: comparison(
            request.user, measure=measure, slugs=slugs, group=group, state=state)))
    return render(request, "localpicture/compare.html", context,
                  status=400 if form.errors else 200)
