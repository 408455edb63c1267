"""Requests per second and median latency of the API's observations endpoint, 500,000 figures in.

Builds a fresh database in a temporary data folder (SQLite; PostgreSQL when DATABASE_URL is
set), loads the reference areas, then bulk-inserts 500,000 quarterly observations: five
measures for every police force area over 2019-2025, each as a total and 83 breakdowns. One
of the releases is of a protected source, so the disclosure rule runs as it does for real.
Then it asks the observations endpoint, in process through Django's test client (the full
middleware stack, the rate limit turned off), for one area and measure, and prints the median
latency and the requests per second of a sequential client.

    .venv/bin/python bench/api.py            # SQLite in a temporary folder
    DATABASE_URL=postgres://... .venv/bin/python bench/api.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_MEDIAN_MS = 50
WANTED = 500_000
REQUESTS = 200
MEASURES = ("nrm_referrals", "nrm_referrals_by_force", "dtn_reports", "recorded_crimes",
            "helpline_cases")
NATIONALITIES = 66  # with 17 other breakdowns and the total: 84 cells per quarter
QUERIES = {
    "one area and measure, first page (100 rows)":
        "/api/observations?area=essex&measure=nrm_referrals",
    "one area and measure, totals 2023-2025":
        "/api/observations?area=kent&measure=dtn_reports&breakdown=total&period_from=2023",
    "one area and measure, 1,000 rows":
        "/api/observations?area=surrey&measure=nrm_referrals&page_size=1000",
    "one area and a protected measure, first page":
        "/api/observations?area=cumbria&measure=helpline_cases",
}


def setup_django() -> None:
    folder = os.environ.get("ANTISLAVERY_DATA_DIR") or tempfile.mkdtemp(prefix="bench-api-")
    os.environ["ANTISLAVERY_DATA_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "antislavery.settings.local")
    os.environ["API_RATE_LIMIT_REQUESTS"] = "0"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def breakdowns() -> list[str]:
    from antislavery.localpicture import vocabulary

    found = [""]
    for dimension in ("age_group", "gender", "exploitation", "first_responder"):
        found += [f"{dimension}={value}" for value in vocabulary.VALUES[dimension]]
    found += [f"nationality={value}" for value in list(vocabulary.VALUES["nationality"])
              [:NATIONALITIES]]
    return found


def load() -> int:
    """Insert the figures (bulk inserts, one transaction); return how many there are."""
    from django.db import transaction

    from antislavery.areas.models import Area
    from antislavery.areas.services import sync_reference_areas
    from antislavery.localpicture.models import Observation, Release, Source

    sync_reference_areas()
    if Observation.objects.count() >= WANTED:
        return Observation.objects.count()
    official = Source.objects.create(slug="bench-official", name="Benchmark figures (made up)",
                                     kind=Source.Kind.SYNTHETIC)
    helpline = Source.objects.create(slug="bench-helpline", name="Benchmark helpline figures",
                                     kind=Source.Kind.HELPLINE, protected=True)
    releases = {
        source: Release.objects.create(source=source, title=f"{source.name} release",
                                       sha256=f"{source.slug:0<64}"[:64], synthetic=True)
        for source in (official, helpline)}
    quarters = [(f"{year}-Q{q}", date(year, 3 * q - 2, 1)) for year in range(2019, 2026)
                for q in range(1, 5)]
    cells = breakdowns()
    batch: list[Observation] = []
    count = 0
    with transaction.atomic():
        for index, area in enumerate(Area.objects.filter(territorial=True).order_by("slug")):
            for measure in MEASURES:
                source = helpline if measure == "helpline_cases" else official
                for period, start in quarters:
                    for number, breakdown in enumerate(cells):
                        batch.append(Observation(
                            release=releases[source], source=source, period=period,
                            grain="quarter", period_start=start, area=area,
                            geography=area.slug, measure=measure, breakdown=breakdown,
                            value=(index * 7 + number * 3 + start.month) % 97, synthetic=True))
                    if len(batch) >= 10_000:
                        Observation.objects.bulk_create(batch)
                        count += len(batch)
                        batch = []
        Observation.objects.bulk_create(batch)
        count += len(batch)
    return count


def measure(client, url: str) -> tuple[float, float, int]:
    """(median ms, requests per second, rows per answer) over REQUESTS sequential requests."""
    answer = client.get(url, HTTP_HOST="localhost")
    if answer.status_code != 200:
        raise RuntimeError(f"{url} answered {answer.status_code}: {answer.content[:200]!r}")
    rows = len(answer.json()["results"])
    times = []
    started = time.perf_counter()
    for _ in range(REQUESTS):
        before = time.perf_counter()
        client.get(url, HTTP_HOST="localhost")
        times.append((time.perf_counter() - before) * 1000)
    elapsed = time.perf_counter() - started
    return statistics.median(times), REQUESTS / elapsed, rows


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test import Client

    started = time.perf_counter()
    count = load()
    loaded = time.perf_counter() - started
    print(f"database: {connection.vendor}; {os.cpu_count()} cores")
    print(f"{count:,} observations loaded in {loaded:.1f} s (bulk inserts)")
    client = Client()
    for label, url in QUERIES.items():
        median, per_second, rows = measure(client, url)
        verdict = "meets" if median < TARGET_MEDIAN_MS else "MISSES"
        print(f"{label}: median {median:.1f} ms, {per_second:.0f} requests/s "
              f"({rows} rows; {verdict} the {TARGET_MEDIAN_MS} ms target)  {url}")


if __name__ == "__main__":
    main()
