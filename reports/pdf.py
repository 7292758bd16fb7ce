"""The report as a PDF: the page's own template and stylesheet (its print rules) laid out by WeasyPrint.

Run on a worker by tasks.py; the file goes through the storage API, once however often the task runs.
"""

import logging
import re
from datetime import date

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.tasks import TRANSIENT_ERRORS
from jobs.lifecycle import UNEXPECTED, job_begin, job_fail, job_touch
from jobs.models import ExportState
from programmes.selectors.projects import projects_visible_to

from .models import ReportJob
from .selectors import quarterly_report

logger = logging.getLogger(__name__)

STYLESHEET = "dist/portal.css"
# The charts' rules in the compiled stylesheet (top-level rules on .app-chart__ classes).
CHART_RULE = re.compile(r"\.app-chart__[^{}]*\{[^{}]*\}")


def chart_rules(stylesheet: str) -> str:
    """The charts' rules of our stylesheet, for WeasyPrint, which styles an inline SVG only from a style element
    inside it (browsers get the same rules from the stylesheet: the CSP forbids inline style there)."""
    return "".join(CHART_RULE.findall(stylesheet))


def report_pdf(report) -> bytes:
    """The report laid out for A4 paper by the page's stylesheet, its charts drawn from the page's SVG."""
    # Imported here: only workers lay out PDFs, so web processes never load Pango.
    from weasyprint import CSS, HTML

    with open(finders.find(STYLESHEET), encoding="utf-8") as file:
        stylesheet = file.read()
    html = render_to_string(
        "reports/quarterly_report_pdf.html", {"report": report, "chart_style": chart_rules(stylesheet)}
    )
    # The chart rules go inside each SVG instead: WeasyPrint would only warn about SVG properties here.
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=CHART_RULE.sub("", stylesheet))])


def report_pdf_run(*, job_id: int, today: date | None = None) -> None:
    """Make the report's PDF and keep it in storage; a finished job is left alone, a dead worker's starts over."""
    job = job_begin(ReportJob, job_id, states={ExportState.QUEUED, ExportState.RUNNING}, state=ExportState.RUNNING)
    if job is None:
        return
    try:
        report = quarterly_report(
            projects_visible_to(job.requested_by), quarter=job.quarter, today=today or timezone.localdate()
        )
        job_touch(ReportJob, job_id, progress=50)
        job.file.save(job.download_name, ContentFile(report_pdf(report)), save=False)
        _report_finish(job_id, name=job.file.name)
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("Report %s failed", job_id)
        report_pdf_fail(job_id=job_id, message=UNEXPECTED.format(job=job_id))


@transaction.atomic
def _report_finish(job_id: int, *, name: str) -> None:
    job = ReportJob.objects.select_for_update().get(pk=job_id)
    if job.state != ExportState.RUNNING:
        # Another delivery of the same task finished first: keep one file.
        job.file.storage.delete(name)
        return
    job.file.name = name
    job.state, job.progress = ExportState.DONE, 100
    job.updated_at = job.finished_at = timezone.now()
    job.save()


def report_pdf_fail(*, job_id: int, message: str) -> None:
    """Mark a report failed with a message for the user, unless it finished meanwhile."""
    job_fail(ReportJob, job_id, message, unless=[ExportState.DONE])
