"""Every figure of the quarterly partnership report, read from the same selectors as the pages that show them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from coverage.models import OverlapReview, OverlapReviewStatus
from coverage.selectors.trend import CoverageQuarter, CoverageTrend, GapChanges, coverage_trend, gaps_changed
from programmes.models import FundedPost, Project, YouthVoiceSession
from programmes.periods import Quarter
from programmes.selectors.posts import PostCounts, funded_post_counts, funded_posts
from programmes.selectors.reach import ReachQuarter, ReachTrajectory, reach_trajectory
from programmes.selectors.returns import ReturnsByQuarter, ReturnsInQuarter, returns_by_quarter

from .models import ReportJob


@dataclass(frozen=True)
class QuarterlyReport:
    """The partnership in one quarter: reach, coverage, overlaps reviewed, returns, youth voice and posts.

    Figures are as of the quarter's last day, or today while the quarter is still running.
    """

    quarter: Quarter
    as_of: date
    reach: ReachTrajectory
    returns: ReturnsByQuarter
    trend: CoverageTrend
    gaps: GapChanges
    overlaps_reviewed: list[OverlapReview]
    youth_voice: list[YouthVoiceSession]
    posts: PostCounts
    posts_running: list[FundedPost]

    @property
    def is_complete(self) -> bool:
        return self.as_of == self.quarter.end

    @property
    def reach_in_quarter(self) -> ReachQuarter | None:
        return next((row for row in self.reach.quarters if row.quarter == self.quarter), None)

    @property
    def returns_in_quarter(self) -> ReturnsInQuarter | None:
        return next((row for row in self.returns.quarters if row.quarter == self.quarter), None)

    @property
    def coverage_in_quarter(self) -> CoverageQuarter | None:
        return next((row for row in self.trend.quarters if row.quarter == self.quarter), None)

    @property
    def overlaps_complementary(self) -> int:
        return sum(review.status == OverlapReviewStatus.COMPLEMENTARY for review in self.overlaps_reviewed)

    @property
    def overlaps_to_be_resolved(self) -> int:
        return len(self.overlaps_reviewed) - self.overlaps_complementary

    @property
    def gap_lists(self) -> list[tuple[str, list]]:
        return [("Gaps closed in the quarter", self.gaps.closed), ("Gaps opened in the quarter", self.gaps.opened)]


def quarterly_report(projects: QuerySet[Project], *, quarter: Quarter, today: date) -> QuarterlyReport:
    """The report for a quarter over the projects given (VRU staff see them all), read as the pages read them.

    Reach and returns are those of the dashboard's charts as they stand today, the quarter's row picked out; the
    coverage trend ends at the quarter; gaps are compared between its first day and its last (or today).
    """
    as_of = min(quarter.end, today)
    return QuarterlyReport(
        quarter=quarter,
        as_of=as_of,
        reach=reach_trajectory(projects, today=today),
        returns=returns_by_quarter(projects, today=today),
        trend=coverage_trend(today=as_of),
        gaps=gaps_changed(start=quarter.start, end=as_of),
        overlaps_reviewed=list(
            OverlapReview.objects.filter(reviewed_at__date__gte=quarter.start, reviewed_at__date__lte=as_of)
            .select_related("place", "borough", "intervention_type", "reviewed_by")
            .order_by("reviewed_at", "pk")
        ),
        youth_voice=list(
            YouthVoiceSession.objects.filter(date__gte=quarter.start, date__lte=as_of)
            .select_related("borough")
            .order_by("date", "pk")
        ),
        posts=funded_post_counts(on=as_of),
        posts_running=list(funded_posts().filter(start_date__lte=as_of, end_date__gte=quarter.start)),
    )


def report_jobs_visible_to(user) -> QuerySet[ReportJob]:
    """Report PDFs this user may follow and download: their own, or every one for VRU staff."""
    jobs = ReportJob.objects.select_related("requested_by", "organisation")
    return jobs if user.is_vru_staff else jobs.filter(requested_by=user)
