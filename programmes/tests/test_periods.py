"""Financial quarters run April–June, July–September, October–December, January–March."""

from datetime import date

from programmes.periods import Quarter, quarters_between


def test_quarter_of_a_day_in_may_is_q1_of_that_financial_year():
    quarter = Quarter.containing(date(2025, 5, 17))
    assert (quarter.start, quarter.end, quarter.number, str(quarter)) == (
        date(2025, 4, 1),
        date(2025, 6, 30),
        1,
        "2025–26 Q1",
    )


def test_january_is_q4_of_the_previous_financial_year():
    quarter = Quarter.containing(date(2026, 1, 31))
    assert (quarter.end, quarter.number, str(quarter)) == (date(2026, 3, 31), 4, "2025–26 Q4")


def test_a_return_is_due_30_days_after_its_quarter_ends():
    assert Quarter.containing(date(2025, 12, 1)).due_date == date(2026, 1, 30)


def test_quarters_between_covers_every_overlapping_quarter():
    assert [str(q) for q in quarters_between(date(2025, 3, 31), date(2025, 7, 1))] == [
        "2024–25 Q4",
        "2025–26 Q1",
        "2025–26 Q2",
    ]


def test_the_quarter_before_april_is_january_to_march():
    assert Quarter(date(2025, 4, 1)).previous() == Quarter(date(2025, 1, 1))
    assert Quarter(date(2025, 1, 1)).previous() == Quarter(date(2024, 10, 1))
