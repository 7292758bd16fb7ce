"""Reads of background jobs, scoped to the user asking: their own, or every one for VRU staff."""

from django.db.models import QuerySet
from django.http import QueryDict

from programmes.filters import ProjectFilter, url_parameters
from programmes.selectors.projects import projects_visible_to
from programmes.selectors.register import filters_chosen

from .models import ExportJob, ImportJob


def _visible(jobs: QuerySet, user) -> QuerySet:
    jobs = jobs.select_related("requested_by", "organisation")
    return jobs if user.is_vru_staff else jobs.filter(requested_by=user)


def export_jobs_visible_to(user) -> QuerySet[ExportJob]:
    """Exports this user may follow and download."""
    return _visible(ExportJob.objects.all(), user)


def import_jobs_visible_to(user) -> QuerySet[ImportJob]:
    """Imports this user may follow."""
    return _visible(ImportJob.objects.all(), user)


def export_params(query: QueryDict) -> dict:
    """The register's URL parameters as a JSON value a task can carry (unknown and blank ones dropped)."""
    known = url_parameters(ProjectFilter)
    return {key: values for key, values in query.lists() if key in known and any(values)}


def register_filter(user, params: dict) -> ProjectFilter:
    """The register's filters as they were when an export was asked for, over the projects this user sees."""
    data = QueryDict(mutable=True)
    for key, values in params.items():
        data.setlist(key, values)
    return ProjectFilter(data=data, queryset=projects_visible_to(user))


def filter_summary(filterset: ProjectFilter) -> list[tuple[str, str]]:
    """Each filter in use, as its label and the value chosen, for a person to read (as the register shows them)."""
    return [(label, str(shown)) for _, label, shown in filters_chosen(filterset)]
