"""Reading one cell: dates ISO or day first, whole numbers and amounts in pounds, each refused with an example."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from jobs.imports.cells import parse_amount, parse_count, parse_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-04-01", date(2025, 4, 1)),
        ("01/04/2025", date(2025, 4, 1)),
        ("1/4/2025", date(2025, 4, 1)),
        (datetime(2025, 4, 1, 0, 0), date(2025, 4, 1)),
        (date(2025, 4, 1), date(2025, 4, 1)),
    ],
)
def test_dates_are_read_iso_or_day_first(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", ["31/02/2025", "April 2025", "2025-13-01", "04/01/25"])
def test_a_date_that_is_not_real_is_refused_with_an_example(cell):
    with pytest.raises(ValueError, match="like 2025-04-01"):
        parse_date(cell)


@pytest.mark.parametrize(("cell", "expected"), [("25", 25), (25.0, 25), ("1,200", 1200), (0, 0)])
def test_counts_are_whole_numbers(cell, expected):
    assert parse_count(cell) == expected


@pytest.mark.parametrize(("cell", "message"), [("-1", "cannot be negative"), ("2.5", "whole number"), ("x", "whole")])
def test_bad_counts_are_refused(cell, message):
    with pytest.raises(ValueError, match=message):
        parse_count(cell)


def test_an_age_above_the_limit_is_refused():
    with pytest.raises(ValueError, match="no bigger than 120"):
        parse_count("130", maximum=120)


@pytest.mark.parametrize(("cell", "expected"), [("25000", "25000"), ("£25,000.50", "25000.50"), (1200.5, "1200.5")])
def test_amounts_accept_pounds_commas_and_pence(cell, expected):
    assert parse_amount(cell) == Decimal(expected)


@pytest.mark.parametrize(("cell", "message"), [("-5", "cannot be negative"), ("1.234", "pence"), ("lots", "pounds")])
def test_bad_amounts_are_refused(cell, message):
    with pytest.raises(ValueError, match=message):
        parse_amount(cell)
