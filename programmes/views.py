"""Pages for logging projects and returns and for the VRU's review: each reads a selector or calls one service."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, FormView, TemplateView

from core.errors import PortalError
from core.permissions import PermissionMixin

from . import permissions, selectors, services
from .forms import ConfirmForm, MonitoringReturnForm, ProjectForm, ReviewForm, consortium_formset
from .models import ProjectStatus

QUEUE_PAGE_SIZE = 50


class ProjectObjectMixin(PermissionMixin):
    """The project named in the URL, as the user may see it (404 otherwise)."""

    def get_permission_object(self):
        return get_object_or_404(selectors.project_pages_for(self.request.user), pk=self.kwargs["pk"])


class ReturnObjectMixin(PermissionMixin):
    """The monitoring return named in the URL, as the user may see it (404 otherwise)."""

    def get_permission_object(self):
        return get_object_or_404(selectors.return_pages_for(self.request.user), pk=self.kwargs["pk"])


class ProjectDetailView(DetailView):
    """Everything about one project: details, consortium, places, returns, reach against target, history."""

    template_name = "programmes/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return selectors.project_pages_for(self.request.user)

    def get_context_data(self, **kwargs):
        project, user = self.object, self.request.user
        returns = selectors.project_returns_for(user, project)
        return super().get_context_data(
            returns=returns,
            reach=selectors.project_reach(project, returns),
            history=selectors.project_history(project),
            youth_voice_sessions=selectors.youth_voice_sessions_visible_to(user).filter(projects=project)[:10],
            can_record_youth_voice=permissions.can_record_youth_voice_session.test(user),
            record_query=urlencode({"project": project.pk}),
            **permissions.project_permissions(user, project),
            **kwargs,
        )


class ProjectFormView(TemplateView):
    """The project form and its consortium rows, saved together by one service call."""

    template_name = "programmes/project_form.html"

    def forms(self, data=None):
        project = self.object
        return ProjectForm(data, instance=project), consortium_formset(data, project=project)

    def get(self, request, *args, **kwargs):
        return self.render_forms(*self.forms())

    def render_forms(self, form, formset):
        return self.render_to_response(self.get_context_data(form=form, formset=formset, project=self.object))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                project = self.save(form, formset)
            except PortalError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, self.success_message(project))
                return redirect(project)
        return self.render_forms(form, formset)

    def relations(self, form, formset) -> dict:
        return {
            "fields": form.project_fields(),
            "boroughs": form.cleaned_data["boroughs"],
            "places": form.cleaned_data["places"],
            "intervention_types": form.cleaned_data["intervention_types"],
            "consortium": formset.members(),
        }


class ProjectCreateView(PermissionMixin, ProjectFormView):
    permission = permissions.can_create_project

    def forms(self, data=None):
        form = ProjectForm(data, initial={"lead_organisation": self.request.user.organisation_id})
        return form, consortium_formset(data)

    def save(self, form, formset):
        return services.project_create(
            author=self.request.user,
            lead_organisation=form.cleaned_data["lead_organisation"],
            **self.relations(form, formset),
        )

    def success_message(self, project):
        return f"“{project}” is saved as a draft. Submit it when it is ready for the VRU to check."


class ProjectEditView(ProjectObjectMixin, ProjectFormView):
    permission = permissions.can_edit_project

    def save(self, form, formset):
        return services.project_update(
            editor=self.request.user,
            project=self.object,
            version=form.cleaned_data["version"],
            **self.relations(form, formset),
        )

    def success_message(self, project):
        if project.status == ProjectStatus.SUBMITTED and self.object.status == ProjectStatus.VERIFIED:
            return f"Your changes to “{project}” are saved. It was verified, so it goes back to the VRU to check."
        return f"Your changes to “{project}” are saved."


class ActionView(FormView):
    """Confirm (GET) and do (POST) one action on a project or return; refusals are shown, never a 500."""

    form_class = ConfirmForm
    template_name = "programmes/confirm_action.html"
    # What the page says: its heading, the button, and the message after success.
    heading = button = done = ""
    button_class = "govuk-button"

    def get_initial(self):
        return {"version": self.object.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.object, heading=self.heading, button=self.button, button_class=self.button_class, **kwargs
        )

    def form_valid(self, form):
        try:
            self.perform(form)
        except PortalError as error:
            if error.field in form.fields:
                form.add_error(error.field, error.message)
                return self.form_invalid(form)
            messages.error(self.request, error.message)
            return redirect(self.object)
        messages.success(self.request, self.done.format(subject=self.object))
        return redirect(self.success_url_for())

    def success_url_for(self):
        return self.object


class ProjectSubmitView(ProjectObjectMixin, ActionView):
    permission = permissions.can_submit_project
    heading = "Submit this project to the VRU"
    button = "Submit for verification"
    done = "“{subject}” is submitted. The VRU will verify it or return it with a comment."

    def perform(self, form):
        services.project_submit(project=self.object, user=self.request.user, version=form.cleaned_data["version"])


class ProjectDeleteView(ProjectObjectMixin, ActionView):
    permission = permissions.can_delete_project
    heading = "Delete this draft project"
    button = "Delete the draft"
    button_class = "govuk-button govuk-button--warning"
    done = "The draft “{subject}” is deleted."

    def perform(self, form):
        services.project_delete(project=self.object, user=self.request.user, version=form.cleaned_data["version"])

    def success_url_for(self):
        return "home"


class ReviewView(ActionView):
    """The VRU's decision on a submitted project or return."""

    form_class = ReviewForm
    template_name = "programmes/review_form.html"

    def perform(self, form):
        verify = form.cleaned_data["decision"] == ReviewForm.VERIFY
        self.done = "“{subject}” is verified." if verify else "“{subject}” is returned to its organisation."
        (self.verify if verify else self.send_back)(
            reviewer=self.request.user, version=form.cleaned_data["version"], comment=form.cleaned_data["comment"]
        )


