"""Reads of projects and monitoring returns, scoped to the user asking."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import NamedTuple

from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import formats

from boroughs.models import Borough, Place
from boroughs.selectors import CHOICES_AT_ONCE
from core.roles import sees_everything
from partners.models import Organisation

from .models import (
    ConsortiumMember,
    FundedPost,
    FundingProgramme,
    InterventionType,
    MonitoringReturn,
    Project,
    ProjectStatus,
    ReviewStatus,
    YouthVoiceSession,
)
from .periods import RETURN_DUE_AFTER_DAYS, Quarter, quarter_number, quarters_between

# Returns that count as received: the VRU has them (submitted) or has checked them (verified).
RECEIVED_RETURN_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.VERIFIED)


def projects_visible_to(user) -> QuerySet[Project]:
    """Projects this user may see: VRU staff and administrators see all; a youth lead sees the
    partnership's projects except other organisations' drafts."""
    projects = Project.objects.all()
    if sees_everything.test(user):
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
    if sees_everything.test(user):
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


# The programme manager's portal: reach against targets, overdue returns, posts, programmes, youth voice.


def projects_active_on(projects: QuerySet[Project], day: date) -> QuerySet[Project]:
    """The projects that count (not drafts, not cancelled) and run on a given day."""
    return projects.counted().active_between(day, day)


@dataclass(frozen=True)
class Reach:
    """Young people reached (over verified returns) against the target reach of the same projects."""

    projects: int
    target: int
    reached: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.reached / self.target) if self.target else None

    @classmethod
    def total(cls, reaches: Iterable["Reach"]) -> "Reach":
        reaches = list(reaches)
        return cls(*(sum(getattr(reach, name) for reach in reaches) for name in ("projects", "target", "reached")))


def _verified_returns_of(projects: QuerySet[Project]) -> QuerySet[MonitoringReturn]:
    return MonitoringReturn.objects.filter(status=ReviewStatus.VERIFIED, project__in=projects.values("pk"))


def reach_of(projects: QuerySet[Project]) -> Reach:
    """Reach against target over the projects that count among those given: two queries."""
    counted = projects.counted()
    totals = counted.aggregate(projects=Count("pk"), target=Sum("target_reach", default=0))
    reached = _verified_returns_of(counted).aggregate(reached=Sum("young_people_reached", default=0))["reached"]
    return Reach(projects=totals["projects"], target=totals["target"], reached=reached)


@dataclass(frozen=True)
class ProgrammeReach:
    programme: FundingProgramme | None
    reach: Reach


def reach_by_programme(projects: QuerySet[Project]) -> list[ProgrammeReach]:
    """Reach against target per funding programme (projects under none come last), in three queries."""
    counted = projects.counted()
    totals = {
        row["funding_programme"]: row
        for row in counted.order_by()
        .values("funding_programme")
        .annotate(projects=Count("pk"), target=Sum("target_reach", default=0))
    }
    reached = dict(
        _verified_returns_of(counted)
        .order_by()
        .values("project__funding_programme")
        .annotate(reached=Sum("young_people_reached"))
        .values_list("project__funding_programme", "reached")
    )
    programmes = [*FundingProgramme.objects.filter(pk__in=[pk for pk in totals if pk is not None]), None]
    return [
        ProgrammeReach(
            programme,
            Reach(projects=totals[key]["projects"], target=totals[key]["target"], reached=reached.get(key) or 0),
        )
        for programme in programmes
        if (key := programme.pk if programme else None) in totals
    ]


def projects_furthest_behind_target(projects: QuerySet[Project], *, on: date, limit: int = 10) -> list[Project]:
    """Running projects with a target, lowest share of it reached (over verified returns) first; ties: the
    older project first. One query, aggregating returns by join rather than a subquery per project."""
    verified = Q(returns__status=ReviewStatus.VERIFIED)
    return list(
        projects_active_on(projects, on)
        .filter(target_reach__gt=0)
        .select_related("lead_organisation")
        .annotate(reached=Coalesce(Sum("returns__young_people_reached", filter=verified), 0))
        .annotate(share=Cast(F("reached"), FloatField()) / F("target_reach"))
        .order_by("share", "start_date", "pk")[:limit]
    )


@dataclass(frozen=True)
class PostCounts:
    filled: int
    vacant: int


def funded_post_counts(*, on: date) -> PostCounts:
    """Funded posts running on a day, filled and vacant, in one query."""
    counts = FundedPost.objects.filter(start_date__lte=on, end_date__gte=on).aggregate(
        filled=Count("pk", filter=Q(is_filled=True)), vacant=Count("pk", filter=Q(is_filled=False))
    )
    return PostCounts(**counts)


# Larger than any quarter number (year * 4), so project_id * PAIR_BASE + quarter number is unique.
PAIR_BASE = 100_000


class OverdueReturn(NamedTuple):
    """A quarter a project ran through whose return fell due and has not been submitted."""

    project_id: int
    project_title: str
    lead_organisation: str
    quarter: Quarter

    @property
    def due_date(self) -> date:
        return self.quarter.due_date


class OverdueReturns(Sequence):
    """Overdue returns in order; each is built only when read, as a page shows a few of 100,000."""

    def __init__(self, rows: list[tuple], quarters: list[Quarter]):
        self._rows, self._quarters = rows, quarters

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        pk, title, lead, _, _ = self._rows[index]
        return OverdueReturn(pk, title, lead, self._quarters[index])

    @cached_property
    def project_count(self) -> int:
        """How many projects have at least one overdue return."""
        return len({row[0] for row in self._rows})


def overdue_returns(projects: QuerySet[Project], *, today: date) -> OverdueReturns:
    """Every overdue return of the projects that count, the longest overdue first, in two queries.

    A return is overdue when its quarter's due date has passed and the project has no submitted or
    verified return for that quarter (a draft, or one returned for changes, does not count).
    """
    counted = projects.counted().filter(start_date__lte=today - timedelta(days=RETURN_DUE_AFTER_DAYS))
    rows = list(
        counted.order_by("title", "pk").values_list("pk", "title", "lead_organisation__name", "start_date", "end_date")
    )
    due = [
        quarter
        for quarter in quarters_between(min((row[3] for row in rows), default=today), today)
        if quarter.due_date < today
    ]
    if not due:
        return OverdueReturns([], [])
    # Quarters are numbered consecutively, so (project, quarter) pairs become plain integers: this loop
    # runs once per project-quarter (some 150,000 at 50,000 projects) and must stay cheap.
    first = quarter_number(due[0].start)
    last = first + len(due) - 1
    received = {
        project_id * PAIR_BASE + quarter_number(period_start)
        for project_id, period_start in MonitoringReturn.objects.filter(
            status__in=RECEIVED_RETURN_STATUSES, project__in=counted.values("pk")
        )
        .order_by()
        .values_list("project_id", "period_start")
    }
    # One bucket per due quarter, filled in title order, keeps the result sorted without a sort.
    buckets: list[list[tuple]] = [[] for _ in due]
    for row in rows:
        pair = row[0] * PAIR_BASE
        for number in range(quarter_number(row[3]), min(quarter_number(row[4]), last) + 1):
            if pair + number not in received:
                buckets[number - first].append(row)
    return OverdueReturns(
        [row for bucket in buckets for row in bucket],
        [quarter for quarter, bucket in zip(due, buckets, strict=True) for _ in bucket],
    )


@dataclass(frozen=True)
class Dashboard:
    """The VRU's morning view of the partnership."""

    today: date
    active_by_status: list[tuple[str, str, int]]
    partnership_reach: Reach
    reach_by_programme: list[ProgrammeReach]
    furthest_behind: list[Project]
    posts: PostCounts
    overdue: OverdueReturns
    projects_waiting: list[Project]
    projects_waiting_count: int
    returns_waiting: list[MonitoringReturn]
    returns_waiting_count: int
    shown: int

    @property
    def active_total(self) -> int:
        return sum(count for _, _, count in self.active_by_status)


