"""Reporting quarters: the VRU's financial year runs April to March, returns fall due after each quarter."""

from dataclasses import dataclass
from datetime import date, timedelta

# A return is due this many days after its quarter ends.
RETURN_DUE_AFTER_DAYS = 30

_QUARTER_START_MONTHS = (4, 7, 10, 1)


def quarter_number(day: date) -> int:
    """A count of quarters since year 0, so consecutive quarters have consecutive numbers."""
    return day.year * 4 + (day.month - 1) // 3


@dataclass(frozen=True, order=True)
class Quarter:
    """One financial quarter, such as 2025–26 Q1 (April to June 2025)."""

    start: date

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        start_month = ((day.month - 1) // 3) * 3 + 1
        return cls(date(day.year, start_month, 1))

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    @property
    def financial_year(self) -> int:
        """The calendar year in which this quarter's financial year began."""
        return self.start.year if self.start.month >= 4 else self.start.year - 1

    @property
    def number(self) -> int:
        return _QUARTER_START_MONTHS.index(self.start.month) + 1

    @property
    def due_date(self) -> date:
        return self.end + timedelta(days=RETURN_DUE_AFTER_DAYS)

    def next(self) -> "Quarter":
        month = self.start.month + 3
        year = self.start.year + (month > 12)
        return Quarter(date(year, (month - 1) % 12 + 1, 1))

    def previous(self) -> "Quarter":
        return Quarter.containing(self.start - timedelta(days=1))

    def __str__(self) -> str:
        year = self.financial_year
        return f"{year}–{str(year + 1)[-2:]} Q{self.number}"


def quarters_between(start: date, end: date) -> list[Quarter]:
    """Every quarter that overlaps [start, end], in order."""
    quarters = []
    quarter = Quarter.containing(start)
    while quarter.start <= end:
        quarters.append(quarter)
        quarter = quarter.next()
    return quarters
