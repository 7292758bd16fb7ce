"""The coverage trend: each quarter's last nightly snapshot with gap counts; and the gaps closed and opened."""

from datetime import date

import pytest

from boroughs.models import Borough
from coverage.models import CoverageSnapshot, SnapshotSource
from coverage.selectors.trend import GapChange, coverage_trend, gaps_changed
from programmes.models import InterventionType, ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _snapshot(taken_on, gaps, overlaps, source=SnapshotSource.COVERAGE):
    CoverageSnapshot.objects.create(
        taken_on=taken_on,
        source=source,
        gap_count=gaps,
        overlap_count=overlaps,
        counted_projects=10,
        active_projects=5,
        boroughs_with_active_projects=3,
    )


def test_each_quarter_shows_its_last_snapshot_with_gap_counts_within_the_latest_quarters():
    _snapshot(date(2023, 6, 1), 90, 1)  # more than eight quarters before October 2025
    _snapshot(date(2025, 4, 10), 50, 3)
    _snapshot(date(2025, 6, 30), 48, 4)
    _snapshot(date(2025, 8, 1), None, None, source=SnapshotSource.REGISTER)
    _snapshot(date(2025, 9, 1), 40, 5)
    _snapshot(date(2025, 10, 1), 39, 6)
    _snapshot(date(2025, 10, 3), 1, 1)  # after the day asked about
    trend = coverage_trend(today=date(2025, 10, 2))
    assert [(str(row.quarter), row.taken_on, row.gaps, row.overlaps) for row in trend.quarters] == [
        ("2025–26 Q1", date(2025, 6, 30), 48, 4),
        ("2025–26 Q2", date(2025, 9, 1), 40, 5),
        ("2025–26 Q3", date(2025, 10, 1), 39, 6),
    ]
    assert [(line.name, [point.value for point in line.points]) for line in trend.chart.lines] == [
        ("Gaps", [48, 40, 39]),
        ("Overlaps", [4, 5, 6]),
    ]


def test_eight_quarters_reach_back_to_the_start_of_the_quarter_seven_before_todays():
    _snapshot(date(2023, 12, 31), 70, 0)
    _snapshot(date(2024, 1, 1), 60, 0)
    trend = coverage_trend(today=date(2025, 10, 2))
    assert [str(row.quarter) for row in trend.quarters] == ["2023–24 Q4"]


# Gaps closed and opened between two days -----------------------------------------------------------------


def test_a_gap_closes_when_a_project_starts_and_opens_when_one_ends(partnership):
    hackney, lambeth = Borough.objects.get(name="Hackney"), Borough.objects.get(name="Lambeth")
    mentoring = InterventionType.objects.get(slug="mentoring")
    conflict = InterventionType.objects.get(slug="conflict-skills")
    ProjectFactory(
        boroughs=[hackney], intervention_types=[mentoring], start_date=date(2025, 5, 1), end_date=date(2025, 12, 31)
    )
    ProjectFactory(
        boroughs=[lambeth], intervention_types=[conflict], start_date=date(2024, 1, 1), end_date=date(2025, 5, 15)
    )
    ProjectFactory(  # a draft counts for nothing
        boroughs=[lambeth],
        intervention_types=[conflict],
        status=ProjectStatus.DRAFT,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    changes = gaps_changed(start=date(2025, 4, 1), end=date(2025, 6, 30))
    # Seven partnership boroughs by seven kinds of work, less the one covered on each day (One Flow has ended).
    assert (changes.gaps_at_start, changes.gaps_at_end) == (48, 48)
    assert changes.closed == [GapChange("Hackney", "Hackney", False, "Mentoring")]
    assert changes.opened == [GapChange("Lambeth", "Lambeth", False, "Conflict skills")]
