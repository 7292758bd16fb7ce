"""Coverage over time: each quarter's gaps and overlaps from the nightly snapshots, and which gaps closed or opened."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from core.charts import Chart, Series, line_chart
from programmes.periods import Quarter

from ..analysis.data import PLACE
from ..analysis.matrix import Analysis
from ..models import CoverageSnapshot, SnapshotSource
from .changes import partnership_shortfalls_on

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


@dataclass(frozen=True)
class GapChange:
    """A gap that opened or closed: where (a place or a whole borough), its borough and the kind of work."""

    where: str
    borough: str
    is_place: bool
    kind_of_work: str


@dataclass(frozen=True)
class GapChanges:
    """The gaps in partnership boroughs and priority places that closed and opened between two days."""

    start: date
    end: date
    gaps_at_start: int
    gaps_at_end: int
    closed: list[GapChange]
    opened: list[GapChange]


def _gap_changes(analysis: Analysis, keys) -> list[GapChange]:
    changes = [
        GapChange(
            where=analysis.site_name(site),
            borough=analysis.borough_of(site).name,
            is_place=site.kind == PLACE,
            kind_of_work=analysis.type_of(type_id).name,
        )
        for site, type_id in keys
    ]
    return sorted(changes, key=lambda change: (change.borough, change.is_place, change.where, change.kind_of_work))


def gaps_changed(*, start: date, end: date) -> GapChanges:
    """Gaps on `start` that `end` no longer has (closed) and those it has that `start` had not (opened).

    Each day is read and counted as the nightly snapshot and the dashboard's "since last quarter" read it
    (`partnership_shortfalls_on`): every project that counts, all ages, every kind of work, organisations as
    they are now, gaps in the partnership boroughs.
    """
    (before, shortfalls_before), (after, shortfalls_after) = (partnership_shortfalls_on(day) for day in (start, end))
    gaps_before = {(gap.site, gap.type_id) for gap in shortfalls_before.gaps}
    gaps_after = {(gap.site, gap.type_id) for gap in shortfalls_after.gaps}
    return GapChanges(
        start=start,
        end=end,
        gaps_at_start=len(gaps_before),
        gaps_at_end=len(gaps_after),
        closed=_gap_changes(before, gaps_before - gaps_after),
        opened=_gap_changes(after, gaps_after - gaps_before),
    )
