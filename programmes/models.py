"""Funding programmes, projects and their consortia, funded posts and monitoring returns."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.formatting import long_date

from .evidence import ImpactBand
from .periods import Quarter


class FundingProgramme(models.Model):
    """A funding programme, such as the VRU's MyEnds."""

    name = models.CharField(max_length=200, unique=True)
    funder = models.ForeignKey("partners.Organisation", on_delete=models.PROTECT, related_name="funding_programmes")
    description = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="programme_end_not_before_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:programme-detail", args=[self.pk])


class InterventionType(models.Model):
    """A kind of work that reduces violence or supports young people, such as mentoring."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    display_order = models.PositiveSmallIntegerField(default=0)
    # What the Youth Endowment Fund Toolkit says about it (programmes/evidence.py); administrators correct these.
    yef_strand = models.CharField(
        "YEF Toolkit strand", max_length=200, blank=True, help_text="The nearest strand; blank when there is none."
    )
    yef_impact = models.CharField(
        "impact on violence", max_length=16, choices=ImpactBand.choices, default=ImpactBand.NOT_RATED
    )
    yef_headline = models.CharField("headline figure", max_length=300, blank=True)
    yef_address = models.URLField("strand's address", blank=True)
    yef_checked_on = models.DateField(
        "checked on", null=True, blank=True, help_text="When someone last read the strand's page; blank if never."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name


class ReviewStatus(models.TextChoices):
    """Where a project or a monitoring return is on its way to verification by the VRU."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    VERIFIED = "verified", "Verified"