class ProjectReviewView(ProjectObjectMixin, ReviewView):
    permission = permissions.can_review_project
    heading = "Review this project"

    def verify(self, **decision):
        services.project_verify(project=self.object, **decision)

    def send_back(self, **decision):
        services.project_send_back(project=self.object, **decision)


class ReturnDetailView(DetailView):
    """One quarter's monitoring return: figures, narrative, review and history."""

    template_name = "programmes/return_detail.html"
    context_object_name = "monitoring_return"

    def get_queryset(self):
        return selectors.return_pages_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            history=selectors.return_history(self.object),
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
        quarters = selectors.quarters_awaiting_returns(self.project, today=timezone.localdate())
        return {**super().get_form_kwargs(), "quarters": quarters}

    def save(self, form):
        return services.return_create(
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
        return services.return_update(
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
        services.return_submit(
            monitoring_return=self.object, user=self.request.user, version=form.cleaned_data["version"]
        )


class ReturnDeleteView(ReturnObjectMixin, ActionView):
    permission = permissions.can_delete_return
    heading = "Delete this draft return"
    button = "Delete the draft"
    button_class = "govuk-button govuk-button--warning"
    done = "The draft return for {subject.quarter} is deleted."

    def perform(self, form):
        services.return_delete(
            monitoring_return=self.object, user=self.request.user, version=form.cleaned_data["version"]
        )

    def success_url_for(self):
        return self.object.project


class ReturnReviewView(ReturnObjectMixin, ReviewView):
    permission = permissions.can_review_return
    heading = "Review this return"

    def verify(self, **decision):
        services.return_verify(monitoring_return=self.object, **decision)

    def send_back(self, **decision):
        services.return_send_back(monitoring_return=self.object, **decision)


class ReviewQueueView(PermissionMixin, TemplateView):
    """Projects and returns waiting for the VRU, longest waiting first, each list paged on its own."""

    permission = permissions.can_see_review_queue
    template_name = "programmes/review_queue.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET
        projects = Paginator(selectors.review_queue_projects(), QUEUE_PAGE_SIZE).get_page(query.get("projects_page"))
        returns = Paginator(selectors.review_queue_returns(), QUEUE_PAGE_SIZE).get_page(query.get("returns_page"))
        return super().get_context_data(projects=projects, returns=returns, **kwargs)


class HomeView(TemplateView):
    """The signed-in landing page: a youth lead goes to their organisation's page; VRU staff see their queue."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        if request.user.is_youth_lead:
            return redirect(request.user.organisation)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"name": user.get_full_name() or user.username}
        if permissions.can_see_review_queue.test(user):
            context |= {
                "projects_waiting": selectors.review_queue_projects().count(),
                "returns_waiting": selectors.review_queue_returns().count(),
            }
        return super().get_context_data(**context, **kwargs)
