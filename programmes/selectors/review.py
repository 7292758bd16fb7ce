"""The VRU's review queue: projects and returns waiting to be verified, longest waiting first."""

from django.db.models import F, QuerySet

from ..models import MonitoringReturn, Project, ProjectStatus, ReviewStatus


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
