"""What the report pages start: a PDF of a quarter's report, queued once the job's row commits, or restarted."""

from functools import partial

from django.db import transaction

from core.errors import PortalError
from jobs.lifecycle import job_restart
from jobs.models import ExportState
from programmes.periods import Quarter

from . import tasks
from .models import ReportJob
from .permissions import can_view_quarterly_report


def _enqueue(job: ReportJob) -> None:
    # Robust: a broker outage leaves the job queued; it then shows as stopped and can be started again.
    transaction.on_commit(partial(tasks.report_pdf_run_task.delay, job_id=job.pk), robust=True)


@transaction.atomic
def report_pdf_start(*, user, quarter: Quarter) -> ReportJob:
    """Record a PDF of the quarter's report for this user and queue it."""
    if not can_view_quarterly_report.test(user):
        raise PortalError("Only VRU staff can make the quarterly report.")
    job = ReportJob.objects.create(quarter_start=quarter.start, requested_by=user, organisation=user.organisation)
    _enqueue(job)
    return job


@transaction.atomic
def report_pdf_restart(*, user, job: ReportJob) -> ReportJob:
    """Start a failed or stalled report again from the beginning."""
    job = job_restart(
        ReportJob,
        user=user,
        job=job,
        state=ExportState.QUEUED,
        refused="Only the person who asked for this report can start it again, once it has stopped.",
    )
    _enqueue(job)
    return job
