"""What work runs in a borough, place or funding programme: reach, running projects, kinds of work, who does it."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet

from partners.models import Organisation

from ..models import ConsortiumMember, InterventionType, Project
from .projects import projects_active_on
from .reach import Reach, reach_of

# How many running projects and youth voice sessions a borough, place or programme page lists.
SHOWN = 10


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
