"""The report's figures for a quarter, worked by hand: reach, returns, coverage, reviews, youth voice, posts."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from boroughs.models import Borough
from coverage.models import OverlapReview, OverlapReviewStatus
from programmes.models import InterventionType, Project
from programmes.periods import Quarter
from programmes.tests.factories import (
    FundedPostFactory,
    MonitoringReturnFactory,
    ProjectFactory,
    YouthVoiceSessionFactory,
)
from reports.selectors import quarterly_report

pytestmark = pytest.mark.django_db

QUARTER = Quarter(date(2025, 4, 1))  # April to June 2025
LONDON = ZoneInfo("Europe/London")


def _review(on: datetime, status):
    return OverlapReview.objects.create(
        key=f"{on:%Y%m%d%H%M}",
        borough=Borough.objects.get(name="Brent"),
        intervention_type=InterventionType.objects.get(slug="mentoring"),
        project_ids=[1, 2],
        status=status,
        note="Checked",
        reviewed_at=on,
    )


def test_a_quarters_report_picks_its_own_rows_and_counts_only_what_happened_in_it(partnership):
    project = ProjectFactory(start_date=date(2025, 1, 1), end_date=date(2025, 12, 31), target_reach=365)
    MonitoringReturnFactory(
        project=project, quarter=Quarter(date(2025, 1, 1)), status="verified", young_people_reached=30
    )
    MonitoringReturnFactory(project=project, quarter=QUARTER, status="verified", young_people_reached=45)
    ProjectFactory(start_date=date(2025, 5, 1), end_date=date(2025, 12, 31), target_reach=None)  # no return
    _review(datetime(2025, 3, 31, 23, 30, tzinfo=LONDON), OverlapReviewStatus.COMPLEMENTARY)  # the quarter before
    _review(datetime(2025, 4, 1, 0, 30, tzinfo=LONDON), OverlapReviewStatus.COMPLEMENTARY)
    _review(datetime(2025, 6, 30, 23, 0, tzinfo=LONDON), OverlapReviewStatus.TO_BE_RESOLVED)
    YouthVoiceSessionFactory(date=date(2025, 6, 30), title="In the quarter")
    YouthVoiceSessionFactory(date=date(2025, 7, 1), title="After it")
    FundedPostFactory(start_date=date(2024, 4, 1), end_date=date(2025, 5, 31), is_filled=True)  # ends in it
    FundedPostFactory(start_date=date(2025, 7, 1), end_date=date(2026, 3, 31))  # starts after it

    report = quarterly_report(
        Project.objects.exclude(title__startswith="One Flow"), quarter=QUARTER, today=date(2025, 11, 15)
    )
    assert report.is_complete and report.as_of == date(2025, 6, 30)
    reach = report.reach_in_quarter
    # 365 over 365 days: one a day, so 181 by 30 June (1 January to 30 June 2025).
    assert (reach.reached, reach.reached_so_far, reach.target_so_far, report.reach.target) == (45, 75, 181, 365)
    returns = report.returns_in_quarter
    assert (returns.expected, returns.received, returns.overdue) == (2, 1, 1)
    assert (len(report.overlaps_reviewed), report.overlaps_complementary, report.overlaps_to_be_resolved) == (2, 1, 1)
    assert [session.title for session in report.youth_voice] == ["In the quarter"]
    assert len(report.posts_running) == 1  # the VRU's two posts ended with the partnership's three years
    assert (report.posts.filled, report.posts.vacant) == (0, 0)  # none on 30 June
    assert report.coverage_in_quarter is None  # no snapshot was taken
    assert (report.gaps.start, report.gaps.end) == (date(2025, 4, 1), date(2025, 6, 30))


def test_a_running_quarter_is_reported_so_far(partnership):
    FundedPostFactory(start_date=date(2024, 4, 1), end_date=date(2025, 5, 31), is_filled=True)
    report = quarterly_report(Project.objects.all(), quarter=QUARTER, today=date(2025, 5, 20))
    assert not report.is_complete
    assert report.as_of == report.gaps.end == date(2025, 5, 20)
    assert report.returns_in_quarter is None  # not ended: no returns expected yet
    assert (report.posts.filled, report.posts.vacant) == (1, 0)  # on 20 May 2025
