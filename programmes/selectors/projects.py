"""Which projects a user sees, and with what the project pages read."""

from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from boroughs.models import Place
from core.roles import sees_everything

from ..models import ConsortiumMember, Project, ProjectStatus


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


def projects_active_on(projects: QuerySet[Project], day: date) -> QuerySet[Project]:
    """The projects that count (not drafts, not cancelled) and run on a given day."""
    return projects.counted().active_between(day, day)
