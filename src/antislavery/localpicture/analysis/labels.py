"""Words for the codes of the statistics store, from its vocabulary, as the picture shows them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from antislavery.localpicture import vocabulary

DEFAULT_MEASURE = "nrm_referrals"
# The breakdowns the local picture draws, in the order it draws them.
DIMENSIONS = ("age_group", "exploitation", "nationality", "first_responder", "gender")
# Measures an area can be pictured by (population is only ever a denominator).
PICTURED_MEASURES = tuple(code for code in vocabulary.MEASURES if code != "population")


def measure_label(measure: str) -> str:
    return vocabulary.measure_label(measure)


def measure_unit(measure: str) -> str:
    """What one unit of the measure counts, for "per 100,000 people" sentences."""
    return {
        "nrm_referrals": _("referrals"),
        "nrm_referrals_by_force": _("referrals"),
        "dtn_reports": _("reports"),
        "recorded_crimes": _("crimes"),
        "helpline_cases": _("cases"),
        "helpline_potential_victims": _("potential victims"),
    }.get(measure, _("figures"))


def dimension_label(dimension: str) -> str:
    label = vocabulary.DIMENSIONS.get(dimension)
    return str(label) if label else dimension.replace("_", " ").capitalize()


def value_label(dimension: str, value: str) -> str:
    return vocabulary.value_label(dimension, value)


def geography_label(geography: str) -> str:
    label = vocabulary.NATIONAL_GEOGRAPHIES.get(geography)
    return str(label) if label else geography
