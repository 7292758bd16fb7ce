"""An organisation's projects, as the user asking may see them."""

from django.db.models import Q, QuerySet

from ..models import ConsortiumMember, Project
from .projects import projects_visible_to


def organisation_projects_for(user, organisation) -> QuerySet[Project]:
    """Visible projects the organisation leads or is a consortium member of, newest first."""
    member_of = ConsortiumMember.objects.filter(organisation=organisation).values("project_id")
    return (
        projects_visible_to(user)
        .filter(Q(lead_organisation=organisation) | Q(pk__in=member_of))
        .select_related("lead_organisation")
        .order_by("-start_date", "title", "pk")
    )
