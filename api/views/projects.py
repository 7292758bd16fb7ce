"""Projects: the register's list (same filters and ordering), one project, logging, changing and submitting it."""

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status

from programmes import permissions
from programmes.filters import ProjectFilter
from programmes.forms.projects import ProjectForm, consortium_formset
from programmes.models import Project
from programmes.selectors.projects import project_pages_for
from programmes.services.projects import project_create, project_submit, project_update
from programmes.views.projects import ProjectFormView

from ..concurrency import version_matched
from ..errors import READ_ERRORS, WRITE_ERRORS
from ..filtering import PageFilterBackend
from ..forms_data import form_errors, formset_errors, project_as_input, project_form_data
from ..idempotency import idempotent
from ..serializers import ProjectInputSerializer, ProjectSerializer
from .base import PortalAPIView, allowed, body_of, changed, created, scoped, valid, visible, with_etag

IF_MATCH = OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=True, description="The ETag read.")
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key", str, OpenApiParameter.HEADER, description="A retry with the same key makes nothing new."
)


def project_forms(body: dict, project=None):
    """The project page's form and consortium rows, filled from a JSON body, with every error they find."""
    data = project_form_data(body)
    form = ProjectForm(data, instance=project) if project else ProjectForm(data)
    formset = consortium_formset(data, project=project)
    valid(
        [] if form.is_valid() else form_errors(form),
        [] if formset.is_valid() else formset_errors(formset, "consortium"),
    )
    return form, formset


def project_response(request, project, **kwargs):
    project = visible(project_pages_for(request.user), project.pk)
    return with_etag(ProjectSerializer(project).data, project, **kwargs)


class ProjectListView(PortalAPIView):
    """The register: every project you may see, with the register's filters and `ordering`; log a new project."""

    serializer_class = ProjectSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = ProjectFilter

    def get_queryset(self):
        return scoped(self, project_pages_for, Project)

    @extend_schema(responses={200: ProjectSerializer(many=True), **READ_ERRORS})
    def get(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(ProjectSerializer(page, many=True).data)

    @extend_schema(
        request=ProjectInputSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={201: ProjectSerializer, **WRITE_ERRORS},
    )
    def post(self, request):
        """Log a draft project (youth leads): checked as the project form checks it."""
        allowed(permissions.can_create_project, request.user)
        return idempotent(request, lambda: self.create(request))

    def create(self, request):
        form, formset = project_forms(body_of(request))
        project = created(
            project_create,
            author=request.user,
            lead_organisation=form.cleaned_data["lead_organisation"],
            # The page's own translation of its form and rows into the service's arguments.
            **ProjectFormView.relations(self, form, formset),
        )
        location = reverse("api:project-detail", args=[project.pk])
        return project_response(request, project, status_code=status.HTTP_201_CREATED, location=location)


class ProjectDetailView(PortalAPIView):
    """One project (another organisation's draft is a 404); change it with If-Match."""

    serializer_class = ProjectSerializer

    def get_object(self):
        return visible(project_pages_for(self.request.user), self.kwargs["pk"])

    @extend_schema(responses={200: ProjectSerializer, **READ_ERRORS})
    def get(self, request, pk):
        project = self.get_object()
        return with_etag(ProjectSerializer(project).data, project)

    @extend_schema(
        request=ProjectInputSerializer, parameters=[IF_MATCH], responses={200: ProjectSerializer, **WRITE_ERRORS}
    )
    def patch(self, request, pk):
        """Change a project; fields left out keep their values. Verified work goes back to the VRU."""
        project = self.get_object()
        allowed(permissions.can_edit_project, request.user, project)
        version_matched(request, project)  # A stale write is told so before its fields are checked.
        form, formset = project_forms({**project_as_input(project), **body_of(request)}, project)
        project = changed(
            request,
            project,
            permissions.can_edit_project,
            project_update,
            editor=request.user,
            project=project,
            **ProjectFormView.relations(self, form, formset),
        )
        return project_response(request, project)


class ProjectSubmitView(PortalAPIView):
    """Send a draft or returned project to the VRU."""

    serializer_class = ProjectSerializer

    @extend_schema(request=None, parameters=[IF_MATCH], responses={200: ProjectSerializer, **WRITE_ERRORS})
    def post(self, request, pk):
        project = visible(project_pages_for(request.user), pk)
        project = changed(
            request, project, permissions.can_submit_project, project_submit, project=project, user=request.user
        )
        return project_response(request, project)
