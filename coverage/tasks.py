"""Coverage's scheduled task: the nightly snapshot, under the portal's retry policy (programmes.tasks.RELIABLY)."""

from celery import shared_task

from core.tasks import RELIABLY

from .snapshots import coverage_snapshot_take


@shared_task(name="coverage.snapshot_take", **RELIABLY)
def coverage_snapshot_take_task() -> None:
    """Keep tonight's coverage counts; running it twice keeps one snapshot for the day."""
    coverage_snapshot_take()
