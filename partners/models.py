"""Organisations in the partnership, their succession through mergers, and the people in them."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core import roles
from core.roles import Role


class OrganisationKind(models.TextChoices):
    HOUSING_ASSOCIATION = "housing_association", "Housing association"
    VIOLENCE_REDUCTION_UNIT = "vru", "Violence Reduction Unit"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary sector organisation"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    NHS = "nhs", "NHS body"
    EDUCATION = "education", "School or college"
    COMMUNITY_GROUP = "community_group", "Community or grassroots group"
    FUNDER = "funder", "Funder"
    NETWORK = "network", "Network or partnership"


class SuccessionKind(models.TextChoices):
    MERGED = "merged", "Merged into"
    RENAMED = "renamed", "Renamed as"


class OrganisationQuerySet(models.QuerySet):
    def housing_associations(self):
        return self.filter(kind=OrganisationKind.HOUSING_ASSOCIATION)

    def hayn_members(self):
        return self.filter(is_hayn_member=True)

    def current(self):
        """Organisations as they are now: those not merged into or renamed as another."""
        return self.filter(successor__isnull=True)


class Organisation(models.Model):
    """An organisation as it was registered; mergers and renames point at the successor."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    is_hayn_member = models.BooleanField("HAYN member", default=False)
    charity_number = models.CharField(max_length=20, blank=True)
    company_number = models.CharField(max_length=20, blank=True)
    social_housing_regulator_code = models.CharField(
        "social housing regulator code", max_length=20, blank=True, help_text="For example L4123 or 4851."
    )
    website = models.URLField(blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text="The organisation this one merged into or was renamed as.",
    )
    succession_kind = models.CharField(max_length=16, choices=SuccessionKind.choices, blank=True)
    succession_date = models.DateField(null=True, blank=True, help_text="When it took effect, if known.")
    is_synthetic = models.BooleanField(default=False, help_text="Demo data, not a real organisation.")

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(successor=models.F("id")),
                name="organisation_not_own_successor",
                violation_error_message="An organisation cannot succeed itself.",
            ),
            models.CheckConstraint(
                condition=(Q(successor__isnull=True) & Q(succession_date__isnull=True) & Q(succession_kind=""))
                | (Q(successor__isnull=False) & ~Q(succession_kind="")),
                name="organisation_succession_complete",
                violation_error_message="A successor needs the kind of succession; a kind or a date needs a successor.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:organisation-detail", args=[self.pk])

    @property
    def org_id(self) -> str:
        """The organisation's org-id identifier, where a registration number is known."""
        if self.charity_number:
            return f"GB-CHC-{self.charity_number}"
        if self.company_number:
            return f"GB-COH-{self.company_number}"
        if self.social_housing_regulator_code:
            return f"GB-SHPE-{self.social_housing_regulator_code}"
        return ""


class PersonManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """`createsuperuser` makes an administrator (the role every permission asks about)."""
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: VRU staff, a housing association's youth lead, or an administrator."""

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.YOUTH_LEAD)
    job_title = models.CharField(max_length=120, blank=True)

    objects = PersonManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(role=Role.YOUTH_LEAD) | Q(organisation__isnull=False),
                name="youth_lead_has_organisation",
                violation_error_message="A youth lead must belong to an organisation.",
            ),
        ]

    # The role tests, for templates; code asks the predicates in core.roles.
    @property
    def is_vru_staff(self) -> bool:
        return roles.is_vru_staff.test(self)

    @property
    def is_youth_lead(self) -> bool:
        return roles.is_youth_lead.test(self)

    @property
    def is_administrator(self) -> bool:
        return roles.is_administrator.test(self)

    def has_perm(self, perm, obj=None) -> bool:
        """Administrators may change anything in the admin, as Django's superusers may."""
        return (self.is_active and self.is_administrator) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label) -> bool:
        return (self.is_active and self.is_administrator) or super().has_module_perms(app_label)
