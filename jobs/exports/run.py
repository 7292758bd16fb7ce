"""Running an export on a worker: its file made by kind and kept in storage, once however often the task runs."""

import io
import logging
import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from core.errors import PortalError
from core.tasks import TRANSIENT_ERRORS

from ..lifecycle import UNEXPECTED, job_begin, job_fail
from ..models import ExportJob, ExportState
from ..selectors import register_filter
from .register import register_write
from .threesixtygiving import threesixtygiving_write
from .writing import Written

logger = logging.getLogger(__name__)


def _write_export(job: ExportJob, stream: io.BufferedIOBase) -> Written:
    filterset = register_filter(job.requested_by, job.params)
    if not filterset.is_valid():
        raise PortalError("The register's filters are not valid any more (a borough or organisation they named?).")
    write = threesixtygiving_write if job.is_threesixtygiving else register_write
    return write(job, filterset.qs, stream)


def export_job_run(*, job_id: int) -> None:
    """Make the export's file and keep it in storage; a finished job is left alone, a dead worker's job starts over."""
    job = job_begin(ExportJob, job_id, states={ExportState.QUEUED, ExportState.RUNNING}, state=ExportState.RUNNING)
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
def _export_finish(job_id: int, *, name: str, written: Written) -> None:
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
    job_fail(ExportJob, job_id, message, unless=[ExportState.DONE])
