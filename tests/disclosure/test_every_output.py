"""A sweep of every public output: no protected count as stored, no trace of the private
upload, and nothing a visitor can reach answers with a server error.

The private upload holds the counts 1, 4, 9, 10, 11 and 23 (recorded crimes for Essex, a
measure nothing public has); the offices' public uploads hold counts that rounding changes.
"""

from __future__ import annotations

import pytest

from tests import factories

from . import scenario as sc
from .sweep import picture_seeds, sweep

pytestmark = pytest.mark.django_db

KINDS = {"html", "csv", "xlsx", "docx", "json", "svg", "zip"}
REACHED = ("/statistics/areas/kent/data/trend.csv", "/statistics/areas/kent/data/yearly.xlsx",
           "/statistics/areas/essex/report.docx", "/statistics/areas/kent/report.json",
           "/statistics/areas/kent/charts/trend.svg", "/provision/gaps/kent/?format=docx",
           "/api/observations?area=essex&page_size=1000&format=csv", "/api/open-data.zip")


def leaks(outputs, scenario) -> dict[str, list[int]]:
    forbidden = scenario.forbidden_numbers()
    return {o.url: sorted(o.figures & forbidden) for o in outputs if o.figures & forbidden}


def test_no_public_output_shows_a_protected_count_or_the_private_upload(client, scenario):
    # given: the scenario's public and private uploads, and a visitor
    label = sc.vocabulary_label("recorded_crimes")

    # when: every page, download, chart, report and API answer is fetched
    outputs = sweep(client)

    # then: the sweep reached every kind of output
    urls = {o.url for o in outputs}
    assert {o.kind for o in outputs} == KINDS
    assert set(REACHED) <= urls, f"never reached: {set(REACHED) - urls}"
    by_url = {o.url: o for o in outputs}
    assert by_url["/statistics/areas/kent/charts/trend.svg"].figures >= {10, 40}  # read, too
    # and no figure in any of them is a protected count as stored, or a raw total
    assert {1, 4, 9, 11, 23} <= scenario.forbidden_numbers()
    assert not leaks(outputs, scenario), f"protected counts shown as stored: " \
                                         f"{leaks(outputs, scenario)}"
    # and nothing of the private upload shows: not its file, not a figure of its measure
    assert [o.url for o in outputs if "essex-private" in o.text] == []
    assert [o.url for o in outputs if "recorded_crimes" in o.measures] == []
    assert [o.url for o in outputs if o.kind == "json" and '"measure": "recorded_crimes"'
            in o.text and '"quarterly": []' not in o.text] == []
    assert [o.url for o in outputs if o.kind in ("html", "xlsx", "docx")
            and sc.table_mentions(o, label)] == []


def test_public_outputs_hold_no_protected_count_after_staff_looked_first(
        client, scenario, areas):
    # given: the local picture built and cached as the Essex office sees it, unrounded
    client.force_login(factories.office_user(areas["essex"], role="office_viewer"))
    as_staff = sweep(client, start=picture_seeds())
    assert leaks(as_staff, scenario), "staff should see their own figures unrounded"
    client.logout()

    # when: the public looks at the same pages and downloads
    outputs = sweep(client, start=picture_seeds())

    # then: the public sees rounded figures only
    assert not leaks(outputs, scenario), f"figures built for staff reached the public: " \
                                         f"{leaks(outputs, scenario)}"
