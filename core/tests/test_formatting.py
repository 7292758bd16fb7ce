"""Dates read as GOV.UK writes them, with no leading zero and the month in full."""

from datetime import date

from core.formatting import date_range, long_date


def test_a_date_has_no_leading_zero_and_its_month_in_full():
    assert long_date(date(2025, 4, 1)) == "1 April 2025"
    assert long_date(date(2026, 12, 31)) == "31 December 2026"


def test_no_date_is_an_empty_string():
    assert long_date(None) == ""


def test_a_span_joins_two_dates():
    assert date_range(date(2025, 4, 1), date(2026, 3, 31)) == "1 April 2025 to 31 March 2026"
