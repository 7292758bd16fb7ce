"""A tracked job's life: begun under a lock with its attempts counted, touched as it moves, failed, restarted.

Every job is safe to run twice: beginning locks the job's row, checks its state and leaves a finished job
alone. Transient failures (the database or a connection dropping) propagate so the task retries; anything
else fails the job with a message for the user, who can start it again.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from core.errors import PortalError
from core.tasks import MAX_ATTEMPTS

from .models import ExportState
from .permissions import can_restart_job

UNEXPECTED = (
    "Something went wrong on the portal's side, so nothing was saved. "
    "Start it again; if it fails again, tell the VRU programme team (job {job})."
)
GAVE_UP = (
    f"The job stopped unexpectedly {MAX_ATTEMPTS} times, so nothing was saved. "
    "Start it again; if it stops again, tell the VRU programme team."
)


def job_touch(model, job_id: int, **fields) -> None:
    """Record progress (a sign of life) without locking the job."""
    model.objects.filter(pk=job_id).update(updated_at=timezone.now(), **fields)


def job_fail(model, job_id: int, message: str, *, unless: Iterable[str]) -> None:
    """Mark the job failed with a message for the user, unless it reached one of the states `unless` meanwhile."""
    # ExportState.FAILED and ImportState.FAILED are the same value.
    now = timezone.now()
    model.objects.filter(pk=job_id).exclude(state__in=list(unless)).update(
        state=ExportState.FAILED, error=message, updated_at=now, finished_at=now
    )


def job_begin(model, job_id: int, *, states: set[str], state: str):
    """Lock the job, count the attempt and move it to `state`; None if it is not in one of `states` (done already)."""
    with transaction.atomic():
        job = model.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state not in states:
            return None
        if job.attempts >= MAX_ATTEMPTS:
            job.state, job.error, job.finished_at = ExportState.FAILED, GAVE_UP, timezone.now()
            job.save(update_fields=["state", "error", "finished_at"])
            return None
        job.state, job.attempts, job.progress, job.error = state, job.attempts + 1, 0, ""
        job.updated_at = timezone.now()
        job.save(update_fields=["state", "attempts", "progress", "error", "updated_at"])
        return job


def job_restart(model, *, user, job, state: str, refused: str, **reset):
    """Lock a failed or stalled job and put it back to `state` from the beginning, in the caller's transaction.

    Only its owner may, once it has stopped; anyone else gets the domain error with the `refused` message.
    """
    job = model.objects.select_for_update().get(pk=job.pk)
    if not can_restart_job.test(user, job):
        raise PortalError(refused)
    job.state, job.progress, job.attempts, job.error = state, 0, 0, ""
    for name, value in reset.items():
        setattr(job, name, value)
    job.updated_at, job.finished_at = timezone.now(), None
    job.save()
    return job
