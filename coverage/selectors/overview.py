"""Coverage at a glance for the home page and the dashboard: this quarter's gaps and unreviewed overlaps in the
partnership boroughs (the gap and overlap lists' own figures for the quarter), and what changed since last."""

from dataclasses import dataclass
from datetime import date

from programmes.periods import Quarter

from ..analysis.data import BOROUGH, PLACE, Criteria
from ..analysis.figures import partnership_borough_ids, shortfalls_in
from ..analysis.matrix import Analysis
from .changes import GapChanges, gap_changes
from .partnership import COUNTED_STATUSES, coverage_analysis, coverage_reference


@dataclass(frozen=True)
class CoverageOverview:
    """This quarter's gaps in partnership boroughs and in priority places, overlaps not yet reviewed, and the
    gaps closed and opened since last quarter."""

    quarter: Quarter
    borough_gaps: int
    place_gaps: int
    overlaps: int
    overlaps_not_reviewed: int
    changes: GapChanges

    @property
    def gaps(self) -> int:
        return self.borough_gaps + self.place_gaps


@dataclass(frozen=True)
class BoroughCoverage:
    """This quarter's gaps, thin provision and overlaps counted in one borough (its own and its places')."""

    quarter: Quarter
    gaps: int
    thin: int
    overlaps: int
    overlaps_not_reviewed: int


def _this_quarter(user, today: date) -> tuple[Quarter, Analysis]:
    """The quarter holding today and its analysis as the coverage pages run it by default (all ages, every kind
    of work, counted statuses, organisations as they are now)."""
    quarter = Quarter.containing(today)
    criteria = Criteria(start=quarter.start, end=quarter.end, statuses=COUNTED_STATUSES)
    return quarter, coverage_analysis(user=user, criteria=criteria, reference=coverage_reference())


def borough_coverage(user, borough_id: int, *, today: date) -> BoroughCoverage:
    """One borough's figures for this quarter: the gap, thin and overlap lists' own with that borough chosen."""
    quarter, analysis = _this_quarter(user, today)
    shown = shortfalls_in(analysis, [borough_id])
    return BoroughCoverage(
        quarter=quarter,
        gaps=len(shown.gaps),
        thin=len(shown.thin),
        overlaps=len(shown.overlaps),
        overlaps_not_reviewed=len(shown.overlaps_not_reviewed),
    )


def coverage_overview(user, *, today: date) -> CoverageOverview:
    """The quarter holding today, as the coverage pages count it by default, in the partnership boroughs."""
    quarter, analysis = _this_quarter(user, today)
    shown = shortfalls_in(analysis, partnership_borough_ids(analysis))
    return CoverageOverview(
        quarter=quarter,
        borough_gaps=sum(gap.site.kind == BOROUGH for gap in shown.gaps),
        place_gaps=sum(gap.site.kind == PLACE for gap in shown.gaps),
        overlaps=len(shown.overlaps),
        overlaps_not_reviewed=len(shown.overlaps_not_reviewed),
        changes=gap_changes(today=today),
    )
