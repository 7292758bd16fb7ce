"""Which monitoring returns a user sees, and which quarters are owed or overdue."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import Count, F, Q, QuerySet

from core.charts import Chart, Series, bar_chart
from core.roles import sees_everything

from ..models import ExpectedReturn, MonitoringReturn, Project, ReviewStatus
from ..periods import Quarter, quarters_between
from .projects import projects_visible_to

# Returns that count as received: the VRU has them (submitted) or has checked them (verified).
RECEIVED_RETURN_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.VERIFIED)


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
class OutstandingReturn:
    """A quarter a project has reported nothing received for: due until its due date, overdue after."""

    project: Project
    quarter: Quarter
    started: MonitoringReturn | None
    is_overdue: bool

    @property
    def due_date(self) -> date:
        return self.quarter.due_date


def expected_returns_outstanding(projects: QuerySet[Project] | None, *, today: date) -> QuerySet[ExpectedReturn]:
    """Expected returns of these projects (those that count) whose quarter has ended and that nobody has submitted.

    A return is expected for every financial quarter that a project (neither a draft nor cancelled) runs
    through; it is outstanding once the quarter has ended until one for that quarter is submitted or
    verified (a draft, or one returned for changes, does not settle it). `projects` None means every project.
    """
    return (
        _expected_of(projects, today=today).filter(received=False).order_by("due_date", "project__title", "project_id")
    )


def _expected_of(projects: QuerySet[Project] | None, *, today: date) -> QuerySet[ExpectedReturn]:
    """The returns these projects (every project when None) owe for quarters ended before today: those that count,
    on dates that are known (a project whose dates are assumed, One Flow's, owes nothing on them: nobody knows it
    ran through them). Both are kept on the row as `owed`, so the whole partnership's need no join."""
    # A quarter has ended before today exactly when it starts before today's quarter: one indexed column.
    expected = ExpectedReturn.objects.filter(owed=True, period_start__lt=Quarter.containing(today).start)
    return expected if projects is None else expected.filter(project__in=projects.values("pk"))


@dataclass(frozen=True)
class ReturnsOwed:
    """What an organisation owes: how many returns, how many of them overdue, and the earliest due of them."""

    count: int
    overdue_count: int
    shown: list[OutstandingReturn]


def outstanding_returns_from(rows: QuerySet[ExpectedReturn], *, today: date) -> list[OutstandingReturn]:
    """These expected returns with their projects and any return started for them, in two queries."""
    rows = list(rows.select_related("project"))
    started = {
        (started.project_id, started.period_start): started
        for started in MonitoringReturn.objects.filter(
            project__in={row.project_id for row in rows}, period_start__in={row.period_start for row in rows}
        )
    }
    return [
        OutstandingReturn(
            row.project, row.quarter, started.get((row.project_id, row.period_start)), is_overdue=today > row.due_date
        )
        for row in rows
    ]


def returns_owed(*, organisation, today: date, shown: int) -> ReturnsOwed:
    """Returns the organisation owes for the projects it leads: counts, and the `shown` earliest due first."""
    owed = expected_returns_outstanding(Project.objects.filter(lead_organisation=organisation), today=today)
    counts = owed.aggregate(count=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)))
    return ReturnsOwed(counts["count"], counts["overdue"], outstanding_returns_from(owed[:shown], today=today))


def overdue_returns(projects: QuerySet[Project] | None, *, today: date) -> QuerySet[ExpectedReturn]:
    """Every overdue return of the projects that count, the longest overdue first, then by project title.

    A return is overdue when its quarter's due date has passed and the project has no submitted or
    verified return for that quarter.
    """
    return _overdue(projects, today=today).annotate(
        project_title=F("project__title"), lead_organisation=F("project__lead_organisation__name")
    )


def _overdue(projects: QuerySet[Project] | None, *, today: date) -> QuerySet[ExpectedReturn]:
    return expected_returns_outstanding(projects, today=today).filter(due_date__lt=today)


@dataclass(frozen=True)
class ProjectOverdue:
    """One project's overdue returns: its quarters, the longest overdue first."""

    project_id: int
    project_title: str
    lead_organisation: str
    quarters: list[Quarter]

    @property
    def first_due_date(self) -> date:
        return self.quarters[0].due_date


