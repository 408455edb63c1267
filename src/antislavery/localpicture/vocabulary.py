"""The words of the statistics store: measures, breakdown dimensions and their values, periods.

Importers check every row against these lists, and pages take their labels from here. The
list is documented for people in docs/statistics-format.md; a test keeps the two in step.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Measure:
    code: str
    label: Promise
    description: Promise


MEASURES: dict[str, Measure] = {
    m.code: m
    for m in (
        Measure("nrm_referrals", _("NRM referrals"),
                _("Potential victims referred to the National Referral Mechanism, counted "
                  "against the area where exploitation is thought to have happened.")),
        Measure("nrm_referrals_by_force", _("NRM referrals made by the police force"),
                _("Potential victims the area's police force referred as first responder, "
                  "wherever the exploitation happened. Not to be added to nrm_referrals.")),
        Measure("dtn_reports", _("Duty to Notify reports"),
                _("Reports by public authorities in England and Wales of adult potential "
                  "victims who did not consent to a referral.")),
        Measure("recorded_crimes", _("Recorded modern slavery crimes"),
                _("Modern slavery offences recorded by the police.")),
        Measure("helpline_cases", _("Helpline cases"),
                _("Cases raised through the Modern Slavery & Exploitation Helpline.")),
        Measure("helpline_potential_victims", _("Potential victims named to the helpline"),
                _("Potential victims indicated in contacts with the helpline.")),
        Measure("population", _("Population"),
                _("Resident population, for rates per 100,000 people.")),
    )
}

DIMENSIONS: dict[str, Promise] = {
    "age_group": _("Age at exploitation"),
    "gender": _("Gender"),
    "exploitation": _("Type of exploitation"),
    "nationality": _("Nationality"),
    "first_responder": _("First responder"),
    "county_lines": _("County lines"),
    "location": _("Where the exploitation happened"),
}

NOT_SPECIFIED = "not_specified"

_NATIONAL_WORDS = """
afghanistan albania algeria angola argentina armenia australia austria azerbaijan
bahrain bangladesh belarus belgium benin bolivia bosnia_and_herzegovina botswana brazil
bulgaria burkina_faso burundi cambodia cameroon canada central_african_republic chad
chile china colombia comoros congo costa_rica croatia cuba cyprus czechia
democratic_republic_of_the_congo denmark djibouti dominica dominican_republic ecuador
egypt el_salvador equatorial_guinea eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guinea_bissau guyana
haiti honduras hong_kong hungary iceland india indonesia iran iraq ireland israel italy
ivory_coast jamaica japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia
lebanon lesotho liberia libya lithuania luxembourg madagascar malawi malaysia maldives
mali malta mauritania mauritius mexico moldova mongolia montenegro morocco mozambique
myanmar namibia nepal netherlands new_zealand nicaragua niger nigeria north_korea
north_macedonia norway oman pakistan palestine panama papua_new_guinea paraguay peru
philippines poland portugal qatar romania russia rwanda saint_lucia saudi_arabia senegal
serbia sierra_leone singapore slovakia slovenia somalia south_africa south_korea
south_sudan spain sri_lanka sudan suriname sweden switzerland syria taiwan tajikistan
tanzania thailand togo trinidad_and_tobago tunisia turkey turkmenistan uganda ukraine
united_arab_emirates uk united_states uruguay uzbekistan venezuela vietnam yemen zambia
zimbabwe stateless other
"""
_NATIONALITIES = tuple(_NATIONAL_WORDS.split())

# The nationalities most often referred, in the order pages list them.
COMMON_NATIONALITIES = ("uk", "albania", "vietnam", "eritrea", "sudan", "iran", "iraq",
                        "afghanistan", "romania", "china", "nigeria", "india")

VALUES: dict[str, dict[str, Promise | str]] = {
    "age_group": {"adult": _("Adult (18 or over)"), "child": _("Child (17 or under)")},
    "gender": {"male": _("Male"), "female": _("Female"), "other": _("Other")},
    "exploitation": {
        "sexual": _("Sexual exploitation"),
        "labour": _("Labour exploitation"),
        "criminal": _("Criminal exploitation"),
        "domestic_servitude": _("Domestic servitude"),
        "organ_removal": _("Organ removal"),
        "multiple": _("More than one type"),
    },
    "nationality": {
        code: (_("UK") if code == "uk" else code.replace("_", " ").title())
        for code in _NATIONALITIES
    },
    "first_responder": {
        "police": _("Police"),
        "local_authority": _("Local authority"),
        "government_agency": _("Government agency"),
        "ngo": _("Charity or third sector"),
    },
    "county_lines": {"yes": _("Flagged as county lines"), "no": _("Not flagged")},
    "location": {"uk": _("UK"), "overseas": _("Overseas"),
                 "uk_and_overseas": _("UK and overseas")},
}
for _dimension in ("age_group", "gender", "exploitation", "nationality", "location"):
    VALUES[_dimension][NOT_SPECIFIED] = _("Not specified or unknown")

NATIONAL_GEOGRAPHIES: dict[str, Promise] = {
    "uk": _("United Kingdom"),
    "england-and-wales": _("England and Wales"),
    "england": _("England"),
    "wales": _("Wales"),
}

# Texts naming a national geography, normalised as ``normalise_label`` does.
NATIONAL_NAMES = {
    "uk": "uk", "united kingdom": "uk", "great britain and northern ireland": "uk",
    "england and wales": "england-and-wales", "england": "england", "wales": "wales",
}


def normalise_label(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")).strip()


def value_label(dimension: str, value: str) -> str:
    return str(VALUES.get(dimension, {}).get(value, value))


def measure_label(code: str) -> str:
    measure = MEASURES.get(code)
    return str(measure.label) if measure else code


class BreakdownError(ValueError):
    pass


def canonical_breakdown(text: str) -> str:
    """``dimension=value`` pairs checked against the vocabulary, sorted, joined by ';'.

    Raises :class:`BreakdownError` (a translated sentence) on an unknown dimension or value,
    a pair without '=', or a dimension given twice.
    """
    text = (text or "").strip()
    if not text:
        return ""
    pairs: dict[str, str] = {}
    for part in text.split(";"):
        part = part.strip()
        if "=" not in part:
            raise BreakdownError(
                _("'%(part)s' is not a dimension=value pair.") % {"part": part})
        dimension, value = (piece.strip().lower() for piece in part.split("=", 1))
        if dimension not in DIMENSIONS:
            raise BreakdownError(
                _("'%(dimension)s' is not a breakdown dimension; use one of %(known)s.")
                % {"dimension": dimension, "known": ", ".join(DIMENSIONS)})
        if value not in VALUES[dimension]:
            raise BreakdownError(
                _("'%(value)s' is not a value of %(dimension)s.")
                % {"value": value, "dimension": dimension})
        if dimension in pairs:
            raise BreakdownError(
                _("The dimension %(dimension)s is given twice.") % {"dimension": dimension})
        pairs[dimension] = value
    return ";".join(f"{dimension}={pairs[dimension]}" for dimension in sorted(pairs))


def join_breakdown(pairs: dict[str, str]) -> str:
    """Canonical text of already-checked pairs."""
    return ";".join(f"{dimension}={pairs[dimension]}" for dimension in sorted(pairs))


@dataclass(frozen=True)
class Period:
    text: str
    grain: str
    start: datetime.date


_PERIOD = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$")


def parse_period(text: str) -> Period:
    """``2023``, ``2023-Q2`` (``2023-q2`` too) or ``2023-04``; ValueError otherwise."""
    cleaned = (text or "").strip().upper()
    match = _PERIOD.match(cleaned)
    if not match or not 1900 <= int(match.group(1)) <= 2100:
        raise ValueError(
            _("'%(text)s' is not a period: write 2023, 2023-Q2 or 2023-04.") % {"text": text})
    year = int(match.group(1))
    if match.group(2):
        quarter = int(match.group(2))
        return Period(f"{year}-Q{quarter}", "quarter", datetime.date(year, 3 * quarter - 2, 1))
    if match.group(3):
        month = int(match.group(3))
        return Period(f"{year}-{month:02d}", "month", datetime.date(year, month, 1))
    return Period(str(year), "year", datetime.date(year, 1, 1))
