"""Demonstration statistics: the real national NRM figures, and synthetic figures per area.

Real: the national figures of ``data/nrm_national_*.csv`` (see data/SOURCES.md), imported as
releases of the official source. Synthetic: quarterly figures 2019-Q1 to 2025-Q4 for every
territorial area, made with a fixed seed so that they are the same on every machine. Each
quarter's real UK total is shared out across the areas by weights, with largest-remainder
rounding, so the areas add up to the real national figure exactly; each area's total is then
shared out across the values of each breakdown the same way. Synthetic figures belong to a
source of kind "synthetic", and every release of it is flagged synthetic.

Everything goes through the ordinary importer as generated tidy CSV files, so loading twice
changes nothing (the same file has the same SHA-256).
"""

from __future__ import annotations

import csv
import datetime
import io
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .services import ImportOptions, ImportResult, import_statistics

ORDER = 30

DATA = Path(__file__).resolve().parent / "data"
OFFICIAL = "home-office-nrm"
SYNTHETIC = "synthetic-demo"
SEED = 20190401
FIRST_YEAR, LAST_YEAR = 2019, 2025
HEADER = ("source", "period", "area", "measure", "breakdown", "value", "flag")

# National shapes the synthetic breakdowns are drawn around (rough, not sourced figures).
SHAPES: dict[str, dict[str, float]] = {
    "age_group": {"adult": 0.50, "child": 0.43, "not_specified": 0.07},
    "gender": {"male": 0.77, "female": 0.22, "not_specified": 0.01},
    "exploitation": {"criminal": 0.36, "labour": 0.27, "sexual": 0.14,
                     "domestic_servitude": 0.05, "organ_removal": 0.002, "multiple": 0.07,
                     "not_specified": 0.108},
    "nationality": {"uk": 0.27, "albania": 0.16, "vietnam": 0.06, "eritrea": 0.06,
                    "sudan": 0.05, "iran": 0.03, "iraq": 0.02, "afghanistan": 0.02,
                    "other": 0.31, "not_specified": 0.02},
    "first_responder": {"government_agency": 0.45, "police": 0.30, "local_authority": 0.18,
                        "ngo": 0.07},
    "county_lines": {"yes": 0.14, "no": 0.86},
}


def load(*, stdout: TextIO) -> None:
    from .models import Source

    Source.objects.get_or_create(slug=SYNTHETIC, defaults={
        "name": "Synthetic demonstration figures", "publisher": "Anti-Slavery Local Response "
        "Toolkit (made up for demonstration)", "kind": Source.Kind.SYNTHETIC,
        "protected": False, "notes": "Made-up figures for trying the toolkit. Not statistics."})
    annual = _read("nrm_national_annual.csv")
    quarterly = [row for row in _read("nrm_national_quarterly.csv")
                 if row["is_latest_seen"] == "true"]
    areas = _areas()
    population = synthetic_population(areas)
    releases = [
        _import(annual_first_published(annual), "nrm-national-annual-first-published.csv",
                title="NRM and Duty to Notify national figures by year, as first published",
                notes=_sources_note(annual, "source")),
        _import(annual_restated(annual), "nrm-national-annual-restated.csv",
                title="NRM and Duty to Notify national figures by year, latest restatement",
                notes=_sources_note(annual, "referrals_latest_source")),
        _import(quarterly_latest(quarterly), "nrm-national-quarterly-latest.csv",
                title="NRM and Duty to Notify national figures by quarter, latest seen",
                published_on=max(datetime.date.fromisoformat(row["published"])
                                 for row in quarterly if row["published"]),
                notes=_sources_note(quarterly, "source")),
        _import(population_csv(population), "synthetic-population.csv", source=SYNTHETIC,
                title="Synthetic population of each area, 2019 to 2025 (demonstration)"),
        _import(synthetic_quarterly(areas, quarterly, annual),
                "synthetic-area-quarterly.csv", source=SYNTHETIC,
                title="Synthetic quarterly figures for every area, 2019 to 2025 "
                      "(demonstration)"),
        _import(essex_local(), "synthetic-essex-local.csv", source="local-essex-demo",
                source_name="Essex office's own counts (demonstration)", private_to="essex",
                title="Essex office's own counts, private (demonstration)", synthetic=True),
    ]
    added = sum(result.added + result.superseded for result in releases)
    stdout.write(f"  {len(releases)} statistics releases, {added} figures added\n")


