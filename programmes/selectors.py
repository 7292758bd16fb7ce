"""Reads of projects and monitoring returns, scoped to the user asking."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import formats

from boroughs.models import Place

from .models import ConsortiumMember, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from .periods import Quarter, quarters_between

# Returns that count as received: the VRU has them (submitted) or has checked them (verified).
RECEIVED_RETURN_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.VERIFIED)


def _sees_everything(user) -> bool:
    return user.is_vru_staff or user.is_superuser


def projects_visible_to(user) -> QuerySet[Project]:
    """Projects this user may see: VRU staff and administrators see all; a youth lead sees the
    partnership's projects except other organisations' drafts."""
    projects = Project.objects.all()
    if _sees_everything(user):
        return projects
    own = Q(lead_organisation=user.organisation_id) | Q(consortium_members__organisation=user.organisation_id)
    own_ids = Project.objects.filter(own).values("pk")
    return projects.filter(~Q(status=ProjectStatus.DRAFT) | Q(pk__in=own_ids))


def project_pages_for(user) -> QuerySet[Project]:
    """Visible projects with everything the project page, its forms and its permission checks read."""
    return (
        projects_visible_to(user)
        .select_related("lead_organisation", "funding_programme", "funder", "reviewed_by")
        .prefetch_related(
            Prefetch("consortium_members", queryset=ConsortiumMember.objects.select_related("organisation")),
            "boroughs",
            Prefetch("places", queryset=Place.objects.select_related("borough")),
            "intervention_types",
        )
    )


def returns_visible_to(user) -> QuerySet[MonitoringReturn]:
    """Returns of the projects this user sees; a youth lead does not see other organisations' draft returns."""
    returns = MonitoringReturn.objects.all()
    if _sees_everything(user):
        return returns
    return returns.filter(
        Q(project__in=projects_visible_to(user).values("pk")),
        ~Q(status=ReviewStatus.DRAFT) | Q(project__lead_organisation=user.organisation_id),
    )


def return_pages_for(user) -> QuerySet[MonitoringReturn]:
    """Visible returns with their project and its lead, as the return page and its checks read them."""
    return returns_visible_to(user).select_related("project__lead_organisation", "submitted_by", "reviewed_by")


def project_returns_for(user, project: Project) -> list[MonitoringReturn]:
    """The returns of one project this user may see, oldest quarter first."""
    return list(returns_visible_to(user).filter(project=project).order_by("period_start"))


def quarters_awaiting_returns(project: Project, *, today: date) -> list[Quarter]:
    """The quarters of the project that have started and have no return yet: those a return can be made for."""
    started = set(project.returns.values_list("period_start", flat=True))
    return [
        quarter
        for quarter in quarters_between(project.start_date, project.end_date)
        if quarter.start <= today and quarter.start not in started
    ]


@dataclass(frozen=True)
class ReachRow:
    """One quarter of a project's reported reach, against its target."""

    quarter: Quarter
    monitoring_return: MonitoringReturn
    reached: int
    cumulative: int
    percent_of_target: int | None
    # The bar's length in whole percent of the target, capped at 100 (a CSS class per value).
    bar: int


