"""Reach against targets: per project quarter by quarter, and over projects that count, per programme."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.partnership import ONE_FLOW
from programmes.periods import Quarter, quarters_between
from programmes.selectors.reach import project_reach, reach_by_programme, reach_of, reach_trajectory
from programmes.tests.factories import FundingProgrammeFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_reach_adds_submitted_and_verified_returns_against_the_target():
    project = ProjectFactory(target_reach=200)
    MonitoringReturnFactory(project=project, period_start=date(2025, 4, 1), young_people_reached=50, status="verified")
    MonitoringReturnFactory(
        project=project,
        period_start=date(2025, 7, 1),
        period_end=date(2025, 9, 30),
        young_people_reached=90,
        status="draft",
    )
    MonitoringReturnFactory(
        project=project,
        period_start=date(2025, 10, 1),
        period_end=date(2025, 12, 31),
        young_people_reached=250,
        status="submitted",
    )
    rows = project_reach(project, list(project.returns.order_by("period_start")))
    assert [(str(row.quarter), row.cumulative, row.percent_of_target, row.bar) for row in rows] == [
        ("2025–26 Q1", 50, 25, 25),
        ("2025–26 Q3", 300, 150, 100),
    ]


def test_reach_counts_verified_returns_of_projects_that_count_against_their_targets():
    programme = FundingProgrammeFactory()
    counted = ProjectFactory(funding_programme=programme, target_reach=100)
    MonitoringReturnFactory(
        project=counted,
        quarter=Quarter.containing(date(2025, 4, 1)),
        status=ReviewStatus.VERIFIED,
        young_people_reached=30,
    )
    MonitoringReturnFactory(
        project=counted,
        quarter=Quarter.containing(date(2025, 7, 1)),
        status=ReviewStatus.SUBMITTED,
        young_people_reached=99,
    )
    unfunded = ProjectFactory(target_reach=50)
    MonitoringReturnFactory(
        project=unfunded,
        quarter=Quarter.containing(date(2025, 4, 1)),
        status=ReviewStatus.VERIFIED,
        young_people_reached=5,
    )
    draft = ProjectFactory(status=ProjectStatus.DRAFT, funding_programme=programme, target_reach=1000)
    MonitoringReturnFactory(
        project=draft,
        quarter=Quarter.containing(date(2025, 4, 1)),
        status=ReviewStatus.VERIFIED,
        young_people_reached=500,
    )

    partnership = reach_of(Project.objects.all())
    assert (partnership.projects, partnership.target, partnership.reached, partnership.percent) == (2, 150, 35, 23)
    by_programme = {row.programme: row.reach for row in reach_by_programme(Project.objects.all())}
    assert (by_programme[programme].target, by_programme[programme].reached) == (100, 30)
    assert (by_programme[None].target, by_programme[None].reached) == (50, 5)


# The trajectory: verified reach by quarter against the target spread over each project's dates ----------


def test_one_flows_trajectory_reaches_3000_over_three_years_with_verified_returns_only(partnership):
    one_flow = Project.objects.get(
        title=ONE_FLOW
    )  # 3,000 young people, 1 September 2021 to 31 August 2024: 1,096 days.
    for quarter_start, reached, status in (
        (date(2021, 10, 1), 120, ReviewStatus.VERIFIED),
        (date(2022, 4, 1), 200, ReviewStatus.VERIFIED),
        (date(2022, 7, 1), 999, ReviewStatus.SUBMITTED),
    ):
        MonitoringReturnFactory(
            project=one_flow, quarter=Quarter.containing(quarter_start), young_people_reached=reached, status=status
        )
    trajectory = reach_trajectory(Project.objects.filter(pk=one_flow.pk), today=date(2022, 10, 15))
    rows = [(str(row.quarter), row.reached, row.reached_so_far, row.target_so_far) for row in trajectory.quarters]
    assert trajectory.target == 3000
    assert len(rows) == 13  # July 2021 to September 2024
    assert rows[:7] == [
        ("2021–22 Q2", 0, 0, 82),  # 30 days of 1,096 by 30 September 2021: 82.1
        ("2021–22 Q3", 120, 120, 334),  # 122 days: 333.9
        ("2021–22 Q4", 0, 120, 580),  # 212 days: 580.3
        ("2022–23 Q1", 200, 320, 829),  # 303 days: 829.4
        ("2022–23 Q2", 0, 320, 1081),  # 395 days: 1,081.2; the submitted return is not verified: it adds nothing
        ("2022–23 Q3", 0, 320, 1333),  # the current quarter: 487 days, 1,333.0
        ("2022–23 Q4", None, None, 1579),  # not started: nothing reached yet
    ]
    assert rows[-2:] == [("2024–25 Q1", None, None, 2830), ("2024–25 Q2", None, None, 3000)]


def test_a_programmes_trajectory_adds_its_projects_that_count_and_spans_all_their_quarters():
    programme = FundingProgrammeFactory()
    ProjectFactory(
        funding_programme=programme, target_reach=100, start_date=date(2025, 4, 1), end_date=date(2025, 6, 30)
    )
    later = ProjectFactory(
        funding_programme=programme, target_reach=None, start_date=date(2025, 7, 1), end_date=date(2025, 12, 31)
    )
    MonitoringReturnFactory(project=later, quarter=Quarter.containing(date(2025, 7, 1)), status="verified")
    ProjectFactory(funding_programme=programme, status=ProjectStatus.DRAFT, target_reach=1000)
    ProjectFactory(target_reach=500)  # another programme's
    trajectory = reach_trajectory(Project.objects.filter(funding_programme=programme), today=date(2026, 1, 5))
    assert trajectory.target == 100
    assert [(str(row.quarter), row.reached_so_far, row.target_so_far) for row in trajectory.quarters] == [
        ("2025–26 Q1", 0, 100),
        ("2025–26 Q2", 25, 100),
        ("2025–26 Q3", 25, 100),
    ]
    chart = trajectory.chart
    assert [line.name for line in chart.lines] == ["Target so far", "Reached so far (verified)"]
    assert [point.value for point in chart.lines[1].points] == [0, 25, 25]


def test_no_project_that_counts_means_no_trajectory():
    ProjectFactory(status=ProjectStatus.DRAFT)
    assert reach_trajectory(Project.objects.all(), today=date(2025, 5, 1)).quarters == []


# A project: days after 1 January 2023 it starts, days it runs less one, its target (None: not set), its status.
PLANS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=1500),
        st.integers(min_value=0, max_value=1200),
        st.one_of(st.none(), st.integers(min_value=0, max_value=5000)),
        st.sampled_from(list(ProjectStatus)),
    ),
    max_size=12,
)


def _target_due(projects: list[Project], day: date) -> Fraction:
    """The targets due by a day, exactly: each project's target spread evenly over its days, both ends counted."""
    due = Fraction(0)
    for project in projects:
        if project.start_date <= day:
            run = min(day, project.end_date) - project.start_date
            due += Fraction(
                (project.target_reach or 0) * (run.days + 1), (project.end_date - project.start_date).days + 1
            )
    return due


