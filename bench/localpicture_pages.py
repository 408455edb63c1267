"""Page time of the local picture, run by bench/localpicture.py with its generated data loaded.

Adds a population for every area (so the page draws rates and the funnel plot too), then
requests one area's page through Django's test client in-process, 50 times, and reports the
median server time. The first request renders every chart; the rest show what a visitor
meets once a release has been drawn. A second figure gives the cost of an area drawn for the
first time (its picture and charts not yet cached), over several areas.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

PAGE_TARGET_MS = 150
REQUESTS = 50
COLD_AREAS = ("kent", "surrey", "cumbria", "dorset", "gwent")


def _add_populations() -> None:
    from antislavery.areas.models import Area
    from antislavery.localpicture.services import ImportOptions, import_statistics

    lines = ["source,period,area,measure,breakdown,value,flag"]
    for index, slug in enumerate(Area.objects.filter(territorial=True).order_by("slug")
                                 .values_list("slug", flat=True)):
        for year in range(1990, 2026):
            lines.append(f"bench-population,{year},{slug},population,,"
                         f"{600_000 + 50_000 * index + 1_000 * (year - 1990)},")
    import_statistics(data="\n".join(lines).encode(), file_name="bench-population.csv",
                      actor=None, options=ImportOptions(
                          source="bench-population",
                          source_name="Benchmark populations (made up)"))


def _timed_get(client: Any, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url, HTTP_HOST="localhost")
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed


def area_page_time(context: Any) -> list[str]:
    from django.core.cache import cache
    from django.test import Client

    from antislavery.localpicture.models import Observation

    _add_populations()
    observations = Observation.objects.count()
    cache.clear()
    client = Client()
    url = "/areas/essex/"
    first = _timed_get(client, url)
    times = [_timed_get(client, url) for _ in range(REQUESTS)]
    median = statistics.median(times)
    cold = [_timed_get(client, f"/areas/{slug}/") for slug in COLD_AREAS]
    context.results["area_page_median_ms"] = median
    context.results["area_page_first_ms"] = first
    context.results["area_page_cold_median_ms"] = statistics.median(cold)
    verdict = "meets" if median < PAGE_TARGET_MS else "MISSES"
    return [
        f"area page with {observations:,} observations: median {median:.1f} ms over "
        f"{REQUESTS} requests ({verdict} the target of {PAGE_TARGET_MS} ms); "
        f"90th percentile {statistics.quantiles(times, n=10)[-1]:.1f} ms",
        f"area page drawn for the first time after a release: {first:.0f} ms for the first "
        f"area (charts renderer starting), median {statistics.median(cold):.0f} ms over "
        f"{len(cold)} more areas",
    ]
