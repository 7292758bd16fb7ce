"""What the pages start: exports and imports recorded, confirmed or restarted, and queued once the data commits.

Each service checks the job's state and the user's right first and raises the domain error; it queues the
task that does the work (tasks.py, which runs exports/run.py and imports/run.py) only after the transaction
commits, so the worker finds the rows it is given.
"""

import uuid
from functools import partial

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from core.errors import PortalError

from . import tasks
from .lifecycle import job_restart
from .models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind, ImportState
from .permissions import can_confirm_import, can_start_import
from .selectors import register_filter


def _enqueue(task, **kwargs) -> None:
    """Queue a task once the current transaction commits, so the worker finds the rows it is given.

    Robust: if the broker is down (or, run eagerly, the task fails), the request that saved the job still
    succeeds; the job then shows as stopped after a while and its owner can start it again.
    """
    transaction.on_commit(partial(task.delay, **kwargs), robust=True)


# Exports -----------------------------------------------------------------------------------------------


@transaction.atomic
def export_job_start(*, user, kind: str, params: dict) -> ExportJob:
    """Record an export of the projects this user sees, filtered as the register was, and queue it."""
    if kind not in ExportKind.values:
        raise PortalError("Choose what to export.", field="kind")
    if not register_filter(user, params).is_valid():
        raise PortalError("The register's filters are not valid any more: go back to the register and check them.")
    job = ExportJob.objects.create(kind=kind, params=params, requested_by=user, organisation=user.organisation)
    _enqueue(tasks.export_job_run_task, job_id=job.pk)
    return job


@transaction.atomic
def export_job_restart(*, user, job: ExportJob) -> ExportJob:
    """Start a failed or stalled export again from the beginning."""
    job = job_restart(
        ExportJob,
        user=user,
        job=job,
        state=ExportState.QUEUED,
        refused="Only the person who started this export can start it again, once it has stopped.",
        row_count=0,
    )
    _enqueue(tasks.export_job_run_task, job_id=job.pk)
    return job


# Imports -----------------------------------------------------------------------------------------------


@transaction.atomic
def import_job_upload(*, user, kind: str, upload: File) -> ImportJob:
    """Keep an uploaded file of projects or returns and queue the check of every row. Nothing is imported yet."""
    if not can_start_import.test(user):
        raise PortalError("Only VRU staff and youth leads can import projects and returns.")
    if kind not in ImportKind.values:
        raise PortalError("Choose what the file holds.", field="kind")
    extension = upload.name.rsplit(".", 1)[-1].lower()
    job = ImportJob(kind=kind, requested_by=user, organisation=user.organisation, original_name=upload.name[-255:])
    job.file.save(f"{kind}-{uuid.uuid4().hex}.{extension}", upload, save=False)
    job.save()
    _enqueue(tasks.import_job_validate_task, job_id=job.pk)
    return job


@transaction.atomic
def import_job_confirm(*, user, job: ImportJob) -> ImportJob:
    """Queue the import of a checked file; the rows are then written all at once or not at all."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if not can_confirm_import.test(user, job):
        raise PortalError(
            "This file cannot be imported now: only the person who uploaded it can, once it has no errors."
        )
    # Attempts count afresh for the import: the check's retries must not use up the write's.
    job.state, job.attempts, job.updated_at = ImportState.IMPORTING, 0, timezone.now()
    job.save(update_fields=["state", "attempts", "updated_at"])
    _enqueue(tasks.import_job_write_task, job_id=job.pk)
    return job


@transaction.atomic
def import_job_restart(*, user, job: ImportJob) -> ImportJob:
    """Check a failed or stalled import's file again from the beginning."""
    job = job_restart(
        ImportJob,
        user=user,
        job=job,
        state=ImportState.UPLOADED,
        refused="Only the person who uploaded this file can check it again, once the job has stopped.",
    )
    _enqueue(tasks.import_job_validate_task, job_id=job.pk)
    return job
