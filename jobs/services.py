"""Writes of background work: exports and imports.

Every job is safe to run twice: a service locks the job's row, checks its state and leaves a finished
job alone. Transient failures (the database or a connection dropping) propagate so the task retries;
anything else fails the job with a message for the user, who can start it again.
"""

import io
import logging
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.core.files import File
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.errors import PortalError
from core.exports import write_csv, write_xlsx
from programmes.models import (
    ConsortiumMember,
    ConsortiumRole,
    MonitoringReturn,
    Project,
    ProjectStatus,
    ReviewStatus,
)
from programmes.register import register_rows

from . import threesixtygiving
from .importing import CHECKERS, ImportFileError, preview, read_table
from .models import (
    MAX_ATTEMPTS,
    ExportJob,
    ExportKind,
    ExportState,
    ImportJob,
    ImportKind,
    ImportState,
)
from .permissions import can_confirm_import, can_import_for, can_restart_job, can_start_import
from .selectors import register_filter

logger = logging.getLogger(__name__)

# Failures that may pass if the task simply runs again a little later.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)

UNEXPECTED = (
    "Something went wrong on the portal's side, so nothing was saved. "
    "Start it again; if it fails again, tell the VRU programme team (job {job})."
)
GAVE_UP = (
    f"The job stopped unexpectedly {MAX_ATTEMPTS} times, so nothing was saved. "
    "Start it again; if it stops again, tell the VRU programme team."
)
PROGRESS_EVERY = 1000


def _enqueue(task_name: str, **kwargs) -> None:
    """Queue a task once the current transaction commits, so the worker finds the rows it is given.

    Robust: if the broker is down (or, run eagerly, the task fails), the request that saved the job still
    succeeds; the job then shows as stopped after a while and its owner can start it again.
    """
    from . import tasks  # The tasks module imports this one.

    transaction.on_commit(partial(getattr(tasks, task_name).delay, **kwargs), robust=True)


def _touch(model, job_id: int, **fields) -> None:
    """Record progress (a sign of life) without locking the job."""
    model.objects.filter(pk=job_id).update(updated_at=timezone.now(), **fields)


def _fail(model, job_id: int, message: str, *, unless: Iterable[str]) -> None:
    # ExportState.FAILED and ImportState.FAILED are the same value.
    now = timezone.now()
    model.objects.filter(pk=job_id).exclude(state__in=list(unless)).update(
        state=ExportState.FAILED, error=message, updated_at=now, finished_at=now
    )


def _begin(model, job_id: int, *, states: set[str], state: str):
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


# Exports -----------------------------------------------------------------------------------------------


@transaction.atomic
def export_job_start(*, user, kind: str, params: dict) -> ExportJob:
    """Record an export of the projects this user sees, filtered as the register was, and queue it."""
    if kind not in ExportKind.values:
        raise PortalError("Choose what to export.", field="kind")
    if not register_filter(user, params).is_valid():
        raise PortalError("The register's filters are not valid any more: go back to the register and check them.")
    job = ExportJob.objects.create(kind=kind, params=params, requested_by=user, organisation=user.organisation)
    _enqueue("export_job_run_task", job_id=job.pk)
    return job


