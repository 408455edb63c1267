"""Charts: valid Vega-Lite, SVG the content security policy allows, a sentence for each."""

from __future__ import annotations

import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema
from django.core.cache import cache

from antislavery.localpicture import charts
from antislavery.localpicture.analysis.picture import area_picture
from antislavery.localpicture.models import Source
from tests.localpicture import picture_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    data.clear_cache()


@pytest.fixture
def picture(areas):
    data.populate(kind=Source.Kind.SYNTHETIC)
    return area_picture(areas["essex"], peers=None)


def test_every_chart_is_valid_vega_lite(picture):
    schema = load_schema()
    drawn = charts.picture_charts(picture)
    assert [c.name for c in drawn] == ["trend", "breakdown-age_group", "breakdown-exploitation",
                                       "comparison", "funnel"]
    for chart in drawn:
        validate_jsonschema(chart.spec, schema)


def test_every_chart_renders_to_svg_without_inline_styles(picture):
    for chart in charts.picture_charts(picture):
        text = charts.svg(chart, state=picture.state)
        assert text.startswith("<svg")
        assert not charts.has_inline_style(text)


def test_inline_svg_is_one_image_named_by_its_text_alternative(picture):
    chart = charts.trend_chart(picture)
    markup = str(charts.inline_svg(chart))
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert f'role="img" aria-label="{chart.description}"' in markup
    assert f"<title>{chart.title}</title>" in markup


def test_text_alternatives_name_the_area_and_its_figures(picture):
    trend = charts.trend_chart(picture)
    assert trend.description.startswith(
        "Bar chart of NRM referrals in Essex each quarter from 2023 Q4 to 2025 Q3")
    assert f"The latest four-quarter total is {picture.headline.last}." in trend.description
    funnel = charts.funnel_chart(picture)
    assert "Essex, highlighted, has a rate of" in funnel.description


def test_a_text_alternative_is_escaped_inside_the_svg(picture):
    chart = charts.Chart("trend", 'A "quoted" <title>', 'Says "this" & <that>',
                         charts.trend_chart(picture).spec)
    markup = str(charts.inline_svg(chart))
    assert 'aria-label="Says &quot;this&quot; &amp; &lt;that&gt;"' in markup
    assert "<title>A &quot;quoted&quot; &lt;title&gt;</title>" in markup


@pytest.mark.parametrize(("text", "styled"), [
    ('<svg><rect fill="red"/></svg>', False),
    ('<svg><rect style="fill: red"/></svg>', True),
    ("<svg><style>rect { fill: red }</style></svg>", True),
])
def test_inline_styles_are_detected_so_such_charts_go_in_an_img(text, styled):
    assert charts.has_inline_style(text) is styled


def test_svg_is_kept_under_the_store_state_and_the_chart_specification(picture):
    chart = charts.trend_chart(picture)
    key = f"localpicture:svg:{picture.state}:{chart.key}"
    assert cache.get(key) is None
    drawn = charts.svg(chart, state=picture.state)
    assert cache.get(key) == drawn
    changed = charts.Chart(chart.name, chart.title, chart.description,
                           {**chart.spec, "width": 100})
    assert changed.key != chart.key


def test_charts_render_to_png_for_reports(picture):
    assert charts.png(charts.comparison_chart(picture)).startswith(b"\x89PNG")
