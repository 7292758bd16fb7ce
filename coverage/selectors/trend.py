"""Coverage over time: the gaps and overlaps of each quarter, as the last nightly snapshot in it counted them."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from core.charts import Chart, Series, line_chart
from programmes.periods import Quarter

from ..models import CoverageSnapshot, SnapshotSource

# How many quarters the trend shows, the current one last.
TREND_QUARTERS = 8


@dataclass(frozen=True)
class CoverageQuarter:
    """One quarter's coverage: gaps and overlaps on the day of its last snapshot."""

    quarter: Quarter
    taken_on: date
    gaps: int
    overlaps: int


@dataclass(frozen=True)
class CoverageTrend:
    """Gaps and overlaps quarter by quarter, oldest first; quarters without a snapshot are left out."""

    quarters: list[CoverageQuarter]

    @cached_property
    def chart(self) -> Chart:
        return line_chart(
            [str(row.quarter) for row in self.quarters],
            [
                Series("Gaps", tuple(row.gaps for row in self.quarters), "gaps"),
                Series("Overlaps", tuple(row.overlaps for row in self.quarters), "overlaps"),
            ],
        )


def coverage_trend(*, today: date, quarters: int = TREND_QUARTERS) -> CoverageTrend:
    """The last coverage snapshot of each of the latest quarters up to today's, in one query.

    Snapshots taken before coverage analysis kept gap counts (the register's alone) are skipped.
    """
    first = Quarter.containing(today)
    for _ in range(quarters - 1):
        first = first.previous()
    last_of_quarter: dict[Quarter, tuple[date, int, int]] = {}
    for taken_on, gaps, overlaps in (
        CoverageSnapshot.objects.filter(
            source=SnapshotSource.COVERAGE, gap_count__isnull=False, taken_on__gte=first.start, taken_on__lte=today
        )
        .order_by("taken_on")
        .values_list("taken_on", "gap_count", "overlap_count")
    ):
        last_of_quarter[Quarter.containing(taken_on)] = (taken_on, gaps, overlaps or 0)
    return CoverageTrend([CoverageQuarter(quarter, *last_of_quarter[quarter]) for quarter in sorted(last_of_quarter)])