def project_reach(project: Project, returns: list[MonitoringReturn]) -> list[ReachRow]:
    """Reach reported quarter by quarter (submitted and verified returns), summed against the target.

    The cumulative figure adds the quarterly figures, so a young person reached in two quarters counts twice.
    """
    rows, cumulative = [], 0
    for monitoring_return in returns:
        if monitoring_return.status not in RECEIVED_RETURN_STATUSES:
            continue
        cumulative += monitoring_return.young_people_reached
        percent = round(100 * cumulative / project.target_reach) if project.target_reach else None
        rows.append(
            ReachRow(
                quarter=monitoring_return.quarter,
                monitoring_return=monitoring_return,
                reached=monitoring_return.young_people_reached,
                cumulative=cumulative,
                percent_of_target=percent,
                bar=min(percent or 0, 100),
            )
        )
    return rows


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One change to a project or return: who, when, what, and the values before and after."""

    when: datetime
    who: str
    summary: str
    changes: tuple[FieldChange, ...] = ()


PROJECT_HISTORY_FIELDS = (
    "title",
    "description",
    "lead_organisation",
    "funding_programme",
    "funder",
    "funding_amount",
    "age_min",
    "age_max",
    "start_date",
    "end_date",
    "status",
    "target_reach",
    "target_reach_note",
    "youth_involvement",
    "youth_involvement_detail",
    "review_comment",
)
# (label, the historical record's accessor for its snapshot rows, the related object on each row)
PROJECT_HISTORY_M2M = (
    ("Boroughs", "historicalproject_boroughs_set", "borough"),
    ("Places", "historicalproject_places_set", "place"),
    ("Intervention types", "historicalproject_intervention_types_set", "interventiontype"),
)
RETURN_HISTORY_FIELDS = (
    "young_people_reached",
    "sessions_delivered",
    "families_reached",
    "narrative",
    "status",
    "review_comment",
)


def _person(user) -> str:
    if user is None:
        return "The system (an import or a data load)"
    name = user.get_full_name() or user.username
    return f"{name}, {user.organisation}" if user.organisation_id else name


def _shown(record, name: str) -> str:
    """A historical value as a person reads it."""
    field = record._meta.get_field(name)
    value = getattr(record, name) if field.is_relation else getattr(record, field.attname)
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if value is None or value == "":
        return "(none)"
    return formats.localize(value) if isinstance(value, (date, int, float)) else str(value)


def _m2m_shown(record, accessor: str, related: str) -> str:
    names = sorted(str(getattr(row, related)) for row in getattr(record, accessor).all())
    return ", ".join(names) or "(none)"


def _record_entries(records, fields, m2m, noun: str) -> list[HistoryEntry]:
    """Entries for a run of historical records of one object, each compared with the one before."""
    entries, previous = [], None
    for record in records:
        who = _person(record.history_user)
        if previous is None or record.history_type == "+":
            summary, reason = f"Created the {noun}", record.history_change_reason
            entries.append(
                HistoryEntry(
                    record.history_date, who, f"{summary} ({reason})" if reason and reason != summary else summary
                )
            )
        else:
            changes = [
                FieldChange(record._meta.get_field(name).verbose_name.capitalize(), old, new)
                for name in fields
                if (old := _shown(previous, name)) != (new := _shown(record, name))
            ] + [
                FieldChange(label, old, new)
                for label, accessor, related in m2m
                if (old := _m2m_shown(previous, accessor, related)) != (new := _m2m_shown(record, accessor, related))
            ]
            if changes or record.history_change_reason:
                summary = record.history_change_reason or f"Changed the {noun}"
                entries.append(HistoryEntry(record.history_date, who, summary, tuple(changes)))
        previous = record
    return entries


def _consortium_entries(records) -> list[HistoryEntry]:
    entries, roles = [], {}
    for record in records:
        organisation, role = record.organisation, record.get_role_display()
        if record.history_type == "+":
            summary = f"Added {organisation} to the consortium as {role.lower()}"
        elif record.history_type == "-":
            summary = f"Removed {organisation} from the consortium"
        elif roles.get(record.id) != role:
            summary = f"Changed {organisation}'s role in the consortium to {role.lower()}"
        else:
            continue
        roles[record.id] = role
        entries.append(HistoryEntry(record.history_date, _person(record.history_user), summary))
    return entries


def project_history(project: Project) -> list[HistoryEntry]:
    """Everything that happened to a project and its consortium, newest first, in a fixed number of queries."""
    records = (
        project.history.select_related("history_user__organisation", "lead_organisation", "funding_programme", "funder")
        .prefetch_related(
            "historicalproject_boroughs_set__borough",
            "historicalproject_places_set__place__borough",
            "historicalproject_intervention_types_set__interventiontype",
        )
        .order_by("history_date", "history_id")
    )
    members = (
        ConsortiumMember.history.filter(project_id=project.pk)
        .select_related("history_user__organisation", "organisation")
        .order_by("history_date", "history_id")
    )
    entries = _record_entries(records, PROJECT_HISTORY_FIELDS, PROJECT_HISTORY_M2M, "project")
    entries += _consortium_entries(members)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def return_history(monitoring_return: MonitoringReturn) -> list[HistoryEntry]:
    """Everything that happened to a monitoring return, newest first."""
    records = monitoring_return.history.select_related("history_user__organisation").order_by(
        "history_date", "history_id"
    )
    entries = _record_entries(records, RETURN_HISTORY_FIELDS, (), "return")
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def review_queue_projects() -> QuerySet[Project]:
    """Projects waiting for the VRU, longest waiting first."""
    return (
        Project.objects.filter(status=ProjectStatus.SUBMITTED)
        .select_related("lead_organisation")
        .order_by(F("submitted_at").asc(nulls_first=True), "pk")
    )


def review_queue_returns() -> QuerySet[MonitoringReturn]:
    """Monitoring returns waiting for the VRU, longest waiting first."""
    return (
        MonitoringReturn.objects.filter(status=ReviewStatus.SUBMITTED)
        .select_related("project__lead_organisation")
        .order_by(F("submitted_at").asc(nulls_first=True), "pk")
    )


def organisation_projects_for(user, organisation) -> QuerySet[Project]:
    """Visible projects the organisation leads or is a consortium member of, newest first."""
    member_of = ConsortiumMember.objects.filter(organisation=organisation).values("project_id")
    return (
        projects_visible_to(user)
        .filter(Q(lead_organisation=organisation) | Q(pk__in=member_of))
        .select_related("lead_organisation")
        .order_by("-start_date", "title", "pk")
    )


@dataclass(frozen=True)
class OutstandingReturn:
    """A quarter a project has reported nothing received for: due until its due date, overdue after."""

    project: Project
    quarter: Quarter
    started: MonitoringReturn | None
    is_overdue: bool

    @property
    def due_date(self) -> date:
        return self.quarter.due_date


def returns_outstanding(*, organisation, today: date) -> list[OutstandingReturn]:
    """Returns the organisation owes for the projects it leads, earliest due first.

    A return is expected for every financial quarter that has ended and that a project (neither a
    draft nor cancelled) runs through; it is outstanding until one for that quarter is submitted.
    """
    projects = (
        Project.objects.counted()
        .filter(lead_organisation=organisation, start_date__lte=today)
        .prefetch_related(Prefetch("returns", queryset=MonitoringReturn.objects.order_by("period_start")))
        .order_by("pk")
    )
    outstanding = []
    for project in projects:
        by_quarter = {monitoring_return.period_start: monitoring_return for monitoring_return in project.returns.all()}
        for quarter in quarters_between(project.start_date, min(project.end_date, today)):
            started = by_quarter.get(quarter.start)
            if quarter.end < today and (started is None or started.status not in RECEIVED_RETURN_STATUSES):
                outstanding.append(OutstandingReturn(project, quarter, started, today > quarter.due_date))
    return sorted(outstanding, key=lambda item: (item.due_date, item.project.title))
