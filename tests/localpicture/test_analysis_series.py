"""Time series: gaps stay gaps, four-quarter totals only where all four quarters are known."""

from __future__ import annotations

from antislavery.localpicture.analysis.periods import Quarter, last_quarters, window_label
from antislavery.localpicture.analysis.series import Row, quarter_series, year_series


def rows(first: str, values: list) -> list[Row]:
    start = Quarter.parse(first)
    result = []
    for offset, value in enumerate(values):
        period = str(start.shift(offset))
        if isinstance(value, str):
            result.append(Row(period, None, value))
        elif value is not None:
            result.append(Row(period, value))
    return result


def test_quarterly_series_carries_rolling_four_quarter_totals():
    series = quarter_series(rows("2024-Q1", [10, 20, 30, 40, 50]))
    assert [p.period for p in series.points] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
                                                 "2025-Q1"]
    assert [p.rolling for p in series.points] == [None, None, None, 100, 140]
    assert series.gaps == []
    assert series.gap_note() == ""


def test_a_suppressed_quarter_is_a_gap_that_the_series_names():
    series = quarter_series(rows("2024-Q1", [10, "suppressed", 30, 40, 50, 60]))
    assert [p.value for p in series.points] == [10, None, 30, 40, 50, 60]
    assert [p.rolling for p in series.points] == [None, None, None, None, None, 180]
    assert [(p.period, p.flag) for p in series.gaps] == [("2024-Q2", "suppressed")]
    assert "2024 Q2 (suppressed)" in series.gap_note()
    assert "not zeros" in series.gap_note()


def test_a_quarter_missing_from_the_store_is_a_gap_too():
    series = quarter_series(rows("2024-Q1", [10, None, 30]))
    assert [(p.period, p.flag) for p in series.gaps] == [("2024-Q2", "missing")]


def test_series_can_run_on_to_the_latest_quarter_in_the_store():
    series = quarter_series(rows("2024-Q1", [10, 20]), last=Quarter(2024, 4))
    assert [p.flag for p in series.points] == ["", "", "missing", "missing"]


def test_years_are_sums_of_four_known_quarters_or_incomplete():
    quarterly = quarter_series(rows("2023-Q1", [1, 2, 3, 4, 5, "not_available", 7, 8, 9]))
    yearly = year_series(quarterly)
    assert [(p.period, p.value, p.flag) for p in yearly.points] == [
        ("2023", 10, ""), ("2024", None, "incomplete"), ("2025", None, "incomplete")]


def test_a_stored_yearly_figure_is_used_for_its_year():
    quarterly = quarter_series(rows("2023-Q1", [1, 2, "suppressed", 4]))
    yearly = year_series(quarterly, [Row("2023", 12)])
    assert [(p.period, p.value) for p in yearly.points] == [("2023", 12)]


def test_revised_points_say_what_they_were():
    series = quarter_series([Row("2024-Q1", 431, revised_from=412), Row("2024-Q2", 5)])
    assert [(p.period, p.revised_from, p.value) for p in series.revisions] == [
        ("2024-Q1", 412, 431)]


def test_quarters_and_windows():
    assert Quarter.parse("2025-Q3").shift(-4) == Quarter(2024, 3)
    assert [str(q) for q in last_quarters(Quarter(2025, 1), 4)] == [
        "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    assert window_label(last_quarters(Quarter(2025, 3), 4)) == "2024 Q4 to 2025 Q3"
    assert Quarter(2025, 2).months_label == "April to June 2025"
