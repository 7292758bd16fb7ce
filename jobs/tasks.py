"""Celery tasks of import and export: each takes ids only, calls one service, and is safe to run twice.

Messages are acknowledged after the task ends (`acks_late`) and given back to the broker if the worker
dies (`reject_on_worker_lost`), so another worker picks the job up; the services count attempts so a job
that keeps killing its worker fails instead of looping. Transient errors retry with backoff; when the
retries run out, the job is marked failed for the user to start again.
"""

from celery import Task, shared_task

from . import services
from .models import MAX_ATTEMPTS

RELIABLY = {
    "ignore_result": True,  # The job's row is the result.
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": services.TRANSIENT_ERRORS,
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": MAX_ATTEMPTS - 1,
}
UNREACHABLE = "The portal could not reach its database or file store for a while, so nothing was saved. Start it again."


class JobTask(Task):
    """A task doing a job the user follows: when its retries run out, the job is marked failed."""

    abstract = True
    fail_job = None

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        if self.fail_job is not None and isinstance(exc, services.TRANSIENT_ERRORS):
            self.fail_job(job_id=kwargs["job_id"], message=UNREACHABLE)


@shared_task(base=JobTask, fail_job=staticmethod(services.export_job_fail), **RELIABLY)
def export_job_run_task(*, job_id: int) -> None:
    """Make an export's file."""
    services.export_job_run(job_id=job_id)


@shared_task(base=JobTask, fail_job=staticmethod(services.import_job_fail), **RELIABLY)
def import_job_validate_task(*, job_id: int) -> None:
    """Check every row of an uploaded file."""
    services.import_job_validate(job_id=job_id)


@shared_task(base=JobTask, fail_job=staticmethod(services.import_job_fail), **RELIABLY)
def import_job_write_task(*, job_id: int) -> None:
    """Write a checked file's rows, all or none."""
    services.import_job_write(job_id=job_id)
