"""Young people reached against targets: per project quarter by quarter, per funding programme, overall."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import Count, DateField, ExpressionWrapper, F, FloatField, Func, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce

from core.charts import Chart, Series, line_chart

from ..models import FundingProgramme, MonitoringReturn, Project, ReviewStatus
from ..periods import Quarter, quarters_between
from .projects import projects_active_on
from .returns import RECEIVED_RETURN_STATUSES


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
    """Reach against target per funding programme (projects under none come last), in three queries; the projects
    are filtered without joining rows that repeat them (as `projects_visible_to` gives them)."""
    counted = projects.counted()
    totals = {
        row["funding_programme"]: row
        for row in counted.order_by()
        .values("funding_programme")
        .annotate(projects=Count("pk"), target=Sum("target_reach", default=0))
    }
    # Joined from the projects' side: one join, where asking the returns for projects among these took two.
    reached = dict(
        counted.filter(returns__status=ReviewStatus.VERIFIED)
        .order_by()
        .values("funding_programme")
        .annotate(reached=Sum("returns__young_people_reached"))
        .values_list("funding_programme", "reached")
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
    older project first. Two queries: the ids ranked over narrow rows (returns aggregated by join rather than
    a subquery per project), then those few projects with their leads."""
    verified = Q(returns__status=ReviewStatus.VERIFIED)
    ranked = list(
        projects_active_on(projects, on)
        .filter(target_reach__gt=0)
        .annotate(reached=Coalesce(Sum("returns__young_people_reached", filter=verified), 0))
        .annotate(share=Cast(F("reached"), FloatField()) / F("target_reach"))
        .order_by("share", "start_date", "pk")
        .values_list("pk", "reached")[:limit]
    )
    found = Project.objects.select_related("lead_organisation").in_bulk([pk for pk, _ in ranked])
    for pk, reached in ranked:
        found[pk].reached = reached
    return [found[pk] for pk, _ in ranked]


@dataclass(frozen=True)
class ReachQuarter:
    """One quarter of a reach trajectory: verified reach in it and so far, and the target due by its end."""

    quarter: Quarter
    # None for quarters that have not started yet: nothing can have been reached in them.
    reached: int | None
    reached_so_far: int | None
    target_so_far: int


@dataclass(frozen=True)
class ReachTrajectory:
    """Verified reach quarter by quarter against the target spread evenly over each project's dates."""

    quarters: list[ReachQuarter]
    target: int

    @property
    def target_label(self) -> str:
        return f"{self.target:,}"

    @cached_property
    def chart(self) -> Chart:
        return line_chart(
            [str(row.quarter) for row in self.quarters],
            [
                Series("Target so far", tuple(row.target_so_far for row in self.quarters), "target"),
                Series("Reached so far (verified)", tuple(row.reached_so_far for row in self.quarters), "reached"),
            ],
        )


class _DaysBetween(Func):
    """Whole days from the first date to the second: PostgreSQL subtracts dates, SQLite their Julian day numbers."""

    arity = 2
    output_field = FloatField()

    def as_sql(self, compiler, connection, template="(%s - %s)", **extra_context):
        (first, first_params), (last, last_params) = (compiler.compile(date) for date in self.source_expressions)
        return template % (last, first), (*last_params, *first_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(julianday(%s) - julianday(%s))")


# Days since 1 January of year 1 are a day's `date.toordinal()` less one: the day before a project starts.
_DAY_ZERO = Value(date(1, 1, 1), output_field=DateField())


def _plans_by_day(counted: QuerySet[Project]) -> tuple[dict[int, tuple], dict[int, tuple]]:
    """The projects' targets per day, grouped in one query by the day they start and by the day they end.

    Per starting day: the targets per day of the projects starting then, and those rates times the day before
    each starts; per ending day the same for the projects ending then, and their whole targets.
    """
    target = Cast(Coalesce("target_reach", 0), FloatField())
    rate = ExpressionWrapper(target / (_DaysBetween("start_date", "end_date") + 1), output_field=FloatField())
    rated = ExpressionWrapper(rate * _DaysBetween(_DAY_ZERO, "start_date"), output_field=FloatField())
    sums = {"rate": Sum(rate), "rated": Sum(rated), "target": Sum(Coalesce("target_reach", 0))}
    columns = ("ending", "day", "rate", "rated", "target")
    grouped = [
        counted.order_by().annotate(ending=Value(ending), day=F(field)).values("ending", "day").annotate(**sums)
        for ending, field in ((False, "start_date"), (True, "end_date"))
    ]
    starting, ending = {}, {}
    for is_end, day, *figures in grouped[0].values_list(*columns).union(grouped[1].values_list(*columns), all=True):
        (ending if is_end else starting)[day.toordinal()] = figures
    return starting, ending


def _target_paces(starting: dict[int, tuple], ending: dict[int, tuple], quarters: list[Quarter]) -> list[int]:
    """For each quarter, the targets due by its end if each project reaches its target evenly day by day.

    A sweep over the days projects start and end (a few thousand, however many projects): a project still
    running adds target × (days run so far) / (days it runs), one that has ended its target.
    """
    start_days, end_days = sorted(starting), sorted(ending)
    started = ended = 0
    per_day = offset = finished = 0.0
    paces = []
    for quarter in quarters:
        day = quarter.end.toordinal()
        while started < len(start_days) and start_days[started] <= day:
            rate, rated, _ = starting[start_days[started]]
            per_day, offset, started = per_day + rate, offset + rated, started + 1
        while ended < len(end_days) and end_days[ended] <= day:
            rate, rated, target = ending[end_days[ended]]
            per_day, offset, finished, ended = per_day - rate, offset - rated, finished + target, ended + 1
        paces.append(round(finished + per_day * day - offset))
    return paces


def reach_trajectory(projects: QuerySet[Project], *, today: date) -> ReachTrajectory:
    """Verified reach by quarter, and so far, against the target so far, over the projects that count: two queries.

    The quarters run from the first project's start to the last one's end, so the target line ends at the
    whole target; reach stops at the current quarter. The projects are filtered without joining rows that repeat
    them (as every caller gives them), so the verified returns are joined from the projects' side once.
    """
    counted = projects.counted()
    starting, ending = _plans_by_day(counted)
    if not starting:
        return ReachTrajectory(quarters=[], target=0)
    by_quarter = Counter()
    for period_start, reached in (
        counted.filter(returns__status=ReviewStatus.VERIFIED)
        .order_by()
        .values("returns__period_start")
        .annotate(n=Sum("returns__young_people_reached"))
        .values_list("returns__period_start", "n")
    ):
        by_quarter[Quarter.containing(period_start)] += reached
    quarters = quarters_between(date.fromordinal(min(starting)), date.fromordinal(max(ending)))
    rows, so_far = [], 0
    for quarter, pace in zip(quarters, _target_paces(starting, ending, quarters), strict=True):
        started = quarter.start <= today
        so_far += by_quarter[quarter]
        rows.append(
            ReachQuarter(
                quarter=quarter,
                reached=by_quarter[quarter] if started else None,
                reached_so_far=so_far if started else None,
                target_so_far=pace,
            )
        )
    return ReachTrajectory(quarters=rows, target=sum(figures[2] for figures in ending.values()))