def _with_progress(items: Iterable, *, job_id: int, total: int) -> Iterator:
    for done, item in enumerate(items, start=1):
        if done % PROGRESS_EVERY == 0:
            _touch(ExportJob, job_id, progress=min(99, done * 100 // max(total, 1)), row_count=done)
        yield item


@dataclass
class _Written:
    rows: int
    total: int
    left_out: int = 0


@contextmanager
def _as_text(stream: io.BufferedIOBase, encoding: str) -> Iterator[io.TextIOWrapper]:
    """Write text into a binary file, leaving the file open for storage to read afterwards."""
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def _write_register(job: ExportJob, projects: QuerySet, stream: io.BufferedIOBase) -> _Written:
    total = projects.count()
    rows = _with_progress(register_rows(projects), job_id=job.pk, total=total + 1)
    if job.kind == ExportKind.REGISTER_XLSX:
        return _Written(write_xlsx(rows, stream), total)
    with _as_text(stream, "utf-8-sig") as text:  # A byte order mark, so Excel shows £ and – correctly.
        return _Written(write_csv(rows, text), total)


def _write_threesixtygiving(job: ExportJob, projects: QuerySet, stream: io.BufferedIOBase) -> _Written:
    counted = projects.counted()
    total = counted.filter(funding_amount__isnull=False).count()
    left_out = counted.filter(funding_amount__isnull=True).count()
    if not total:
        raise PortalError("No project here has a funding amount, and 360Giving data needs at least one grant.")
    vru = threesixtygiving.the_vru()
    items = _with_progress(threesixtygiving.grants(projects, default_funder=vru), job_id=job.pk, total=total)
    if job.kind == ExportKind.THREESIXTYGIVING_XLSX:
        return _Written(threesixtygiving.write_xlsx(items, stream), total, left_out)
    metadata = threesixtygiving.package_metadata(publisher=vru, now=timezone.now())
    with _as_text(stream, "utf-8") as text:
        return _Written(threesixtygiving.write_json(items, text, metadata=metadata), total, left_out)


def _write_export(job: ExportJob, stream: io.BufferedIOBase) -> _Written:
    filterset = register_filter(job.requested_by, job.params)
    if not filterset.is_valid():
        raise PortalError("The register's filters are not valid any more (a borough or organisation they named?).")
    write = _write_threesixtygiving if job.is_threesixtygiving else _write_register
    return write(job, filterset.qs, stream)


def export_job_run(*, job_id: int) -> None:
    """Make the export's file and keep it in storage; a finished job is left alone, a dead worker's job starts over."""
    job = _begin(ExportJob, job_id, states={ExportState.QUEUED, ExportState.RUNNING}, state=ExportState.RUNNING)
    if job is None:
        return
    try:
        with tempfile.TemporaryFile() as scratch:
            written = _write_export(job, scratch)
            scratch.seek(0)
            job.file.save(job.download_name, File(scratch), save=False)
        _export_finish(job_id, name=job.file.name, written=written)
    except TRANSIENT_ERRORS:
        raise
    except PortalError as error:
        export_job_fail(job_id=job_id, message=error.message)
    except Exception:
        # A bug or data the code did not expect: running again will not help, so say so and keep the traceback.
        logger.exception("Export %s failed", job_id)
        export_job_fail(job_id=job_id, message=UNEXPECTED.format(job=job_id))


@transaction.atomic
def _export_finish(job_id: int, *, name: str, written: _Written) -> None:
    job = ExportJob.objects.select_for_update().get(pk=job_id)
    if job.state != ExportState.RUNNING:
        # Another delivery of the same task finished first, or the user started it again: keep one file.
        job.file.storage.delete(name)
        return
    job.file.name = name
    job.state, job.progress, job.row_count = ExportState.DONE, 100, written.rows
    job.total_rows, job.left_out_count = written.total, written.left_out
    job.updated_at = job.finished_at = timezone.now()
    job.save()


def export_job_fail(*, job_id: int, message: str) -> None:
    """Mark an export failed with a message for the user, unless it finished meanwhile."""
    _fail(ExportJob, job_id, message, unless=[ExportState.DONE])


@transaction.atomic
def export_job_restart(*, user, job: ExportJob) -> ExportJob:
    """Start a failed or stalled export again from the beginning."""
    job = ExportJob.objects.select_for_update().get(pk=job.pk)
    if not can_restart_job.test(user, job):
        raise PortalError("Only the person who started this export can start it again, once it has stopped.")
    job.state, job.progress, job.row_count, job.attempts, job.error = ExportState.QUEUED, 0, 0, 0, ""
    job.updated_at, job.finished_at = timezone.now(), None
    job.save()
    _enqueue("export_job_run_task", job_id=job.pk)
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
    _enqueue("import_job_validate_task", job_id=job.pk)
    return job


def _check(job: ImportJob, on_progress=lambda done, total: None):
    user = job.requested_by
    with job.file.open("rb") as stream:
        headings, table = read_table(stream, job.file.name)
    return CHECKERS[job.kind](
        headings,
        table,
        default_organisation=user.organisation if user.is_youth_lead else None,
        may_import_for=partial(can_import_for.test, user),
        on_progress=on_progress,
    )


def _record_check(job: ImportJob, checked) -> None:
    job.state = ImportState.INVALID if checked.problems else ImportState.VALID
    job.errors, job.preview = checked.problems, preview(checked, job.kind)
    job.row_count, job.new_count, job.existing_count = checked.row_count, len(checked.new_rows), checked.existing_count
    job.progress, job.updated_at = 100, timezone.now()


def _file_problem(job: ImportJob, message: str) -> None:
    job.state, job.errors, job.preview = ImportState.INVALID, [{"row": None, "column": "", "message": message}], []
    job.progress, job.updated_at = 100, timezone.now()


def import_job_validate(*, job_id: int) -> None:
    """Check every row of the file and record each problem by row and column, or a preview. Writes no projects."""
    job = _begin(ImportJob, job_id, states={ImportState.UPLOADED, ImportState.VALIDATING}, state=ImportState.VALIDATING)
    if job is None:
        return

    def on_progress(done: int, total: int) -> None:
        _touch(ImportJob, job_id, progress=min(99, done * 100 // total))

    try:
        try:
            _record_check(job, _check(job, on_progress))
        except ImportFileError as error:
            _file_problem(job, str(error))
        with transaction.atomic():
            if ImportJob.objects.select_for_update().get(pk=job_id).state == ImportState.VALIDATING:
                job.save()
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("Checking import %s failed", job_id)
        import_job_fail(job_id=job_id, message=UNEXPECTED.format(job=job_id))


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
    _enqueue("import_job_write_task", job_id=job.pk)
    return job


def _link_m2m_with_history(projects: list[Project], targets_by_field: dict[str, list[list]]) -> None:
    """Add each project's boroughs, places and intervention types, and record them on its first history row."""
    # The projects are new, so each has exactly one history row.
    history_ids = dict(Project.history.filter(id__in=[p.pk for p in projects]).values_list("id", "history_id"))
    for name, targets in targets_by_field.items():
        field = Project._meta.get_field(name)
        column = f"{field.m2m_reverse_field_name()}_id"
        through, recorded = field.remote_field.through, getattr(Project.history.model, name).model
        created = through.objects.bulk_create(
            [
                through(project_id=project.pk, **{column: target.pk})
                for project, items in zip(projects, targets, strict=True)
                for target in items
            ],
            batch_size=2000,
        )
        recorded.objects.bulk_create(
            [
                recorded(
                    id=link.pk,
                    history_id=history_ids[link.project_id],
                    project_id=link.project_id,
                    **{column: getattr(link, column)},
                )
                for link in created
            ],
            batch_size=2000,
        )


IMPORTED_PROJECT_FIELDS = (
    "external_reference",
    "lead_organisation",
    "title",
    "description",
    "age_min",
    "age_max",
    "start_date",
    "end_date",
    "funding_programme",
    "funder",
    "funding_amount",
    "target_reach",
    "youth_involvement",
)


def _projects_write(rows: list, *, user, reason: str) -> int:
    """Create the rows' projects as drafts (so they go through the VRU's review), with their links and history."""
    projects = [
        Project(status=ProjectStatus.DRAFT, **{f: row.values[f] for f in IMPORTED_PROJECT_FIELDS}) for row in rows
    ]
    projects = bulk_create_with_history(
        projects, Project, batch_size=2000, default_user=user, default_change_reason=reason
    )
    _link_m2m_with_history(
        projects, {name: [row.values[name] for row in rows] for name in ("boroughs", "places", "intervention_types")}
    )
    members = [
        ConsortiumMember(project=project, organisation=organisation, role=ConsortiumRole.DELIVERY_PARTNER)
        for project, row in zip(projects, rows, strict=True)
        for organisation in row.values["consortium"]
    ]
    bulk_create_with_history(
        members, ConsortiumMember, batch_size=2000, default_user=user, default_change_reason=reason
    )
    return len(projects)


def _returns_write(rows: list, *, user, reason: str) -> int:
    """Create the rows' returns as drafts, with history."""
    returns = [MonitoringReturn(status=ReviewStatus.DRAFT, **row.values) for row in rows]
    bulk_create_with_history(
        returns, MonitoringReturn, batch_size=2000, default_user=user, default_change_reason=reason
    )
    return len(returns)


WRITERS = {ImportKind.PROJECTS: _projects_write, ImportKind.RETURNS: _returns_write}


def import_job_write(*, job_id: int) -> None:
    """Check the file again and write every new row in one transaction: all of them or, on any problem, none."""
    if _begin(ImportJob, job_id, states={ImportState.IMPORTING}, state=ImportState.IMPORTING) is None:
        return
    try:
        with transaction.atomic():
            job = ImportJob.objects.select_for_update().get(pk=job_id)
            if job.state != ImportState.IMPORTING:
                return
            try:
                checked = _check(job)
            except ImportFileError as error:
                _file_problem(job, str(error))
                job.save()
                return
            if checked.problems:  # Something changed since the check (a project added or removed, say).
                _record_check(job, checked)
                job.save()
                return
            reason = f"Imported from {job.original_name} (import {job.pk})"
            job.created_count = WRITERS[job.kind](checked.new_rows, user=job.requested_by, reason=reason)
            _record_check(job, checked)
            job.state, job.finished_at = ImportState.IMPORTED, timezone.now()
            job.save()
    except TRANSIENT_ERRORS:
        raise
    except IntegrityError:
        logger.warning("Import %s met a conflicting change", job_id, exc_info=True)
        import_job_fail(
            job_id=job_id,
            message="Someone saved the same projects or returns while this import ran, so nothing was imported. "
            "Check the file again.",
        )
    except Exception:
        logger.exception("Import %s failed", job_id)
        import_job_fail(job_id=job_id, message=UNEXPECTED.format(job=job_id))


def import_job_fail(*, job_id: int, message: str) -> None:
    """Mark an import failed with a message for the user, unless it finished meanwhile. Nothing was written."""
    _fail(ImportJob, job_id, message, unless=[ImportState.IMPORTED, ImportState.VALID, ImportState.INVALID])


@transaction.atomic
def import_job_restart(*, user, job: ImportJob) -> ImportJob:
    """Check a failed or stalled import's file again from the beginning."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if not can_restart_job.test(user, job):
        raise PortalError("Only the person who uploaded this file can check it again, once the job has stopped.")
    job.state, job.progress, job.attempts, job.error = ImportState.UPLOADED, 0, 0, ""
    job.updated_at, job.finished_at = timezone.now(), None
    job.save()
    _enqueue("import_job_validate_task", job_id=job.pk)
    return job
