"""Returns: how long the busiest pages and reads take with the demonstration data loaded.

Loads the reference areas, demo accounts and the two demo requests into a throwaway SQLite
database, then times in-process (Django's test client): the coordinator's request page with
its 43-row tracker, the public page of published responses, the tracker as JSON, the answers
export (XLSX), and ``analysable_texts`` for the HMICFRS request; and ``documents.inspect`` on a
generated 200-paragraph DOCX and PDF. The issue sets no target: the figures are for comparison
between versions. Run: ``.venv/bin/python bench/returns.py``.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPEATS = 20
SLUG = "hmicfrs-support-outside-nrm"


def _setup() -> None:
    data_dir = tempfile.mkdtemp(prefix="returns-bench-")
    os.environ["ANTISLAVERY_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "antislavery.settings.local")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command

    from antislavery.accounts import demo as accounts_demo
    from antislavery.areas import demo as areas_demo
    from antislavery.returns import demo

    call_command("migrate", verbosity=0)
    for loader in (areas_demo, accounts_demo, demo):
        loader.load(stdout=io.StringIO())


def _time(action: Callable[[], object]) -> tuple[float, float]:
    action()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def _page(client: object, url: str) -> Callable[[], object]:
    def get() -> object:
        response = client.get(url, HTTP_HOST="localhost")  # type: ignore[attr-defined]
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response
    return get


def main() -> None:
    _setup()
    from django.test import Client
    from tests.documents import files

    from antislavery.accounts.models import User
    from antislavery.documents import inspect
    from antislavery.returns import exports, selectors
    from antislavery.returns.models import Request

    request = Request.objects.get(slug=SLUG)
    coordinator = Client()
    coordinator.force_login(User.objects.get(username="coordinator@demo.example"))
    public = Client()
    paragraphs = [f"Paragraph {n} about victim support, accommodation and partnership work "
                  "with the force and local authorities." for n in range(200)]
    docx = files.docx_bytes(paragraphs=paragraphs[:150], bullets=paragraphs[150:])
    pdf = files.pdf_bytes(paragraphs)
    measures = [
        ("coordinator's request page (tracker of 43)",
         _page(coordinator, f"/requests/{SLUG}/")),
        ("public page of published responses", _page(public, f"/requests/{SLUG}/published/")),
        ("tracker as JSON", lambda: selectors.tracker(request).as_json()),
        ("answers export (XLSX)", lambda: exports.export(request, what="answers", fmt="xlsx")),
        ("analysable_texts", lambda: selectors.analysable_texts(request)),
        (f"inspect a {len(docx) // 1024} KB DOCX of 200 paragraphs",
         lambda: inspect(docx, "bench.docx", max_bytes=10 * 1024 * 1024)),
        (f"inspect a {len(pdf) // 1024} KB PDF of 200 paragraphs",
         lambda: inspect(pdf, "bench.pdf", max_bytes=10 * 1024 * 1024)),
    ]
    print(f"returns benchmark on {os.cpu_count()} cores; median and worst of {REPEATS} runs; "
          "no target set by the issue")
    for label, action in measures:
        median, worst = _time(action)
        print(f"  {label}: median {median:.1f} ms, worst {worst:.1f} ms")


if __name__ == "__main__":
    main()
