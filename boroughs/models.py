"""London's 33 local authority areas and the small places inside them where violence concentrates."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

GSS_BOROUGH_PATTERN = r"^E09[0-9]{6}$"
GSS_WARD_PATTERN = r"^E05[0-9]{6}$"


class BoroughQuerySet(models.QuerySet):
    def partnership(self):
        return self.filter(is_partnership_borough=True)


class Borough(models.Model):
    """A London local authority area, identified by its ONS GSS code."""

    name = models.CharField(max_length=100, unique=True)
    gss_code = models.CharField(
        "GSS code",
        max_length=9,
        unique=True,
        validators=[RegexValidator(GSS_BOROUGH_PATTERN, "A London borough's GSS code is E09 and six digits.")],
    )
    is_partnership_borough = models.BooleanField(default=False)
    grid_column = models.PositiveSmallIntegerField(help_text="Column in the London Squared grid (0 is west).")
    grid_row = models.PositiveSmallIntegerField(help_text="Row in the London Squared grid (0 is north).")

    history = HistoricalRecords()
    objects = BoroughQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gss_code__regex=GSS_BOROUGH_PATTERN),
                name="borough_gss_code_form",
                violation_error_message="A London borough's GSS code is E09 and six digits.",
            ),
            models.UniqueConstraint(fields=["grid_column", "grid_row"], name="borough_one_per_grid_square"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:borough-detail", args=[self.gss_code])


class PlaceKind(models.TextChoices):
    ESTATE = "estate", "Estate"
    STREET_CLUSTER = "street_cluster", "Cluster of streets"
    MAIN_ROAD = "main_road", "Main road"
    WARD = "ward", "Ward"
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"


class Priority(models.IntegerChoices):
    NONE = 0, "Not set"
    LOW = 1, "Low"
    MEDIUM = 2, "Medium"
    HIGH = 3, "High"


class Place(models.Model):
    """A small area inside one borough: an estate, a cluster of streets, a main road, a ward."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=PlaceKind.choices)
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="places")
    also_in_boroughs = models.ManyToManyField(
        Borough,
        blank=True,
        related_name="places_crossing_in",
        help_text="Other boroughs this place touches, such as a main road crossing a boundary.",
    )
    ward_gss_code = models.CharField(
        "ward GSS code",
        max_length=9,
        blank=True,
        validators=[RegexValidator(GSS_WARD_PATTERN, "A ward's GSS code is E05 and six digits.")],
    )
    priority = models.PositiveSmallIntegerField(
        choices=Priority.choices, default=Priority.NONE, help_text="Set by VRU staff."
    )
    landlords = models.ManyToManyField(
        "partners.Organisation", through="PlaceLandlord", blank=True, related_name="places_with_homes"
    )
    description = models.TextField(blank=True)
    is_synthetic = models.BooleanField(default=False, help_text="Demo data, not a real place.")

    history = HistoricalRecords(m2m_fields=[also_in_boroughs])

    class Meta:
        ordering = ["borough__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["borough", "name"], name="place_name_unique_in_borough"),
            models.CheckConstraint(
                condition=Q(ward_gss_code="") | Q(ward_gss_code__regex=GSS_WARD_PATTERN),
                name="place_ward_gss_code_form",
                violation_error_message="A ward's GSS code is E05 and six digits.",
            ),
            models.CheckConstraint(condition=Q(priority__lte=3), name="place_priority_in_range"),
        ]

    def __str__(self):
        return f"{self.name} ({self.borough.name})"

    def get_absolute_url(self):
        return reverse("programmes:place-detail", args=[self.pk])


class PlaceLandlord(models.Model):
    """A housing association that owns or manages homes in a place, and how many."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="landlordships")
    organisation = models.ForeignKey("partners.Organisation", on_delete=models.PROTECT, related_name="landlordships")
    homes = models.PositiveIntegerField(null=True, blank=True, help_text="Homes owned or managed there, if known.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "organisation"], name="place_landlord_once"),
            models.CheckConstraint(
                condition=Q(homes__gte=0) | Q(homes__isnull=True), name="place_landlord_homes_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.place.name}"
