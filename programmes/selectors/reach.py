"""Young people reached against targets: per project quarter by quarter, per funding programme, overall."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, FloatField, Q, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce

from ..models import FundingProgramme, MonitoringReturn, Project, ReviewStatus
from ..periods import Quarter
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
