"""Background jobs the user follows: exports and imports, their kinds, states, files and signs of life."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

# A job that has shown no sign of life (no progress, no state change) for this long is treated as failed:
# its worker died or its message was lost. The user may then start it again.
STALLED_AFTER = timedelta(minutes=15)


class ExportKind(models.TextChoices):
    REGISTER_CSV = "register_csv", "Project register (CSV)"
    REGISTER_XLSX = "register_xlsx", "Project register (Excel)"
    THREESIXTYGIVING_JSON = "360giving_json", "360Giving data (JSON)"
    THREESIXTYGIVING_XLSX = "360giving_xlsx", "360Giving data (spreadsheet)"


EXPORT_EXTENSIONS = {
    ExportKind.REGISTER_CSV: "csv",
    ExportKind.REGISTER_XLSX: "xlsx",
    ExportKind.THREESIXTYGIVING_JSON: "json",
    ExportKind.THREESIXTYGIVING_XLSX: "xlsx",
}


class ExportState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ImportKind(models.TextChoices):
    PROJECTS = "projects", "Projects"
    RETURNS = "returns", "Monitoring returns"


class ImportState(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    VALIDATING = "validating", "Checking"
    VALID = "valid", "Ready to import"
    INVALID = "invalid", "Has errors"
    IMPORTING = "importing", "Importing"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Failed"


def _export_path(job: "ExportJob", filename: str) -> str:
    return f"exports/{timezone.now():%Y/%m}/{filename}"


def _import_path(job: "ImportJob", filename: str) -> str:
    return f"imports/{timezone.now():%Y/%m}/{filename}"


class TrackedJob(models.Model):
    """What every job the user follows records: who asked, how far it got, and when it last moved."""

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The requester's organisation when the job was started.",
    )
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    error = models.TextField(blank=True, help_text="Why the job failed, in words for the user.")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="How many times a worker started it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(default=timezone.now, help_text="The job's last sign of life.")
    finished_at = models.DateTimeField(null=True, blank=True)

    # States in which a worker should be making progress; a job silent in one of them for too long has stalled.
    WORKING_STATES: frozenset[str] = frozenset()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    @property
    def is_stalled(self) -> bool:
        return self.state in self.WORKING_STATES and timezone.now() - self.updated_at > STALLED_AFTER

    @property
    def is_working(self) -> bool:
        return self.state in self.WORKING_STATES and not self.is_stalled


class ExportJob(TrackedJob):
    """A file the portal is making for one user: the register as CSV or Excel, or 360Giving data."""

    kind = models.CharField(max_length=16, choices=ExportKind.choices)
    params = models.JSONField(default=dict, blank=True, help_text="The register's filters, as URL parameters.")
    state = models.CharField(max_length=16, choices=ExportState.choices, default=ExportState.QUEUED)
    total_rows = models.PositiveIntegerField(null=True, blank=True)
    row_count = models.PositiveIntegerField(default=0, help_text="Rows (or grants) written.")
    left_out_count = models.PositiveIntegerField(
        default=0, help_text="360Giving: projects left out because no funding amount is recorded."
    )
    file = models.FileField(upload_to=_export_path, blank=True, max_length=300)

    WORKING_STATES = frozenset({ExportState.QUEUED, ExportState.RUNNING})

    class Meta(TrackedJob.Meta):
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="export_progress_at_most_100"),
            models.CheckConstraint(
                condition=~models.Q(state=ExportState.DONE) | ~models.Q(file=""),
                name="export_done_has_file",
                violation_error_message="A finished export has a file.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self):
        return reverse("jobs:export-detail", args=[self.pk])

    @property
    def is_threesixtygiving(self) -> bool:
        return self.kind in (ExportKind.THREESIXTYGIVING_JSON, ExportKind.THREESIXTYGIVING_XLSX)

    @property
    def extension(self) -> str:
        return EXPORT_EXTENSIONS[self.kind]

    @property
    def download_name(self) -> str:
        return f"hayn-{self.kind.replace('_', '-')}-{self.pk}.{self.extension}"


class ImportJob(TrackedJob):
    """A CSV or Excel file of projects or returns: checked row by row, then written all at once or not at all."""

    kind = models.CharField(max_length=16, choices=ImportKind.choices)
    file = models.FileField(upload_to=_import_path, max_length=300)
    original_name = models.CharField(max_length=255)
    state = models.CharField(max_length=16, choices=ImportState.choices, default=ImportState.UPLOADED)
    row_count = models.PositiveIntegerField(default=0)
    new_count = models.PositiveIntegerField(default=0, help_text="Rows whose reference is not in the portal yet.")
    existing_count = models.PositiveIntegerField(
        default=0, help_text="Rows whose reference is already in the portal: left as they are."
    )
    created_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True, help_text="Every problem found: row, column and message.")
    preview = models.JSONField(default=list, blank=True, help_text="The first rows as they would be imported.")

    WORKING_STATES = frozenset({ImportState.UPLOADED, ImportState.VALIDATING, ImportState.IMPORTING})

    class Meta(TrackedJob.Meta):
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="import_progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.original_name} #{self.pk}"

    def get_absolute_url(self):
        return reverse("jobs:import-detail", args=[self.pk])
