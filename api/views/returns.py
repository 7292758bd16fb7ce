"""Monitoring returns: those you may see, starting one for a project's quarter, changing and submitting it."""

from django.urls import reverse
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import status

from programmes import permissions
from programmes.forms.returns import MonitoringReturnForm
from programmes.models import MonitoringReturn, ReviewStatus
from programmes.selectors.projects import project_pages_for
from programmes.selectors.returns import quarters_awaiting_returns, return_pages_for
from programmes.services.returns import return_create, return_submit, return_update

from ..concurrency import version_matched
from ..errors import READ_ERRORS, WRITE_ERRORS
from ..filtering import PageFilterBackend
from ..forms_data import form_errors, return_as_input, return_form_data
from ..idempotency import idempotent
from ..serializers import MonitoringReturnSerializer, ReturnInputSerializer
from .base import PortalAPIView, allowed, body_of, changed, created, scoped, valid, visible, with_etag
from .projects import IDEMPOTENCY_KEY, IF_MATCH


class ReturnFilter(filters.FilterSet):
    """The returns list narrowed to a project or a review status."""

    status = filters.ChoiceFilter(choices=ReviewStatus.choices)

    class Meta:
        model = MonitoringReturn
        fields = ["project", "status"]


def return_form(body: dict, monitoring_return=None, *, quarters=()) -> MonitoringReturnForm:
    """The return page's form filled from a JSON body, with every error it finds."""
    data = return_form_data(body)
    if monitoring_return is None:
        form = MonitoringReturnForm(data, quarters=list(quarters))
    else:
        form = MonitoringReturnForm(data, instance=monitoring_return)
    valid([] if form.is_valid() else form_errors(form))
    return form


def return_response(request, monitoring_return, **kwargs):
    monitoring_return = visible(return_pages_for(request.user), monitoring_return.pk)
    return with_etag(MonitoringReturnSerializer(monitoring_return).data, monitoring_return, **kwargs)


class ReturnListView(PortalAPIView):
    """Every monitoring return you may see (other organisations' drafts are not among them)."""

    serializer_class = MonitoringReturnSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = ReturnFilter

    def get_queryset(self):
        return scoped(self, return_pages_for, MonitoringReturn).order_by("project_id", "period_start")

    @extend_schema(responses={200: MonitoringReturnSerializer(many=True), **READ_ERRORS})
    def get(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(MonitoringReturnSerializer(page, many=True).data)


class ProjectReturnListView(PortalAPIView):
    """One project's returns that you may see; start a return for one of its quarters (its lead's youth leads)."""

    serializer_class = MonitoringReturnSerializer

    def get_queryset(self):
        project = visible(project_pages_for(self.request.user), self.kwargs["pk"])
        return return_pages_for(self.request.user).filter(project=project).order_by("period_start")

    @extend_schema(responses={200: MonitoringReturnSerializer(many=True), **READ_ERRORS})
    def get(self, request, pk):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(MonitoringReturnSerializer(page, many=True).data)

    @extend_schema(
        request=ReturnInputSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={201: MonitoringReturnSerializer, **WRITE_ERRORS},
    )
    def post(self, request, pk):
        """Start a draft return for a quarter (its first day in `quarter`), checked as the return form checks it."""
        project = visible(project_pages_for(request.user), pk)
        allowed(permissions.can_create_return, request.user, project)
        return idempotent(request, lambda: self.create(request, project))

    def create(self, request, project):
        form = return_form(body_of(request), quarters=quarters_awaiting_returns(project, today=timezone.localdate()))
        monitoring_return = created(
            return_create,
            author=request.user,
            project=project,
            quarter=form.cleaned_data["quarter"],
            fields=form.return_fields(),
        )
        location = reverse("api:return-detail", args=[monitoring_return.pk])
        return return_response(request, monitoring_return, status_code=status.HTTP_201_CREATED, location=location)


class ReturnDetailView(PortalAPIView):
    """One monitoring return; change its figures with If-Match."""

    serializer_class = MonitoringReturnSerializer

    def get_object(self):
        return visible(return_pages_for(self.request.user), self.kwargs["pk"])

    @extend_schema(responses={200: MonitoringReturnSerializer, **READ_ERRORS})
    def get(self, request, pk):
        monitoring_return = self.get_object()
        return with_etag(MonitoringReturnSerializer(monitoring_return).data, monitoring_return)

    @extend_schema(
        request=ReturnInputSerializer,
        parameters=[IF_MATCH],
        responses={200: MonitoringReturnSerializer, **WRITE_ERRORS},
    )
    def patch(self, request, pk):
        """Change a return's figures; figures left out keep their values. Verified work goes back to the VRU."""
        monitoring_return = self.get_object()
        allowed(permissions.can_edit_return, request.user, monitoring_return)
        version_matched(request, monitoring_return)
        form = return_form({**return_as_input(monitoring_return), **body_of(request)}, monitoring_return)
        monitoring_return = changed(
            request,
            monitoring_return,
            permissions.can_edit_return,
            return_update,
            editor=request.user,
            monitoring_return=monitoring_return,
            fields=form.return_fields(),
        )
        return return_response(request, monitoring_return)


class ReturnSubmitView(PortalAPIView):
    """Send a draft or returned monitoring return to the VRU."""

    serializer_class = MonitoringReturnSerializer

    @extend_schema(request=None, parameters=[IF_MATCH], responses={200: MonitoringReturnSerializer, **WRITE_ERRORS})
    def post(self, request, pk):
        monitoring_return = visible(return_pages_for(request.user), pk)
        monitoring_return = changed(
            request,
            monitoring_return,
            permissions.can_submit_return,
            return_submit,
            monitoring_return=monitoring_return,
            user=request.user,
        )
        return return_response(request, monitoring_return)
