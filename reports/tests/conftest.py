"""Fixtures for the report: a quarter with reach, returns, coverage snapshots, a review, youth voice and posts."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from coverage.snapshots import coverage_snapshot_take
from programmes.models import Project
from programmes.partnership import ONE_FLOW
from programmes.periods import Quarter
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory, YouthVoiceSessionFactory
from reports.forms import latest_ended_quarter


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every PDF a test makes lands in its own folder, through the storage API."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def quarter() -> Quarter:
    """The quarter a report is usually wanted for: the last one that has ended."""
    return latest_ended_quarter(timezone.localdate())


@pytest.fixture
def reported(partnership, quarter):
    """One Flow's verified returns, running projects with returns, two snapshots and a session in the quarter."""
    one_flow = Project.objects.get(title=ONE_FLOW)
    for start, reached in ((date(2021, 10, 1), 120), (date(2022, 4, 1), 200)):
        MonitoringReturnFactory(project=one_flow, quarter=Quarter.containing(start), young_people_reached=reached)
    one_flow.returns.update(status="verified")
    running = ProjectFactory.create_batch(3, running=True)
    MonitoringReturnFactory(project=running[0], quarter=quarter, status="verified", young_people_reached=40)
    MonitoringReturnFactory(project=running[1], quarter=quarter, status="submitted", young_people_reached=7)
    coverage_snapshot_take(today=quarter.start + timedelta(days=3))
    coverage_snapshot_take(today=quarter.end)
    YouthVoiceSessionFactory(
        date=quarter.start + timedelta(days=10),
        title="Lighting on the estate",
        you_said="Brighter paths to the youth club",
        we_did="New lights along the paths",
    )
    return running
