"""An office editor uploads the office's own figures: a bad file first, then a good one."""

import pytest

from antislavery.localpicture.models import Observation
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADER = "source,period,area,measure,breakdown,value,flag\n"


def test_office_editor_corrects_a_rejected_file_and_imports_it(page, essex_editor, tmp_path):
    bad = tmp_path / "essex-counts.csv"
    bad.write_text(HEADER + ",2024-Q1,Essex,recorded_crimes,,12,\n"
                   ",2024-Q5,Essex,recorded_crimes,,-3,\n")
    good = tmp_path / "essex-counts-fixed.csv"
    good.write_text(HEADER + ",2024-Q1,Essex,recorded_crimes,,12,\n"
                    ",2024-Q2,Essex,recorded_crimes,,9,\n")
    # given the Essex editor on the upload page
    sign_in(page, essex_editor.username)
    page.goto("/statistics/upload/")
    # when they upload a file with a bad period and a negative count
    page.get_by_label("Statistics file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and import").click()
    # then the file is refused, each problem named by row and column, and nothing is stored
    assert page.get_by_role("heading", level=1).inner_text() == "The file was not imported"
    problems = page.get_by_role("table").inner_text()
    assert "'2024-Q5' is not a period" in problems
    assert "'-3' is negative" in problems
    assert not Observation.objects.exists()
    # when they upload the corrected file, keeping it private to the office
    page.get_by_role("link", name="Upload another file").click()
    page.get_by_label("Statistics file").set_input_files(str(good))
    page.get_by_label("Only our office and coordinators").check()
    page.get_by_role("button", name="Upload and import").click()
    # then both figures are stored, privately, and the release page says who can see them
    assert page.get_by_role("heading", level=1).inner_text() == "Statistics imported"
    page.get_by_role("link", name="See the release").click()
    assert page.get_by_text("The office for Essex and coordinators").is_visible()
    assert Observation.objects.filter(geography="essex", measure="recorded_crimes").count() == 2
