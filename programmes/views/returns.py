"""Monitoring return pages: the return, making and changing one, submitting and deleting it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, FormView

from core.errors import PortalError
from core.permissions import PermissionMixin

from .. import permissions
from ..forms.returns import MonitoringReturnForm
from ..selectors.history import return_history
from ..selectors.returns import quarters_awaiting_returns, return_pages_for
from ..services.returns import return_create, return_delete, return_submit, return_update
from .actions import ActionView
from .projects import ProjectObjectMixin


class ReturnObjectMixin(PermissionMixin):
    """The monitoring return named in the URL, as the user may see it (404 otherwise)."""

    def get_permission_object(self):
        return get_object_or_404(return_pages_for(self.request.user), pk=self.kwargs["pk"])


class ReturnDetailView(DetailView):
    """One quarter's monitoring return: figures, narrative, review and history."""

    template_name = "programmes/return_detail.html"
    context_object_name = "monitoring_return"

    def get_queryset(self):
        return return_pages_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            history=return_history(self.object),
            **permissions.return_permissions(self.request.user, self.object),
            **kwargs,
        )


class ReturnFormView(FormView):
    """The return form: a new quarter's figures for a project, or changes to a return's figures."""

    form_class = MonitoringReturnForm
    template_name = "programmes/return_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, monitoring_return=self.monitoring_return, **kwargs)

    def form_valid(self, form):
        try:
            monitoring_return = self.save(form)
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(self.request, f"The return for {monitoring_return.quarter} is saved.")
        return redirect(monitoring_return)


class ReturnCreateView(ProjectObjectMixin, ReturnFormView):
    permission = permissions.can_create_return
    monitoring_return = None

    @property
    def project(self):
        return self.object

    def get_form_kwargs(self):
        quarters = quarters_awaiting_returns(self.project, today=timezone.localdate())
        return {**super().get_form_kwargs(), "quarters": quarters}

    def save(self, form):
        return return_create(
            author=self.request.user,
            project=self.project,
            quarter=form.cleaned_data["quarter"],
            fields=form.return_fields(),
        )


class ReturnEditView(ReturnObjectMixin, ReturnFormView):
    permission = permissions.can_edit_return

    @property
    def project(self):
        return self.object.project

    @property
    def monitoring_return(self):
        return self.object

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def save(self, form):
        return return_update(
            editor=self.request.user,
            monitoring_return=self.object,
            version=form.cleaned_data["version"],
            fields=form.return_fields(),
        )


class ReturnSubmitView(ReturnObjectMixin, ActionView):
    permission = permissions.can_submit_return
    heading = "Submit this return to the VRU"
    button = "Submit for verification"
    done = "The return for {subject.quarter} is submitted. The VRU will verify it or return it with a comment."

    def perform(self, form):
        return_submit(monitoring_return=self.object, user=self.request.user, version=form.cleaned_data["version"])


class ReturnDeleteView(ReturnObjectMixin, ActionView):
    permission = permissions.can_delete_return
    heading = "Delete this draft return"
    button = "Delete the draft"
    button_class = "govuk-button govuk-button--warning"
    done = "The draft return for {subject.quarter} is deleted."

    def perform(self, form):
        return_delete(monitoring_return=self.object, user=self.request.user, version=form.cleaned_data["version"])

    def success_url_for(self):
        return self.object.project
