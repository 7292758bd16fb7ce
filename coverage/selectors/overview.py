"""Coverage at a glance for the home page and the dashboard: this quarter's gaps and unreviewed overlaps in the
partnership boroughs (the gap and overlap lists' own figures for the quarter), and what changed since last."""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from programmes.periods import Quarter

from ..analysis.data import BOROUGH, PLACE, Criteria
from ..analysis.figures import Shortfalls, borough_counted_in, partnership_borough_ids, shortfalls_in
from ..analysis.matrix import Analysis
from ..cache import figures_cached
from .changes import GapChanges, gap_changes, snapshot_compared_with
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
    """One borough's figures for this quarter: the gap, thin and overlap lists' own with that borough chosen.

    Every borough's figures are worked out together and kept per coverage version, so a borough page reads a few
    numbers rather than the whole analysis. The question has no drafts: every user's analysis is the same one.
    """
    quarter = Quarter.containing(today)
    by_borough = figures_cached(f"borough-coverage:{quarter.start}", lambda: _coverage_by_borough(user, today))
    return by_borough[borough_id]


def _coverage_by_borough(user, today: date) -> dict[int, BoroughCoverage]:
    """Every borough's figures from one pass over the analysis (each gap, thin pair and overlap counts in one)."""
    quarter, analysis = _this_quarter(user, today)
    counted_in = {name: defaultdict(list) for name in ("gaps", "thin", "overlaps")}
    for name, by_borough in counted_in.items():
        for item in getattr(analysis, name):
            by_borough[borough_counted_in(analysis, item.site)].append(item)
    return {
        borough_id: _borough_figures(
            quarter, Shortfalls(**{name: tuple(counted_in[name][borough_id]) for name in counted_in})
        )
        for borough_id in analysis.boroughs
    }


def _borough_figures(quarter: Quarter, shown: Shortfalls) -> BoroughCoverage:
    return BoroughCoverage(
        quarter=quarter,
        gaps=len(shown.gaps),
        thin=len(shown.thin),
        overlaps=len(shown.overlaps),
        overlaps_not_reviewed=len(shown.overlaps_not_reviewed),
    )


def coverage_overview(user, *, today: date) -> CoverageOverview:
    """The quarter holding today, as the coverage pages count it by default, in the partnership boroughs.

    The four counts and the changes are worked out once per coverage version and kept, so the home page and the
    dashboard read a few numbers rather than the whole analysis; the question has no drafts, so every user's are
    the same.
    """
    quarter = Quarter.containing(today)
    counts = figures_cached(f"overview:{quarter.start}", lambda: _overview_counts(user, today))
    return CoverageOverview(quarter=quarter, **counts, changes=_changes_since_last_quarter(today))


def _changes_since_last_quarter(today: date) -> GapChanges:
    """The gaps closed and opened since last quarter's snapshot, kept per coverage version, day and snapshot (its
    gaps hashed: a snapshot taken again the same day holds new ones)."""
    snapshot = snapshot_compared_with(today)
    if snapshot is None:
        return gap_changes(today=today, snapshot=None)
    gaps = hashlib.sha256(json.dumps(snapshot.gaps).encode()).hexdigest()[:16]
    return figures_cached(
        f"gap-changes:{today}:{snapshot.taken_on}:{gaps}", lambda: gap_changes(today=today, snapshot=snapshot)
    )


def _overview_counts(user, today: date) -> dict[str, int]:
    """This quarter's gaps (whole boroughs and priority places) and overlaps in the partnership boroughs."""
    _, analysis = _this_quarter(user, today)
    shown = shortfalls_in(analysis, partnership_borough_ids(analysis))
    return {
        "borough_gaps": sum(gap.site.kind == BOROUGH for gap in shown.gaps),
        "place_gaps": sum(gap.site.kind == PLACE for gap in shown.gaps),
        "overlaps": len(shown.overlaps),
        "overlaps_not_reviewed": len(shown.overlaps_not_reviewed),
    }
