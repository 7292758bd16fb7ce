"""Celery tasks of import and export: each takes a job's id, calls one service, and is safe to run twice.

They run under the portal's retry policy (programmes.tasks.RELIABLY): messages acknowledged late and given
back if the worker dies, transient errors retried with backoff. The services count attempts, so a job that
keeps killing its worker fails instead of looping; when the retries run out, the job is marked failed for
the user to start again. Each task has a stable name, so a message queued before a release still finds it.
"""

from celery import Task, shared_task

from core.tasks import RELIABLY, TRANSIENT_ERRORS

from .exports.run import export_job_fail, export_job_run
from .imports.run import import_job_fail, import_job_validate, import_job_write

UNREACHABLE = "The portal could not reach its database or file store for a while, so nothing was saved. Start it again."


class JobTask(Task):
    """A task doing a job the user follows: when its retries run out, the job is marked failed."""

    abstract = True
    fail_job = None

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        if self.fail_job is not None and isinstance(exc, TRANSIENT_ERRORS):
            self.fail_job(job_id=kwargs["job_id"], message=UNREACHABLE)


@shared_task(name="jobs.export_run", base=JobTask, fail_job=staticmethod(export_job_fail), **RELIABLY)
def export_job_run_task(*, job_id: int) -> None:
    """Make an export's file; a finished export is left alone."""
    export_job_run(job_id=job_id)


@shared_task(name="jobs.import_validate", base=JobTask, fail_job=staticmethod(import_job_fail), **RELIABLY)
def import_job_validate_task(*, job_id: int) -> None:
    """Check every row of an uploaded file; a checked file is left alone."""
    import_job_validate(job_id=job_id)


@shared_task(name="jobs.import_write", base=JobTask, fail_job=staticmethod(import_job_fail), **RELIABLY)
def import_job_write_task(*, job_id: int) -> None:
    """Write a checked file's rows, all or none; an imported file is not written again."""
    import_job_write(job_id=job_id)
