"""A quarterly report's PDF, made in the background and followed like an export."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from jobs.models import ExportState, TrackedJob
from programmes.periods import Quarter


def _report_path(job: "ReportJob", filename: str) -> str:
    return f"reports/{timezone.now():%Y/%m}/{filename}"


class ReportJob(TrackedJob):
    """The quarterly partnership report of one quarter as a PDF, for the VRU staff member who asked."""

    quarter_start = models.DateField(help_text="The first day of the quarter the report covers.")
    state = models.CharField(max_length=16, choices=ExportState.choices, default=ExportState.QUEUED)
    file = models.FileField(upload_to=_report_path, blank=True, max_length=300)

    WORKING_STATES = frozenset({ExportState.QUEUED, ExportState.RUNNING})

    class Meta(TrackedJob.Meta):
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_at_most_100"),
            models.CheckConstraint(
                condition=~models.Q(state=ExportState.DONE) | ~models.Q(file=""),
                name="report_done_has_file",
                violation_error_message="A finished report has a file.",
            ),
        ]

    def __str__(self):
        return f"Quarterly report for {self.quarter} #{self.pk}"

    def get_absolute_url(self):
        return reverse("reports:pdf-detail", args=[self.pk])

    @property
    def quarter(self) -> Quarter:
        return Quarter.containing(self.quarter_start)

    @property
    def download_name(self) -> str:
        return f"hayn-quarterly-report-{self.quarter.financial_year}-q{self.quarter.number}-{self.pk}.pdf"