@pytest.mark.generated
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=PLANS, today_days=st.integers(min_value=0, max_value=2500))
def test_the_target_so_far_is_each_projects_target_spread_over_its_days_on_generated_projects(plans, today_days):
    """The trajectory grouped by day in the database gives, each quarter, the exact targets due by its end,
    rounded (to within floating-point error where that is a half), over the projects that count."""
    origin = date(2023, 1, 1)
    with transaction.atomic():
        for start_days, length, target, status in plans:
            start = origin + timedelta(days=start_days)
            ProjectFactory(status=status, target_reach=target, start_date=start, end_date=start + timedelta(length))
        counted = list(Project.objects.counted())
        trajectory = reach_trajectory(Project.objects.all(), today=origin + timedelta(days=today_days))
        transaction.set_rollback(True)
    if not counted:
        assert trajectory.quarters == []
        return
    first, last = min(p.start_date for p in counted), max(p.end_date for p in counted)
    assert [row.quarter for row in trajectory.quarters] == quarters_between(first, last)
    assert trajectory.target == sum(p.target_reach or 0 for p in counted)
    for row in trajectory.quarters:
        due = _target_due(counted, row.quarter.end)
        if abs(due - int(due) - Fraction(1, 2)) > Fraction(1, 10**6):
            assert row.target_so_far == round(due), row.quarter
        else:
            assert abs(row.target_so_far - due) <= Fraction(1, 2) + Fraction(1, 10**6), row.quarter
