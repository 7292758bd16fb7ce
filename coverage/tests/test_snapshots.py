"""Coverage snapshots: one a day with the register's and the coverage analysis's counts; the task runs twice safely."""

from datetime import date

import pytest
from django.db import OperationalError
from django.urls import reverse

from boroughs.models import Borough, Priority
from boroughs.tests.factories import PlaceFactory
from core.tasks import MAX_ATTEMPTS
from coverage import tasks
from coverage.models import CoverageSnapshot, SnapshotSource
from coverage.snapshots import coverage_snapshot_take
from partners.tests.factories import OrganisationFactory
from programmes.models import InterventionType, Project, ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def brent(partnership):
    return Borough.objects.get(name="Brent")


def test_a_snapshot_taken_twice_in_a_day_is_kept_once_with_the_register_and_coverage_counts(partnership, brent):
    mentoring = InterventionType.objects.get(slug="mentoring")
    for lead in OrganisationFactory.create_batch(2):
        ProjectFactory(
            lead_organisation=lead,
            boroughs=[brent],
            intervention_types=[mentoring],
            start_date=date(2025, 4, 1),
            end_date=date(2026, 3, 31),
        )
    ProjectFactory(status=ProjectStatus.DRAFT, start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    coverage_snapshot_take(today=date(2025, 6, 1))
    snapshot = coverage_snapshot_take(today=date(2025, 6, 1))
    assert CoverageSnapshot.objects.count() == 1
    assert (snapshot.active_projects, snapshot.boroughs_with_active_projects) == (2, 1)
    assert snapshot.counted_projects == Project.objects.counted().count()
    # Seven partnership boroughs by seven kinds of work, less Brent's mentoring; the two Brent-wide projects overlap.
    assert (snapshot.source, snapshot.gap_count, snapshot.overlap_count) == (SnapshotSource.COVERAGE, 48, 1)


# The task --------------------------------------------------------------------------------------------


def test_the_snapshot_task_acknowledges_late_and_retries_transient_failures_with_backoff():
    task = tasks.coverage_snapshot_take_task
    assert task.name == "coverage.snapshot_take"
    assert task.acks_late and task.reject_on_worker_lost, task.name
    assert OperationalError in task.autoretry_for and ConnectionError in task.autoretry_for
    assert task.retry_backoff and task.max_retries == MAX_ATTEMPTS - 1


def test_the_nightly_snapshot_task_is_safe_to_run_twice(partnership):
    tasks.coverage_snapshot_take_task.delay()
    tasks.coverage_snapshot_take_task.delay()
    assert CoverageSnapshot.objects.count() == 1


def test_the_snapshot_counts_what_the_gap_list_counts_in_the_partnership_boroughs(
    partnership, brent, programme_manager_client
):
    """A high-priority estate in Newham (outside the partnership) is a gap on the map, not in the snapshot."""
    PlaceFactory(borough=Borough.objects.get(name="Newham"), priority=Priority.HIGH)
    snapshot = coverage_snapshot_take(today=date(2025, 6, 1))
    listed = programme_manager_client.get(reverse("coverage:gap-list"), {"period": "fy2025-q1"})
    assert snapshot.gap_count == listed.context["page"].paginator.count == 49
