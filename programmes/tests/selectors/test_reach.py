"""Reach against targets: per project quarter by quarter, and over projects that count, per programme."""

from datetime import date

import pytest

from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.periods import Quarter
from programmes.selectors.reach import project_reach, reach_by_programme, reach_of
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