@dataclass(frozen=True)
class OverdueSummary:
    """How many returns are overdue from how many projects, and the projects longest overdue."""

    count: int
    project_count: int
    longest_overdue: list[ProjectOverdue]


def overdue_counts(overdue: QuerySet[ExpectedReturn]) -> tuple[int, int]:
    """How many overdue returns there are, and from how many projects."""
    counts = overdue.aggregate(count=Count("pk"), projects=Count("project", distinct=True))
    return counts["count"], counts["projects"]


def overdue_summary(projects: QuerySet[Project] | None, *, today: date, shown: int) -> OverdueSummary:
    """Overdue returns counted, and the `shown` projects whose oldest overdue return is oldest, in three queries
    (every project when `projects` is None: then each is read from the index of open returns alone)."""
    # Counted without the titles and names the rows show: joining them in made counting half as slow again.
    count, project_count = overdue_counts(_overdue(projects, today=today))
    overdue = overdue_returns(projects, today=today)
    first = _longest_overdue(overdue, shown)
    quarters: dict[int, list[Quarter]] = {project_id: [] for project_id in first}
    shown_rows = overdue.filter(project__in=list(quarters)).values_list("project_id", "period_start")
    for project_id, period_start in shown_rows:
        quarters[project_id].append(Quarter(period_start))
    return OverdueSummary(
        count,
        project_count,
        [ProjectOverdue(project_id, *names, quarters[project_id]) for project_id, names in first.items()],
    )


def _longest_overdue(overdue: QuerySet[ExpectedReturn], shown: int) -> dict[int, tuple[str, str]]:
    """The `shown` projects whose oldest overdue return is oldest (then by title), with title and lead.

    In the order overdue returns are listed, a project first appears at its oldest overdue return and at most
    once per due date, so the first `shown` projects met are the answer: read a few rows ahead rather than group
    every overdue return by project (one query unless a handful of projects fill many quarters).
    """
    first: dict[int, tuple[str, str]] = {}
    rows = overdue.values_list("project_id", "project_title", "lead_organisation")
    batch, offset = shown * 4, 0
    while len(first) < shown:
        chunk = list(rows[offset : offset + batch])
        for project_id, *names in chunk:
            first.setdefault(project_id, tuple(names))
        if len(chunk) < batch:
            break
        offset += batch
    return dict(list(first.items())[:shown])


@dataclass(frozen=True)
class ReturnsInQuarter:
    """Returns one ended quarter called for, how many have arrived, and how many of the rest are overdue."""

    quarter: Quarter
    expected: int
    received: int
    # Whether the quarter's due date has passed: then every return still outstanding is overdue.
    past_due: bool

    @property
    def outstanding(self) -> int:
        return self.expected - self.received

    @property
    def overdue(self) -> int:
        return self.outstanding if self.past_due else 0


@dataclass(frozen=True)
class ReturnsByQuarter:
    """Returns received against expected for each ended quarter, oldest first."""

    quarters: list[ReturnsInQuarter]

    @cached_property
    def chart(self) -> Chart:
        return bar_chart(
            [str(row.quarter) for row in self.quarters],
            [
                Series("Expected", tuple(row.expected for row in self.quarters), "expected"),
                Series("Received", tuple(row.received for row in self.quarters), "received"),
            ],
        )


def returns_by_quarter(projects: QuerySet[Project] | None, *, today: date) -> ReturnsByQuarter:
    """For each quarter that has ended, the returns expected of the projects that count and those received, in one
    query over the expected returns: what is overdue here, summed, is what overdue_returns lists."""
    quarters = (
        _expected_of(projects, today=today)
        .values("period_start")
        .annotate(expected=Count("pk"), received_count=Count("pk", filter=Q(received=True)))
        .order_by("period_start")
    )
    return ReturnsByQuarter(
        [
            ReturnsInQuarter(quarter, row["expected"], row["received_count"], past_due=quarter.due_date < today)
            for row in quarters
            for quarter in [Quarter(row["period_start"])]
        ]
    )
