"""The dashboard's figures: reach against targets, overdue returns, posts and the verification queue."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.periods import Quarter
from programmes.selectors import funded_post_counts, overdue_returns, reach_by_programme, reach_of
from programmes.tests.factories import (
    FundedPostFactory,
    FundingProgrammeFactory,
    MonitoringReturnFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 15)  # 2026–27 Q1; 2025–26 Q4 (January to March) fell due on 30 April.


def _return(project, quarter_start: date, status, reached=10):
    quarter = Quarter.containing(quarter_start)
    return MonitoringReturnFactory(
        project=project, period_start=quarter.start, period_end=quarter.end, status=status, young_people_reached=reached
    )


def test_a_quarter_is_overdue_once_due_until_a_return_is_submitted():
    # Runs from mid-August 2025: Q2, Q3 and Q4 of 2025–26 are due by 15 May 2026; Q1 2026–27 is not.
    project = ProjectFactory(title="Mentoring", start_date=date(2025, 8, 20), end_date=date(2027, 3, 31))
    _return(project, date(2025, 7, 1), ReviewStatus.VERIFIED)
    _return(project, date(2025, 10, 1), ReviewStatus.RETURNED)  # sent back for changes: still owed
    _return(project, date(2026, 1, 1), ReviewStatus.DRAFT)  # not submitted: still owed
    overdue = overdue_returns(Project.objects.all(), today=TODAY)
    assert [(item.project_title, str(item.quarter), item.due_date) for item in overdue] == [
        ("Mentoring", "2025–26 Q3", date(2026, 1, 30)),
        ("Mentoring", "2025–26 Q4", date(2026, 4, 30)),
    ]
    assert overdue.project_count == 1


def test_overdue_returns_come_oldest_first_then_by_title_and_skip_projects_that_do_not_count():
    ProjectFactory(title="Zebra crossing", start_date=date(2025, 10, 1), end_date=date(2025, 12, 31))
    ProjectFactory(title="Apple", start_date=date(2026, 1, 5), end_date=date(2026, 3, 1))
    ProjectFactory(title="Aardvark", start_date=date(2025, 11, 1), end_date=date(2026, 2, 1))
    ProjectFactory(title="Draft", status=ProjectStatus.DRAFT, start_date=date(2025, 10, 1))
    ProjectFactory(title="Cancelled", status=ProjectStatus.CANCELLED, start_date=date(2025, 10, 1))
    ProjectFactory(title="Starts later", start_date=date(2026, 4, 1))
    overdue = overdue_returns(Project.objects.all(), today=TODAY)
    assert [(item.project_title, str(item.quarter)) for item in overdue] == [
        ("Aardvark", "2025–26 Q3"),
        ("Zebra crossing", "2025–26 Q3"),
        ("Aardvark", "2025–26 Q4"),
        ("Apple", "2025–26 Q4"),
    ]
    assert [item.project_title for item in overdue[1:3]] == ["Zebra crossing", "Aardvark"]


def test_no_projects_means_no_overdue_returns():
    assert len(overdue_returns(Project.objects.all(), today=TODAY)) == 0


def test_reach_counts_verified_returns_of_projects_that_count_against_their_targets():
    programme = FundingProgrammeFactory()
    counted = ProjectFactory(funding_programme=programme, target_reach=100)
    _return(counted, date(2025, 4, 1), ReviewStatus.VERIFIED, reached=30)
    _return(counted, date(2025, 7, 1), ReviewStatus.SUBMITTED, reached=99)
    unfunded = ProjectFactory(target_reach=50)
    _return(unfunded, date(2025, 4, 1), ReviewStatus.VERIFIED, reached=5)
    draft = ProjectFactory(status=ProjectStatus.DRAFT, funding_programme=programme, target_reach=1000)
    _return(draft, date(2025, 4, 1), ReviewStatus.VERIFIED, reached=500)

    partnership = reach_of(Project.objects.all())
    assert (partnership.projects, partnership.target, partnership.reached, partnership.percent) == (2, 150, 35, 23)
    by_programme = {row.programme: row.reach for row in reach_by_programme(Project.objects.all())}
    assert (by_programme[programme].target, by_programme[programme].reached) == (100, 30)
    assert (by_programme[None].target, by_programme[None].reached) == (50, 5)


def test_posts_running_today_are_counted_filled_and_vacant():
    FundedPostFactory(is_filled=True, start_date=TODAY, end_date=TODAY)
    FundedPostFactory(is_filled=False, start_date=TODAY - timedelta(days=10), end_date=TODAY + timedelta(days=10))
    FundedPostFactory(is_filled=False, start_date=TODAY + timedelta(days=1), end_date=TODAY + timedelta(days=10))
    counts = funded_post_counts(on=TODAY)
    assert (counts.filled, counts.vacant) == (1, 1)


def test_the_dashboard_shows_the_figures_with_links_into_each(programme_manager_client):
    today = timezone.localdate()
    waiting = ProjectFactory(
        title="Waiting to be verified",
        status=ProjectStatus.SUBMITTED,
        start_date=today - timedelta(days=200),
        end_date=today + timedelta(days=200),
    )
    returned = _return(waiting, today - timedelta(days=120), ReviewStatus.SUBMITTED)
    response = programme_manager_client.get(reverse("programmes:dashboard"))
    page = response.content.decode()
    dashboard = response.context["dashboard"]
    assert dashboard.partnership_reach == reach_of(Project.objects.all())
    assert dashboard.projects_waiting_count == 1
    assert dashboard.returns_waiting_count == 1
    assert waiting.get_absolute_url() in page
    assert returned.get_absolute_url() in page
    assert f"active_from={today.isoformat()}" in page
    assert reverse("programmes:overdue-returns") in page
