"""Benchmark of the local picture: import throughput and area page time, SQLite and PostgreSQL.

    .venv/bin/python bench/localpicture.py [--rows 500000] [--only sqlite|postgresql]

Generates a tidy CSV of ``--rows`` figures, then for each database: creates a fresh
database (a file in a temporary folder; a throwaway PostgreSQL server started as ./toolkit
does), migrates it, loads the reference areas, imports the file once through the real
service and prints rows per second; then, with that data loaded, prints the median server
time of an area page over 50 requests. Targets on the 2-core reference machine: 20,000
rows/s on SQLite, 50,000 on PostgreSQL; an area page under 150 ms median.

Each database runs in a child process (Django is configured once per process). A child runs
every function in ``MEASUREMENTS`` in order, with the generated file already imported; add a
measurement by appending a function ``(context) -> list[str]`` that returns printed lines.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"sqlite": 20_000, "postgresql": 50_000}

DIMENSIONS = {
    "age_group": ["adult", "child", "not_specified"],
    "gender": ["male", "female", "not_specified"],
    "exploitation": ["criminal", "labour", "sexual", "domestic_servitude", "multiple",
                     "not_specified"],
    "nationality": ["uk", "albania", "vietnam", "eritrea", "sudan", "iran", "other"],
}


# --- the generated file ---


def breakdowns() -> list[str]:
    """The total, every single dimension, and every pair of dimensions, canonical."""
    found = [""]
    names = sorted(DIMENSIONS)
    for size in (1, 2):
        for chosen in itertools.combinations(names, size):
            for values in itertools.product(*(DIMENSIONS[d] for d in chosen)):
                found.append(";".join(f"{d}={v}" for d, v in zip(chosen, values, strict=True)))
    return found


def generate_csv(path: Path, rows: int, area_names: list[str]) -> None:
    """A tidy CSV of ``rows`` figures: areas x quarters x breakdowns, deterministic values."""
    quarters = [f"{year}-Q{q}" for year in range(1990, 2026) for q in range(1, 5)]
    cells = itertools.product(quarters, area_names, breakdowns())
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "period", "area", "measure", "breakdown", "value", "flag"])
        for index, (period, area, breakdown) in enumerate(itertools.islice(cells, rows)):
            writer.writerow(["bench", period, area, "nrm_referrals", breakdown,
                             (index * 7919) % 613, ""])


def area_names_from_reference() -> list[str]:
    """Area names as people write them (not slugs), so the gazetteer does real work."""
    with (ROOT / "src/antislavery/areas/data/police_force_areas.csv").open() as handle:
        return [row["name"] for row in csv.DictReader(handle)
                if row["territorial_ew"] == "true"]


# --- a throwaway PostgreSQL server, as ./toolkit starts one ---


def _pg_bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return candidates[0].parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(command: list[str], **options: object) -> subprocess.CompletedProcess:
    """Run one of this script's own fixed commands (no user input reaches them)."""
    return subprocess.run(command, **options)  # noqa: S603 -- fixed programs and arguments


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a PostgreSQL server in /tmp with trust auth; yield its URL; stop and remove it."""
    bindir = _pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) were not found.")
    folder = Path(tempfile.mkdtemp(prefix="antislavery-bench-pg."))
    folder.chmod(0o755)
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    data = folder / "data"
    _run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                 "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                   check=True, capture_output=True)
    options = (f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off")
    _run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l",
                                 str(folder / "server.log"), "-w", "-o", options, "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/antislavery_bench"
    finally:
        _run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m",
                                     "immediate", "stop"]), check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _create_database(url: str) -> None:
    import psycopg

    admin, name = url.rsplit("/", 1)
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


# --- inside a child process: one database ---


@dataclass
class Context:
    """What measurements share inside one child: the database, the file, earlier results."""

    backend: str
    csv_path: Path
    rows: int
    results: dict[str, object] = field(default_factory=dict)


def import_throughput(context: Context) -> list[str]:
    from antislavery.localpicture.services import ImportOptions, import_statistics

    data = context.csv_path.read_bytes()
    read_done: list[float] = []

    def progress(read: int, total: int | None) -> None:
        if read == total:
            read_done.append(time.perf_counter())

    started = time.perf_counter()
    result = import_statistics(
        data=data, file_name=context.csv_path.name, actor=None, progress=progress,
        options=ImportOptions(source="bench", source_name="Benchmark figures (made up)"))
    finished = time.perf_counter()
    seconds = finished - started
    reading = (read_done[-1] if read_done else finished) - started
    rate = context.rows / seconds
    context.results["import_rows_per_second"] = rate
    target = TARGETS[context.backend]
    verdict = "meets" if rate >= target else "MISSES"
    return [f"import of {result.added:,} rows: {seconds:.1f} s, {rate:,.0f} rows/s "
            f"({verdict} the target of {target:,}); reading and checking "
            f"{reading:.1f} s, storing {seconds - reading:.1f} s"]


# --- area page time (with the generated figures loaded) ---
#
# Adds a population for every area (so the page draws rates and the funnel plot too), then
# requests one area's page through Django's test client in-process, 50 times. The first
# request draws every chart; the rest show what visitors meet once a release has been drawn.
# A second figure gives the cost of an area drawn for the first time, over several areas.

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


def area_page_time(context: Context) -> list[str]:
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


# Run in order inside each child, with nothing imported before the first.
MEASUREMENTS: list[Callable[[Context], list[str]]] = [import_throughput, area_page_time]


def child(backend: str, csv_path: Path, rows: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from antislavery.areas.services import sync_reference_areas

    call_command("migrate", verbosity=0)
    sync_reference_areas()
    context = Context(backend, csv_path, rows)
    for measurement in MEASUREMENTS:
        for line in measurement(context):
            print(f"[{backend}] {line}", flush=True)
    print("RESULT " + json.dumps(context.results), flush=True)


def _run_child(backend: str, database_url: str, csv_path: Path, rows: int,
               data_dir: Path) -> dict[str, object]:
    env = {**os.environ, "DATABASE_URL": database_url, "ANTISLAVERY_DATA_DIR": str(data_dir),
           "DJANGO_SETTINGS_MODULE": "antislavery.settings.local", "DEBUG": "0"}
    process = _run(
        [sys.executable, __file__, "--child", backend, "--csv", str(csv_path),
         "--rows", str(rows)], env=env, capture_output=True, text=True, check=False)
    results: dict[str, object] = {}
    for line in process.stdout.splitlines():
        if line.startswith("RESULT "):
            results = json.loads(line[len("RESULT "):])
        else:
            print(line)
    if process.returncode != 0:
        print(process.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"The {backend} run failed.")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--only", choices=sorted(TARGETS))
    parser.add_argument("--child", choices=sorted(TARGETS), help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.csv, args.rows)
        return
    # Figures from a busy machine are not the machine's: say how busy it was.
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the "
          "start (targets are for an otherwise idle 2-core machine)")
    with tempfile.TemporaryDirectory(prefix="antislavery-bench.") as folder:
        work = Path(folder)
        csv_path = work / "bench-figures.csv"
        started = time.perf_counter()
        generate_csv(csv_path, args.rows, area_names_from_reference())
        print(f"generated {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - started:.1f} s")
        if args.only in (None, "sqlite"):
            _run_child("sqlite", f"sqlite:///{work / 'bench.sqlite3'}", csv_path, args.rows,
                       work / "sqlite-data")
        if args.only in (None, "postgresql"):
            with throwaway_postgres() as url:
                _create_database(url)
                _run_child("postgresql", url, csv_path, args.rows, work / "pg-data")


if __name__ == "__main__":
    main()
