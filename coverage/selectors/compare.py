"""What the overlap comparison reads beside the analysis's plain data: each project's description, kinds of
work, target, verified reach so far and funding, in two queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from programmes.models import ReviewStatus
from programmes.selectors.projects import projects_visible_to


@dataclass(frozen=True)
class ProjectDetails:
    """A project's facts a decision on an overlap needs, beyond who, where, when and for which ages."""

    description: str
    kinds_of_work: tuple[str, ...]
    target: int | None
    target_note: str
    reached: int
    funding_programme: str
    funding_amount: Decimal | None


def project_details(*, user, project_ids) -> dict[int, ProjectDetails]:
    """Each of these projects this user may see, by id: young people reached is the sum of verified returns."""
    projects = (
        projects_visible_to(user)
        .filter(pk__in=project_ids)
        .select_related("funding_programme")
        .prefetch_related("intervention_types")
        .annotate(
            reached=Sum("returns__young_people_reached", filter=Q(returns__status=ReviewStatus.VERIFIED), default=0)
        )
    )
    return {
        project.pk: ProjectDetails(
            description=project.description,
            kinds_of_work=tuple(kind.name for kind in project.intervention_types.all()),
            target=project.target_reach,
            target_note=project.target_reach_note,
            reached=project.reached,
            funding_programme=project.funding_programme.name if project.funding_programme else "",
            funding_amount=project.funding_amount,
        )
        for project in projects
    }
