"""An area's local picture for machines: the same analysis, and so the same figures, as the
area's page."""

from __future__ import annotations

from typing import Any

from antislavery.areas.models import Area
from antislavery.localpicture.analysis.picture import area_picture
from antislavery.localpicture.disclosure import disclose, threshold


def picture_data(area: Area, measure: str) -> dict[str, Any]:
    """The public picture of ``area`` for ``measure``.

    The analysis reads figures already disclosed, so a protected count arrives here rounded
    or withheld; this only labels them.
    """
    picture = area_picture(area, user=None, measure=measure)
    releases = [note.release_id for note in picture.sources]
    change = picture.headline.change
    return {
        "area": area.slug, "area_name": area.name, "measure": measure,
        "period": picture.period_label if picture.last else "",
        "latest": str(picture.latest) if picture.latest else None,
        "headline": {
            "last": picture.headline.last, "previous": picture.headline.previous,
            "change": change.verdict if change else None,
            "p_value": change.p_value if change else None,
            "rate": picture.headline.rate,
        },
        "quarterly": [_point(point) for point in picture.quarterly.points],
        "protected": picture.protected, "synthetic": picture.synthetic, "releases": releases,
        "threshold": threshold(),
    }


def _point(point: Any) -> dict[str, Any]:
    # The value is already disclosed: this only words it ("fewer than 10", "suppressed").
    shown = disclose(point.value, protected=False, flag=point.flag)
    return {"period": point.period, "label": point.label, "value": point.value,
            "flag": point.flag, "display": shown.display, "rolling": point.rolling,
            "protected": point.protected}
