"""Coverage snapshots: each night's gap and overlap counts, with the register's, kept once per day for the trend."""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from boroughs.models import Borough
from coverage.selectors.changes import partnership_shortfalls_on
from programmes.models import Project

from .models import CoverageSnapshot, SnapshotSource


def coverage_snapshot_take(*, today: date | None = None) -> CoverageSnapshot:
    """Keep today's counts for the trend; taking it twice on one day keeps one snapshot with the latest counts.

    Gaps and overlaps are those the coverage pages count in the partnership boroughs for the day itself (all
    ages, every kind of work, organisations as they are now), beside the register's counts.
    """
    today = today or timezone.localdate()
    counted = Project.objects.counted()
    active = counted.active_between(today, today)
    boroughs = Borough.objects.filter(Q(projects__in=active) | Q(places__projects__in=active)).distinct()
    _, coverage = partnership_shortfalls_on(today)
    snapshot, _ = CoverageSnapshot.objects.update_or_create(
        taken_on=today,
        defaults={
            "source": SnapshotSource.COVERAGE,
            "gap_count": len(coverage.gaps),
            "overlap_count": len(coverage.overlaps),
            "gaps": [[gap.site.kind, gap.site.id, gap.type_id] for gap in coverage.gaps],
            "counted_projects": counted.count(),
            "active_projects": active.count(),
            "boroughs_with_active_projects": boroughs.count(),
        },
    )
    return snapshot
