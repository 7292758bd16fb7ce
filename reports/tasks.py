"""The report's Celery task: takes a job's id, makes its PDF once, under the portal's retry policy."""

from celery import shared_task

from core.tasks import RELIABLY
from jobs.tasks import JobTask

from .pdf import report_pdf_fail, report_pdf_run


@shared_task(name="reports.pdf_make", base=JobTask, fail_job=staticmethod(report_pdf_fail), **RELIABLY)
def report_pdf_run_task(*, job_id: int) -> None:
    """Make a quarterly report's PDF; a finished one is left alone."""
    report_pdf_run(job_id=job_id)