def _import(text: str, file_name: str, **options: object) -> ImportResult:
    return import_statistics(data=text.encode("utf-8"), file_name=file_name, actor=None,
                             options=ImportOptions(**options))  # type: ignore[arg-type]


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _csv(rows: Iterator[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def _sources_note(rows: list[dict[str, str]], column: str) -> str:
    seen: list[str] = []
    for row in rows:
        for part in row.get(column, "").replace(" ; ", ";").split(";"):
            part = part.strip()
            if part and part not in seen:
                seen.append(part)
    return "Sources, as given for each figure in the reference data:\n" + "\n".join(seen)


# --- real national figures ---

# Columns of the reference files, and the measure, place and breakdown each one gives.
_COLUMNS = (
    ("referrals", "nrm_referrals", "UK", ""),
    ("adult", "nrm_referrals", "UK", "age_group=adult"),
    ("child", "nrm_referrals", "UK", "age_group=child"),
    ("age_unknown", "nrm_referrals", "UK", "age_group=not_specified"),
    ("male", "nrm_referrals", "UK", "gender=male"),
    ("female", "nrm_referrals", "UK", "gender=female"),
    ("uk_nationals", "nrm_referrals", "UK", "nationality=uk"),
    ("county_lines_flagged", "nrm_referrals", "UK", "county_lines=yes"),
    ("dtn_reports", "dtn_reports", "England and Wales", ""),
)


def annual_first_published(rows: list[dict[str, str]]) -> str:
    def cells() -> Iterator[Sequence[object]]:
        for row in rows:
            for column, measure, area, breakdown in _COLUMNS:
                if row.get(column):
                    yield OFFICIAL, row["year"], area, measure, breakdown, row[column], ""
    return _csv(cells())


def annual_restated(rows: list[dict[str, str]]) -> str:
    def cells() -> Iterator[Sequence[object]]:
        for row in rows:
            if row["referrals_latest_seen"]:
                yield (OFFICIAL, row["year"], "UK", "nrm_referrals", "",
                       row["referrals_latest_seen"], "")
            if row["dtn_reports_latest_seen"]:
                yield (OFFICIAL, row["year"], "England and Wales", "dtn_reports", "",
                       row["dtn_reports_latest_seen"], "")
    return _csv(cells())


def quarterly_latest(rows: list[dict[str, str]]) -> str:
    def cells() -> Iterator[Sequence[object]]:
        for row in rows:
            period = f"{row['year']}-{row['quarter']}"
            for column, measure, area, breakdown in _COLUMNS:
                if row.get(column):
                    yield OFFICIAL, period, area, measure, breakdown, row[column], ""
    return _csv(cells())


# --- synthetic figures ---


@dataclass(frozen=True)
class _Area:
    slug: str
    base_population: int
    weight: float
    trend: float
    tilts: dict[str, dict[str, float]]


def _areas() -> list[_Area]:
    """Every territorial area with its fixed synthetic character, in slug order."""
    from antislavery.areas.selectors import territorial_areas

    rng = _rng(0)
    found = []
    for slug in sorted(territorial_areas().values_list("slug", flat=True)):
        population = 8_900_000 if slug == "metropolitan" else rng.randrange(500, 3000) * 1000
        tilts = {dimension: {value: rng.uniform(0.6, 1.4) for value in shape}
                 for dimension, shape in SHAPES.items()}
        found.append(_Area(slug, population, population * rng.uniform(0.6, 1.6),
                           rng.uniform(-0.012, 0.02), tilts))
    return found


def _rng(stream: int) -> random.Random:
    """A seeded generator: the same figures on every machine, every time."""
    return random.Random(SEED + stream)  # noqa: S311 -- made-up figures, not secrets


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Whole numbers proportional to ``weights`` that add up to ``total`` exactly.

    Largest-remainder rounding; ties go to the earlier weight, so the result is repeatable.
    """
    whole = sum(weights)
    if total == 0 or whole <= 0:
        return [0] * len(weights)
    quotas = [total * weight / whole for weight in weights]
    shares = [int(quota) for quota in quotas]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - quotas[i], i))
    for index in order[: total - sum(shares)]:
        shares[index] += 1
    return shares


def synthetic_population(areas: list[_Area]) -> dict[tuple[str, int], int]:
    return {(area.slug, year): round(area.base_population * 1.006 ** (year - FIRST_YEAR), -2)
            for area in areas for year in range(FIRST_YEAR, LAST_YEAR + 1)}


def population_csv(population: dict[tuple[str, int], int]) -> str:
    return _csv((SYNTHETIC, str(year), slug, "population", "", value, "")
                for (slug, year), value in sorted(population.items()))


def _quarters() -> list[str]:
    return [f"{year}-Q{q}" for year in range(FIRST_YEAR, LAST_YEAR + 1) for q in range(1, 5)]


def national_dtn(quarterly: list[dict[str, str]], annual: list[dict[str, str]]) -> dict[str, int]:
    """Quarterly DtN reports: the real quarter where known, otherwise the year's real total
    less its known quarters, spread evenly over the rest."""
    known = {f"{r['year']}-{r['quarter']}": int(r["dtn_reports"]) for r in quarterly
             if r["dtn_reports"]}
    yearly = {r["year"]: int(r["dtn_reports_latest_seen"] or r["dtn_reports"]) for r in annual
              if r["dtn_reports_latest_seen"] or r["dtn_reports"]}
    result: dict[str, int] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        quarters = [f"{year}-Q{q}" for q in range(1, 5)]
        missing = [q for q in quarters if q not in known]
        result.update({q: known[q] for q in quarters if q in known})
        if missing and str(year) in yearly:
            rest = max(yearly[str(year)] - sum(known.get(q, 0) for q in quarters), 0)
            result.update(zip(missing, allocate(rest, [1.0] * len(missing)), strict=True))
    return result


def synthetic_quarterly(areas: list[_Area], quarterly: list[dict[str, str]],
                        annual: list[dict[str, str]]) -> str:
    """Referrals by area, quarter and each breakdown, plus DtN reports, as tidy CSV."""
    totals = {f"{r['year']}-{r['quarter']}": int(r["referrals"]) for r in quarterly}
    dtn = national_dtn(quarterly, annual)
    rng = _rng(1)

    def cells() -> Iterator[Sequence[object]]:
        for index, period in enumerate(_quarters()):
            weights = [area.weight * (1 + area.trend) ** index * rng.uniform(0.85, 1.15)
                       for area in areas]
            area_totals = allocate(totals[period], weights)
            area_dtn = allocate(dtn.get(period, 0), [area.weight for area in areas])
            age_shape = _age_shape(quarterly, period)
            for area, total, reports in zip(areas, area_totals, area_dtn, strict=True):
                yield SYNTHETIC, period, area.slug, "nrm_referrals", "", total, ""
                yield from _breakdowns(area, period, total, age_shape)
                if period in dtn:
                    yield SYNTHETIC, period, area.slug, "dtn_reports", "", reports, ""
    return _csv(cells())


def _age_shape(quarterly: list[dict[str, str]], period: str) -> dict[str, float]:
    """The real national age split of a quarter where known, else the usual shape."""
    for row in quarterly:
        if f"{row['year']}-{row['quarter']}" == period and row["adult"] and row["child"]:
            return {"adult": float(row["adult"]), "child": float(row["child"]),
                    "not_specified": float(row["age_unknown"] or 0) + 0.5}
    return SHAPES["age_group"]


def _breakdowns(area: _Area, period: str, total: int,
                age_shape: dict[str, float]) -> Iterator[Sequence[object]]:
    for dimension, shape in SHAPES.items():
        if dimension == "age_group":
            shape = age_shape
        values = list(shape)
        counts = allocate(total, [shape[v] * area.tilts[dimension][v] for v in values])
        for value, count in zip(values, counts, strict=True):
            yield (SYNTHETIC, period, area.slug, "nrm_referrals", f"{dimension}={value}",
                   count, "")


def essex_local() -> str:
    """A small private upload of an office's own counts, to show private figures."""
    rng = _rng(2)
    return _csv(("local-essex-demo", period, "essex", "recorded_crimes", "",
                 rng.randrange(8, 30), "") for period in _quarters())
