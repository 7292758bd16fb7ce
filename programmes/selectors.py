"""Reads of projects, scoped to the user asking."""

from django.db.models import Q, QuerySet

from .models import Project, ProjectStatus


def projects_visible_to(user) -> QuerySet[Project]:
    """Projects this user may see: VRU staff and administrators see all; a youth lead sees the
    partnership's projects except other organisations' drafts."""
    projects = Project.objects.all()
    if user.is_vru_staff or user.is_superuser:
        return projects
    own = Q(lead_organisation=user.organisation_id) | Q(consortium_members__organisation=user.organisation_id)
    own_ids = Project.objects.filter(own).values("pk")
    return projects.filter(~Q(status=ProjectStatus.DRAFT) | Q(pk__in=own_ids))
