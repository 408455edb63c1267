"""The themes fixtures (a request answered by three of four areas, analysed), for reports."""

from tests.themes.conftest import analysed, answered, apcc, four_areas, issued

__all__ = ["analysed", "answered", "apcc", "four_areas", "issued"]
