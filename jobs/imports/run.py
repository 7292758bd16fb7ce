"""Running an import on a worker: every row checked, then, once confirmed, every new row written or none."""

import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.tasks import TRANSIENT_ERRORS
from programmes.rules import lead_of_another_organisation

from ..lifecycle import UNEXPECTED, job_begin, job_fail, job_touch
from ..models import ImportJob, ImportState
from .files import ImportFileError, read_table
from .rows import CHECKERS, CheckedFile, preview
from .write import WRITERS

logger = logging.getLogger(__name__)


def _check(job: ImportJob, on_progress=lambda done, total: None) -> CheckedFile:
    user = job.requested_by
    with job.file.open("rb") as stream:
        headings, table = read_table(stream, job.file.name)
    return CHECKERS[job.kind](
        headings,
        table,
        default_organisation=user.organisation if user.is_youth_lead else None,
        lead_problem=partial(
            lead_of_another_organisation, own_organisation=user.organisation, names_any_lead=user.is_vru_staff
        ),
        on_progress=on_progress,
    )


def _record_check(job: ImportJob, checked: CheckedFile) -> None:
    job.state = ImportState.INVALID if checked.problems else ImportState.VALID
    job.errors, job.preview = checked.problems, preview(checked, job.kind)
    job.row_count, job.new_count, job.existing_count = checked.row_count, len(checked.new_rows), checked.existing_count
    job.progress, job.updated_at = 100, timezone.now()


def _file_problem(job: ImportJob, message: str) -> None:
    job.state, job.errors, job.preview = ImportState.INVALID, [{"row": None, "column": "", "message": message}], []
    job.progress, job.updated_at = 100, timezone.now()


def import_job_validate(*, job_id: int) -> None:
    """Check every row of the file and record each problem by row and column, or a preview. Writes no projects."""
    states = {ImportState.UPLOADED, ImportState.VALIDATING}
    job = job_begin(ImportJob, job_id, states=states, state=ImportState.VALIDATING)
    if job is None:
        return

    def on_progress(done: int, total: int) -> None:
        job_touch(ImportJob, job_id, progress=min(99, done * 100 // total))

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


def import_job_write(*, job_id: int) -> None:
    """Check the file again and write every new row in one transaction: all of them or, on any problem, none."""
    if job_begin(ImportJob, job_id, states={ImportState.IMPORTING}, state=ImportState.IMPORTING) is None:
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
    job_fail(ImportJob, job_id, message, unless=[ImportState.IMPORTED, ImportState.VALID, ImportState.INVALID])
