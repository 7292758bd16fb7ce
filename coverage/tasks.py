"""Coverage's scheduled task: the nightly snapshot, under the portal's retry policy (programmes.tasks.RELIABLY)."""

from celery import shared_task

from core.tasks import RELIABLY

from .recompute import coverage_defaults_recompute
from .snapshots import coverage_snapshot_take


@shared_task(name="coverage.snapshot_take", **RELIABLY)
def coverage_snapshot_take_task() -> None:
    """Keep tonight's coverage counts; running it twice keeps one snapshot for the day."""
    coverage_snapshot_take()


@shared_task(name="coverage.recompute", **RELIABLY)
def coverage_recompute_task() -> None:
    """Work out the coverage pages' default views for the current version; running it twice works out nothing more."""
    coverage_defaults_recompute()
