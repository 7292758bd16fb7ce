"""Dates written the way GOV.UK writes them, in one place: "1 April 2025"."""

from datetime import date


def long_date(value: date | None) -> str:
    """A date as GOV.UK writes it, 1 April 2025 (formatted directly, not through the locale: lists show thousands);
    no date is an empty string."""
    return f"{value.day} {value:%B %Y}" if value else ""


def date_range(start: date, end: date) -> str:
    """Two dates as a span: 1 April 2025 to 31 March 2026."""
    return f"{long_date(start)} to {long_date(end)}"
