"""VRU staff's reviews of overlaps: each holds only while the overlap still has exactly the projects reviewed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class OverlapReviewStatus(models.TextChoices):
    COMPLEMENTARY = "complementary", "Complementary: the projects add to each other"
    TO_BE_RESOLVED = "to_be_resolved", "Duplication to be resolved"


class OverlapReview(models.Model):
    """A judgement of one overlap: its site (a place or a whole borough), intervention type and set of projects."""

    # sha256 of the site, the intervention type and the sorted project ids (analysis.overlap_key).
    key = models.CharField(max_length=64, unique=True, editable=False)
    place = models.ForeignKey(
        "boroughs.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="overlap_reviews"
    )
    borough = models.ForeignKey(
        "boroughs.Borough", null=True, blank=True, on_delete=models.CASCADE, related_name="overlap_reviews"
    )
    intervention_type = models.ForeignKey(
        "programmes.InterventionType", on_delete=models.CASCADE, related_name="overlap_reviews"
    )
    project_ids = models.JSONField(help_text="The ids of the projects in the overlap reviewed, in order.")
    status = models.CharField(max_length=32, choices=OverlapReviewStatus.choices)
    note = models.TextField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(place__isnull=False) & Q(borough__isnull=True))
                | (Q(place__isnull=True) & Q(borough__isnull=False)),
                name="overlap_review_one_site",
                violation_error_message="An overlap is in one place or one whole borough.",
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()}: {self.intervention_type} in {self.place or self.borough}"


class SnapshotSource(models.TextChoices):
    REGISTER = "register", "Project register counts (no coverage analysis yet)"
    COVERAGE = "coverage", "Coverage analysis"


class CoverageSnapshot(models.Model):
    """The night's gap and overlap counts (and the register's counts), kept to draw a trend."""

    taken_on = models.DateField(unique=True)
    source = models.CharField(max_length=16, choices=SnapshotSource.choices)
    gap_count = models.PositiveIntegerField(null=True, blank=True)
    overlap_count = models.PositiveIntegerField(null=True, blank=True)
    counted_projects = models.PositiveIntegerField(help_text="Projects neither draft nor cancelled.")
    active_projects = models.PositiveIntegerField(help_text="Counted projects running on the day.")
    boroughs_with_active_projects = models.PositiveIntegerField()
    gaps = models.JSONField(
        default=list,
        blank=True,
        help_text="The gaps counted, each [site kind, site id, intervention type id]; empty in older snapshots.",
    )
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "jobs_coveragesnapshot"  # Made by the jobs app, which took snapshots until they moved here.
        ordering = ["-taken_on"]
        get_latest_by = "taken_on"

    def __str__(self):
        return f"Coverage on {self.taken_on}"


class CoverageVersion(models.Model):
    """The one row naming the state of everything the coverage analysis reads: a new random token after each
    committed change, so cached results are keyed by it and a database emptied and refilled never meets old ones."""

    token = models.CharField(max_length=32)
    moved_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.token
