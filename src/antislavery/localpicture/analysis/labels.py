"""Words for the codes of the statistics store: measures, breakdown dimensions and values."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

DEFAULT_MEASURE = "nrm_referrals"
# The breakdowns the local picture draws, in the order it draws them.
DIMENSIONS = ("age_group", "exploitation", "nationality", "first_responder", "gender")


def measure_label(measure: str) -> str:
    return {
        "nrm_referrals": _("NRM referrals"),
        "dtn_reports": _("Duty to Notify reports"),
        "recorded_crimes": _("Modern slavery crimes recorded by the police"),
        "helpline_cases": _("Modern Slavery Helpline cases"),
        "helpline_potential_victims": _("Potential victims in Modern Slavery Helpline cases"),
        "population": _("Population"),
    }.get(measure, measure.replace("_", " ").capitalize())


def measure_unit(measure: str) -> str:
    """What one unit of the measure counts, for "per 100,000" sentences."""
    return {
        "nrm_referrals": _("referrals"),
        "dtn_reports": _("reports"),
        "recorded_crimes": _("crimes"),
        "helpline_cases": _("cases"),
        "helpline_potential_victims": _("potential victims"),
    }.get(measure, _("figures"))


def dimension_label(dimension: str) -> str:
    return {
        "age_group": _("Age at exploitation"),
        "exploitation": _("Exploitation type"),
        "nationality": _("Nationality"),
        "first_responder": _("First responder"),
        "gender": _("Gender"),
        "county_lines": _("County lines"),
        "location": _("Location of exploitation"),
    }.get(dimension, dimension.replace("_", " ").capitalize())


_VALUES = {
    "adult": gettext_noop("Adult (18 or over)"),
    "child": gettext_noop("Child (17 or under)"),
    "unknown": gettext_noop("Not specified or unknown"),
    "not_specified": gettext_noop("Not specified or unknown"),
    "uk": gettext_noop("UK"),
    "labour": gettext_noop("Labour"),
    "sexual": gettext_noop("Sexual"),
    "criminal": gettext_noop("Criminal"),
    "domestic": gettext_noop("Domestic"),
    "organ_harvesting": gettext_noop("Organ harvesting"),
    "police": gettext_noop("Police"),
    "local_authority": gettext_noop("Local authority"),
    "government_agency": gettext_noop("Government agency"),
    "ngo": gettext_noop("NGO or third sector"),
    "male": gettext_noop("Male"),
    "female": gettext_noop("Female"),
}


def value_label(value: str) -> str:
    """A breakdown value's words: known codes by name, others with underscores as spaces."""
    known = _VALUES.get(value)
    if known is not None:
        return _(known)
    text = value.replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]