def dashboard_for(user, *, today: date, shown: int = 10) -> Dashboard:
    """Everything on the dashboard, in a fixed number of queries whatever the number of projects."""
    projects = projects_visible_to(user)
    counts = dict(
        projects_active_on(projects, today)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    # The review queue's own lists: the dashboard is for VRU staff, who see every project.
    projects_waiting = review_queue_projects()
    returns_waiting = review_queue_returns()
    by_programme = reach_by_programme(projects)
    return Dashboard(
        today=today,
        active_by_status=[
            (status.value, status.label, counts.get(status.value, 0))
            for status in ProjectStatus
            if status not in (ProjectStatus.DRAFT, ProjectStatus.CANCELLED)
        ],
        partnership_reach=Reach.total(row.reach for row in by_programme),
        reach_by_programme=by_programme,
        furthest_behind=projects_furthest_behind_target(projects, on=today, limit=shown),
        posts=funded_post_counts(on=today),
        overdue=overdue_returns(projects, today=today),
        projects_waiting=list(projects_waiting[:shown]),
        projects_waiting_count=projects_waiting.count(),
        returns_waiting=list(returns_waiting[:shown]),
        returns_waiting_count=returns_waiting.count(),
        shown=shown,
    )


@dataclass(frozen=True)
class WorkSummary:
    """What a borough, place or funding programme holds: reach, running projects, kinds of work, who does it."""

    reach: Reach
    active: int
    intervention_types: list[tuple[InterventionType, int]]
    organisations: list[tuple[Organisation, int]]


def organisations_working_on(projects: QuerySet[Project]) -> list[tuple[Organisation, int]]:
    """Each organisation leading or in the consortium of the given projects, with how many, most first."""
    ids = projects.values("pk")
    led = Counter(
        dict(
            Project.objects.filter(pk__in=ids)
            .order_by()
            .values("lead_organisation")
            .annotate(n=Count("pk"))
            .values_list("lead_organisation", "n")
        )
    )
    # A lead that is also listed in its own consortium is counted once, as the lead.
    joined = Counter(
        dict(
            ConsortiumMember.objects.filter(project__in=ids)
            .exclude(project__lead_organisation=F("organisation"))
            .order_by()
            .values("organisation")
            .annotate(n=Count("project", distinct=True))
            .values_list("organisation", "n")
        )
    )
    counts = led + joined
    organisations = Organisation.objects.filter(pk__in=list(counts))
    return sorted(((org, counts[org.pk]) for org in organisations), key=lambda pair: (-pair[1], pair[0].name))


def work_summary(projects: QuerySet[Project], *, on: date) -> WorkSummary:
    """Reach over the projects that count, and what is running on a day: seven queries."""
    active = projects_active_on(projects, on)
    types = InterventionType.objects.annotate(n=Count("projects", filter=Q(projects__in=active.values("pk"))))
    return WorkSummary(
        reach=reach_of(projects),
        active=active.count(),
        intervention_types=[(kind, kind.n) for kind in types],
        organisations=organisations_working_on(active),
    )


def projects_running_on(projects: QuerySet[Project], *, on: date, limit: int) -> list[Project]:
    """A first page of the projects running on a day, with their lead and kinds of work."""
    return list(
        projects_active_on(projects, on)
        .select_related("lead_organisation")
        .prefetch_related("intervention_types")
        .order_by("title", "pk")[:limit]
    )


def funding_programmes_with_counts() -> QuerySet[FundingProgramme]:
    """Funding programmes with their funder and how many projects that count each holds, in one query."""
    counted = (
        Project.objects.counted()
        .filter(funding_programme=OuterRef("pk"))
        .order_by()
        .values("funding_programme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return FundingProgramme.objects.select_related("funder").annotate(
        projects_counted=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    )


def funded_posts() -> QuerySet[FundedPost]:
    """Funded posts with their host, funder and programme."""
    return FundedPost.objects.select_related("host_organisation", "funder", "funding_programme").order_by("title", "pk")


def youth_voice_sessions_visible_to(user) -> QuerySet[YouthVoiceSession]:
    """Youth voice sessions, each with its places, organisations and the linked projects this user may see."""
    return YouthVoiceSession.objects.select_related("borough", "recorded_by_organisation").prefetch_related(
        Prefetch("places", queryset=Place.objects.select_related("borough")),
        "organisations",
        Prefetch("projects", queryset=projects_visible_to(user).order_by("title")),
    )


def projects_to_offer(projects: QuerySet[Project], *, keep: Iterable[int]) -> tuple[list[Project], bool]:
    """The projects a form should list: all of them if there are few, else only those already chosen
    (`keep`). The flag says the list was cut short."""
    offered = list(projects[: CHOICES_AT_ONCE + 1])
    if len(offered) > CHOICES_AT_ONCE:
        return list(projects.filter(pk__in=list(keep))), True
    return offered, False


def projects_linkable_to_youth_voice(user, *, today: date, keep=()) -> QuerySet[Project]:
    """Projects a session may be linked to: a youth lead's own organisation's, or for VRU staff those that
    count and ran within the last year; plus any already linked (`keep`), so an edit never drops them."""
    if sees_everything.test(user):
        candidates = Q(pk__in=Project.objects.counted().filter(end_date__gte=today - timedelta(days=365)).values("pk"))
    else:
        own = ConsortiumMember.objects.filter(organisation=user.organisation_id).values("project_id")
        candidates = (Q(lead_organisation=user.organisation_id) | Q(pk__in=own)) & ~Q(status=ProjectStatus.CANCELLED)
    return projects_visible_to(user).filter(candidates | Q(pk__in=list(keep))).order_by("title", "pk")


# Where the work is: projects by borough and by place.


def project_counts_by_borough(projects: QuerySet[Project]) -> Counter:
    """How many of the given projects work in each borough (naming it or a place in it), in three queries.

    A project naming both a borough and places in it counts once there: |named| + |by place| - |both|.
    """
    ids = projects.values("pk")
    named = Project.boroughs.through.objects.filter(project__in=ids)
    by_place = Project.places.through.objects.filter(project__in=ids)
    names_own_borough = Project.boroughs.through.objects.filter(
        project=OuterRef("project"), borough=OuterRef("place__borough")
    )
    both = by_place.filter(Exists(names_own_borough))
    return (
        Counter(dict(named.order_by().values("borough").annotate(n=Count("project")).values_list("borough", "n")))
        + _distinct_projects_by_place_borough(by_place)
        - _distinct_projects_by_place_borough(both)
    )


def _distinct_projects_by_place_borough(rows) -> Counter:
    return Counter(
        dict(
            rows.order_by()
            .values("place__borough")
            .annotate(n=Count("project", distinct=True))
            .values_list("place__borough", "n")
        )
    )


def place_project_counts(projects: QuerySet[Project], *, borough: Borough) -> dict[int, int]:
    """How many of the given projects cover each place of a borough, by the register's rule: naming the
    place, or naming the borough without naming any place in it. Three queries."""
    ids = projects.values("pk")
    names_a_place_here = Project.places.through.objects.filter(project=OuterRef("pk"), place__borough=borough)
    borough_wide = (
        Project.objects.filter(pk__in=ids, boroughs=borough).exclude(Exists(names_a_place_here)).order_by().count()
    )
    named = dict(
        Project.places.through.objects.filter(project__in=ids, place__borough=borough)
        .order_by()
        .values("place")
        .annotate(n=Count("project"))
        .values_list("place", "n")
    )
    return {place_id: named.get(place_id, 0) + borough_wide for place_id in borough.places.values_list("pk", flat=True)}


def boroughs_with_counts(user, *, on: date) -> list[tuple[Borough, int, int]]:
    """Every borough with its number of places and of projects that count running there on a day."""
    counts = project_counts_by_borough(projects_visible_to(user).counted().active_between(on, on))
    boroughs = Borough.objects.annotate(place_count=Count("places"))
    return [(borough, borough.place_count, counts[borough.pk]) for borough in boroughs]
