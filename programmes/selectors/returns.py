"""Which monitoring returns a user sees, and which quarters are owed or overdue."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import NamedTuple

from django.db.models import Prefetch, Q, QuerySet

from core.charts import Chart, Series, bar_chart
from core.roles import sees_everything

from ..models import MonitoringReturn, Project, ReviewStatus
from ..periods import RETURN_DUE_AFTER_DAYS, Quarter, quarter_number, quarters_between
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


def returns_outstanding(*, organisation, today: date) -> list[OutstandingReturn]:
    """Returns the organisation owes for the projects it leads, earliest due first.

    A return is expected for every financial quarter that has ended and that a project (neither a
    draft nor cancelled) runs through; it is outstanding until one for that quarter is submitted. Quarters
    of assumed dates are not owed: nobody knows the project ran through them.
    """
    projects = (
        Project.objects.counted()
        .filter(lead_organisation=organisation, start_date__lte=today, dates_assumed=False)
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
    verified return for that quarter (a draft, or one returned for changes, does not count). A project whose
    dates are assumed (One Flow's: the source gives none) owes no return on them.
    """
    counted = projects.counted().filter(
        dates_assumed=False, start_date__lte=today - timedelta(days=RETURN_DUE_AFTER_DAYS)
    )
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


def returns_by_quarter(projects: QuerySet[Project], *, today: date) -> ReturnsByQuarter:
    """For each quarter that has ended, the returns expected of the projects that count and those received: two
    queries. Expected and overdue follow overdue_returns: what is overdue here, summed, is what it lists."""
    counted = projects.counted().filter(start_date__lte=today, dates_assumed=False)
    rows = list(counted.order_by().values_list("pk", "start_date", "end_date"))
    ended = [
        quarter
        for quarter in quarters_between(min((row[1] for row in rows), default=today), today)
        if quarter.end < today
    ]
    if not ended:
        return ReturnsByQuarter([])
    first = quarter_number(ended[0].start)
    last = first + len(ended) - 1
    received = {
        project_id * PAIR_BASE + quarter_number(period_start)
        for project_id, period_start in MonitoringReturn.objects.filter(
            status__in=RECEIVED_RETURN_STATUSES, project__in=counted.values("pk")
        )
        .order_by()
        .values_list("project_id", "period_start")
    }
    expected, arrived = [0] * len(ended), [0] * len(ended)
    for pk, start, end in rows:
        pair = pk * PAIR_BASE
        for number in range(quarter_number(start), min(quarter_number(end), last) + 1):
            expected[number - first] += 1
            arrived[number - first] += pair + number in received
    return ReturnsByQuarter(
        [
            ReturnsInQuarter(quarter, due, got, past_due=quarter.due_date < today)
            for quarter, due, got in zip(ended, expected, arrived, strict=True)
        ]
    )