class ProjectStatus(models.TextChoices):
    """The review path of a project, plus cancelled (which leaves coverage and reach)."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    VERIFIED = "verified", "Verified"
    CANCELLED = "cancelled", "Cancelled"


class YouthInvolvement(models.TextChoices):
    """How far young people shape a project, from being told about it to leading it."""

    INFORMED = "informed", "Young people are informed"
    CONSULTED = "consulted", "Young people are consulted"
    CO_DESIGNED = "co_designed", "Young people co-design it"
    YOUTH_LED = "youth_led", "Young people lead it"


class ProjectQuerySet(models.QuerySet):
    def counted(self):
        """Projects that count towards coverage and reach: not drafts, not cancelled."""
        return self.exclude(status__in=[ProjectStatus.DRAFT, ProjectStatus.CANCELLED])

    def active_between(self, start, end):
        """Projects whose dates intersect the period [start, end]."""
        return self.filter(start_date__lte=end, end_date__gte=start)

    def serving_ages(self, age_min, age_max):
        """Projects whose age range intersects [age_min, age_max]."""
        return self.filter(age_min__lte=age_max, age_max__gte=age_min)


class Project(models.Model):
    """A piece of work with one lead organisation, a consortium, places served and a target reach."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    lead_organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="led_projects"
    )
    consortium = models.ManyToManyField(
        "partners.Organisation", through="ConsortiumMember", related_name="consortium_projects", blank=True
    )
    funding_programme = models.ForeignKey(
        FundingProgramme, null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    funder = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funded_projects",
        help_text="Who pays for it, where no funding programme applies or to name the funder directly.",
    )
    funding_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    boroughs = models.ManyToManyField("boroughs.Borough", related_name="projects", blank=True)
    places = models.ManyToManyField("boroughs.Place", related_name="projects", blank=True)
    intervention_types = models.ManyToManyField(InterventionType, related_name="projects", blank=True)
    age_min = models.PositiveSmallIntegerField("youngest age served")
    age_max = models.PositiveSmallIntegerField("oldest age served")
    start_date = models.DateField()
    end_date = models.DateField()
    dates_assumed = models.BooleanField(
        default=False,
        help_text="The dates are a guess (the source gives none): shown as assumed, and no return is counted "
        "overdue on them until real dates are entered.",
    )
    ages_assumed = models.BooleanField(default=False, help_text="The ages are a guess (the source gives none).")
    status = models.CharField(max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT)
    target_reach = models.PositiveIntegerField(
        null=True, blank=True, help_text="Young people the project aims to reach over its whole life."
    )
    target_reach_note = models.CharField(max_length=200, blank=True)
    youth_involvement = models.CharField(
        max_length=16, choices=YouthInvolvement.choices, default=YouthInvolvement.CONSULTED
    )
    youth_involvement_detail = models.TextField("how young people shape it", blank=True)
    external_reference = models.CharField(
        max_length=100, blank=True, help_text="The lead organisation's own reference, used to match imports."
    )
    review_comment = models.TextField(blank=True, help_text="The VRU's comment when it last reviewed the project.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit, to catch concurrent edits.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_synthetic = models.BooleanField(default=False, help_text="Demo data, not a real project.")

    history = HistoricalRecords(m2m_fields=[boroughs, places, intervention_types])
    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="project_end_not_before_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
            models.CheckConstraint(
                condition=Q(age_min__lte=F("age_max")),
                name="project_age_min_not_above_max",
                violation_error_message="The youngest age cannot be above the oldest age.",
            ),
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="project_funding_not_negative",
                violation_error_message="The funding amount cannot be negative.",
            ),
            models.UniqueConstraint(
                fields=["lead_organisation", "external_reference"],
                condition=~Q(external_reference=""),
                name="project_external_reference_unique_per_lead",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "start_date", "end_date"], name="project_status_dates"),
            # The register's default order: its first page reads 25 rows of the index instead of sorting them all.
            models.Index(fields=["title", "id"], name="project_title_id"),
            # The review queue, longest waiting first, reads its first rows from here.
            models.Index(fields=["status", "submitted_at"], name="project_status_submitted"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:project-detail", args=[self.pk])


class ConsortiumRole(models.TextChoices):
    DELIVERY_PARTNER = "delivery_partner", "Delivery partner"
    HOUSING_PARTNER = "housing_partner", "Housing partner"
    YOUTH_PARTNER = "youth_partner", "Young people's group"
    FUNDER = "funder", "Funder"
    SUPPORTER = "supporter", "Supporting partner"


class ConsortiumMember(models.Model):
    """An organisation working on a project alongside its lead, in a named role."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="consortium_members")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="consortium_memberships"
    )
    role = models.CharField(max_length=32, choices=ConsortiumRole.choices, default=ConsortiumRole.DELIVERY_PARTNER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation"], name="consortium_member_once"),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()}) on {self.project}"


class FundedPost(models.Model):
    """A post the partnership pays for, such as the VRU's Programme Manager."""

    title = models.CharField(max_length=200)
    host_organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="hosted_posts"
    )
    funder = models.ForeignKey("partners.Organisation", on_delete=models.PROTECT, related_name="funded_posts")
    funding_programme = models.ForeignKey(
        FundingProgramme, null=True, blank=True, on_delete=models.PROTECT, related_name="funded_posts"
    )
    description = models.TextField(blank=True)
    fte = models.DecimalField(
        "full-time equivalent", max_digits=3, decimal_places=2, null=True, blank=True, help_text="Empty: not known."
    )
    annual_cost = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    is_filled = models.BooleanField(
        "filled", null=True, blank=True, help_text="Yes: filled; no: vacant; empty: not known."
    )
    holder_name = models.CharField(max_length=200, blank=True)
    is_synthetic = models.BooleanField(default=False, help_text="Demo data, not a real post.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="post_end_not_before_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
            models.CheckConstraint(
                condition=Q(fte__isnull=True) | (Q(fte__gt=0) & Q(fte__lte=1)),
                name="post_fte_between_0_and_1",
                violation_error_message="Full-time equivalent is more than 0 and at most 1.",
            ),
            models.CheckConstraint(
                condition=Q(annual_cost__isnull=True) | Q(annual_cost__gte=0),
                name="post_cost_not_negative",
                violation_error_message="The cost cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.host_organisation}"

    def get_absolute_url(self):
        return reverse("programmes:post-detail", args=[self.pk])


class MonitoringReturn(models.Model):
    """A project's report for one quarter: who it reached and what it delivered."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="returns")
    period_start = models.DateField()
    period_end = models.DateField()
    young_people_reached = models.PositiveIntegerField(default=0)
    sessions_delivered = models.PositiveIntegerField(default=0)
    families_reached = models.PositiveIntegerField(default=0)
    narrative = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    review_comment = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_reference = models.CharField(max_length=100, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit, to catch concurrent edits.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_synthetic = models.BooleanField(default=False, help_text="Demo data, not a real return.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "period_start"]
        indexes = [
            # The review queue, longest waiting first, reads its first rows from here.
            models.Index(fields=["status", "submitted_at"], name="return_status_submitted"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="return_period_end_not_before_start",
                violation_error_message="The period cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["project", "period_start"],
                name="return_one_per_project_per_quarter",
                violation_error_message="This project already has a return for that quarter.",
            ),
        ]

    def __str__(self):
        return f"{self.project} – {self.quarter}"

    def get_absolute_url(self):
        return reverse("programmes:return-detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        """As read, remembering its project: a return moved to another project leaves the first one owing again."""
        instance = super().from_db(db, field_names, values)
        instance.project_id_as_read = instance.__dict__.get("project_id")
        return instance

    @property
    def quarter(self) -> Quarter:
        return Quarter.containing(self.period_start)


class FollowUpStatus(models.TextChoices):
    """How far the "you said, we did" loop has come after a youth voice session."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "Changes under way"
    REPORTED_BACK = "reported_back", "Reported back to young people"


class YouthVoiceSession(models.Model):
    """A consultation or co-design session where young people shaped projects or services."""

    title = models.CharField("what the session was about", max_length=200)
    date = models.DateField()
    borough = models.ForeignKey("boroughs.Borough", on_delete=models.PROTECT, related_name="youth_voice_sessions")
    places = models.ManyToManyField("boroughs.Place", related_name="youth_voice_sessions", blank=True)
    organisations = models.ManyToManyField("partners.Organisation", related_name="youth_voice_sessions", blank=True)
    projects = models.ManyToManyField(Project, related_name="youth_voice_sessions", blank=True)
    young_people = models.PositiveIntegerField("number of young people")
    you_said = models.TextField("what young people asked for")
    we_did = models.TextField("what changed as a result", blank=True)
    follow_up_status = models.CharField(
        max_length=16, choices=FollowUpStatus.choices, default=FollowUpStatus.NOT_STARTED
    )
    follow_up_date = models.DateField(
        null=True, blank=True, help_text="When young people were or will be told what changed."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="youth_voice_sessions_recorded"
    )
    recorded_by_organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        on_delete=models.PROTECT,
        related_name="youth_voice_sessions_recorded",
        help_text="The recorder's organisation at the time; its youth leads may edit the session.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[places, organisations, projects])

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_date__isnull=True) | Q(follow_up_date__gte=F("date")),
                name="youth_voice_follow_up_not_before_session",
                violation_error_message="The follow-up cannot be before the session.",
            ),
            models.CheckConstraint(
                condition=~Q(follow_up_status="reported_back") | ~Q(we_did=""),
                name="youth_voice_reported_back_says_what_changed",
                violation_error_message="Say what changed before marking the session reported back.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({long_date(self.date)})"

    def get_absolute_url(self):
        return reverse("programmes:youth-voice-detail", args=[self.pk])


class ReminderStage(models.TextChoices):
    DUE_SOON = "due_soon", "Due within 14 days"
    OVERDUE = "overdue", "Overdue"


class ReturnReminder(models.Model):
    """A reminder sent about one project's return for one quarter at one stage; never sent twice."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField(help_text="The first day of the quarter the return covers.")
    stage = models.CharField(max_length=16, choices=ReminderStage.choices)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.TextField(help_text="The addresses it went to, one a line.")

    class Meta:
        db_table = "jobs_returnreminder"  # Made by the jobs app, which sent reminders until they moved here.
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_start", "stage"], name="reminder_once_per_return_per_stage"
            ),
        ]

    def __str__(self):
        return f"{self.get_stage_display()} reminder for project {self.project_id}, quarter from {self.period_start}"


class ExpectedReturn(models.Model):
    """A quarter a project runs through, for which its lead organisation owes a return once the quarter ends.

    Worked out from the project's dates by `services.expected_returns.expected_returns_schedule` whenever they
    change, so "due", "overdue" and reminders are indexed queries. Whether the project owes it and whether it
    has arrived are kept on the row too (by the schedule on every project save, and by `expected_return_received`
    on every save and delete of a return), so the partnership's overdue returns are one partial index.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="expected_returns")
    period_start = models.DateField()
    period_end = models.DateField()
    due_date = models.DateField()
    # The project counts (neither a draft nor cancelled) and its dates are known, so it owes this return.
    owed = models.BooleanField(default=False)
    # A submitted or verified return for this project and quarter exists.
    received = models.BooleanField(default=False)

    class Meta:
        ordering = ["project", "period_start"]
        indexes = [
            # Overdue and due-soon lists read rows by due date, earliest first.
            models.Index(fields=["due_date", "project"], name="expected_return_due"),
            # Returns owed and not received: the dashboard counts and lists the overdue ones from here alone.
            models.Index(
                fields=["due_date", "project"], condition=Q(owed=True, received=False), name="expected_return_open"
            ),
            # Returns owed, by quarter: the chart of returns received against expected reads only this index.
            models.Index(fields=["period_start", "received"], condition=Q(owed=True), name="expected_return_owed"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["project", "period_start"], name="expected_return_one_per_quarter"),
        ]

    def __str__(self):
        return f"{self.project_id} – {self.quarter}"

    @property
    def quarter(self) -> Quarter:
        return Quarter.containing(self.period_start)
