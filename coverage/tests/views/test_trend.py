"""The coverage matrix page draws the gaps and overlaps of each quarter from the nightly snapshots, as its table."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.chart_figures import chart_figures, table_figures
from coverage.models import CoverageSnapshot
from coverage.snapshots import coverage_snapshot_take
from programmes.periods import Quarter

pytestmark = pytest.mark.django_db


def test_the_matrix_page_draws_each_quarters_last_snapshot_as_its_table_gives_it(programme_manager_client):
    today = timezone.localdate()
    last_quarter_end = Quarter.containing(today).start - timedelta(days=1)
    coverage_snapshot_take(today=last_quarter_end - timedelta(days=10))
    earlier = coverage_snapshot_take(today=last_quarter_end)
    latest = coverage_snapshot_take(today=today)
    CoverageSnapshot.objects.filter(pk=earlier.pk).update(gap_count=60, overlap_count=2)
    page = programme_manager_client.get(reverse("coverage:matrix")).content.decode()
    drawn = chart_figures(page, "coverage-trend")
    assert drawn == table_figures(page, "coverage-trend")
    assert drawn == {
        ("Gaps", str(Quarter.containing(last_quarter_end))): 60,
        ("Overlaps", str(Quarter.containing(last_quarter_end))): 2,
        ("Gaps", str(Quarter.containing(today))): latest.gap_count,
        ("Overlaps", str(Quarter.containing(today))): latest.overlap_count,
    }


def test_before_the_first_snapshot_the_page_says_the_trend_starts_after_the_first_night(programme_manager_client):
    page = programme_manager_client.get(reverse("coverage:matrix")).content.decode()
    assert "the trend starts after the first night" in page
    assert 'data-chart="coverage-trend"' not in page
