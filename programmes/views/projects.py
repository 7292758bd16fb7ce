"""Project pages: the project, logging and changing it with its consortium, submitting and deleting it."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.validators import slug_re
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from boroughs.models import Place
from boroughs.selectors import borough_by_code
from core.errors import PortalError
from core.permissions import PermissionMixin

from .. import permissions
from ..filters import id_from
from ..forms.projects import ProjectForm, consortium_formset
from ..models import InterventionType, ProjectStatus
from ..selectors.history import project_history
from ..selectors.projects import project_pages_for
from ..selectors.reach import project_reach, reach_trajectory
from ..selectors.returns import project_returns_for
from ..selectors.youth_voice import youth_voice_sessions_visible_to
from ..services.projects import project_create, project_delete, project_submit, project_update
from .actions import ActionView


class ProjectObjectMixin(PermissionMixin):
    """The project named in the URL, as the user may see it (404 otherwise)."""

    def get_permission_object(self):
        return get_object_or_404(project_pages_for(self.request.user), pk=self.kwargs["pk"])


class ProjectDetailView(DetailView):
    """Everything about one project: details, consortium, places, returns, reach against target, history."""

    template_name = "programmes/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return project_pages_for(self.request.user)

    def get_context_data(self, **kwargs):
        project, user = self.object, self.request.user
        returns = project_returns_for(user, project)
        return super().get_context_data(
            returns=returns,
            reach=project_reach(project, returns),
            trajectory=reach_trajectory(self.get_queryset().filter(pk=project.pk), today=timezone.localdate()),
            history=project_history(project),
            youth_voice_sessions=youth_voice_sessions_visible_to(user).filter(projects=project)[:10],
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


def project_start(query) -> dict:
    """A new project's borough, place and kind of work when a link names them (a coverage gap's "log a project
    there": ?place=<id> or ?borough=<GSS code>, and ?intervention_type=<slug>); unknown values are ignored."""
    initial = {}
    place = Place.objects.filter(pk=id_from(query.get("place"))).first() if id_from(query.get("place")) else None
    borough = borough_by_code(query.get("borough")) if not place else None
    if place:
        initial |= {"boroughs": [place.borough_id], "places": [place.pk]}
    elif borough:
        initial["boroughs"] = [borough.pk]
    slug = query.get("intervention_type")
    if slug and slug_re.fullmatch(slug) and (kind := InterventionType.objects.filter(slug=slug).first()):
        initial["intervention_types"] = [kind.pk]
    return initial


class ProjectCreateView(PermissionMixin, ProjectFormView):
    permission = permissions.can_create_project

    def forms(self, data=None):
        user = self.request.user
        initial = {"lead_organisation": user.organisation_id, **project_start(self.request.GET)}
        form = ProjectForm(data, initial=initial, author=user)
        return form, consortium_formset(data)

    def save(self, form, formset):
        return project_create(
            author=self.request.user,
            lead_organisation=form.cleaned_data["lead_organisation"],
            **self.relations(form, formset),
        )

    def success_message(self, project):
        return f"“{project}” is saved as a draft. Submit it when it is ready for the VRU to check."


class ProjectEditView(ProjectObjectMixin, ProjectFormView):
    permission = permissions.can_edit_project

    def save(self, form, formset):
        return project_update(
            editor=self.request.user,
            project=self.object,
            version=form.cleaned_data["version"],
            **self.relations(form, formset),
        )

    def success_message(self, project):
        if project.status == ProjectStatus.SUBMITTED and self.object.status == ProjectStatus.VERIFIED:
            return f"Your changes to “{project}” are saved. It was verified, so it goes back to the VRU to check."
        return f"Your changes to “{project}” are saved."


class ProjectSubmitView(ProjectObjectMixin, ActionView):
    permission = permissions.can_submit_project
    heading = "Submit this project to the VRU"
    button = "Submit for verification"
    done = "“{subject}” is submitted. The VRU will verify it or return it with a comment."

    def perform(self, form):
        project_submit(project=self.object, user=self.request.user, version=form.cleaned_data["version"])


class ProjectDeleteView(ProjectObjectMixin, ActionView):
    permission = permissions.can_delete_project
    heading = "Delete this draft project"
    button = "Delete the draft"
    button_class = "govuk-button govuk-button--warning"
    done = "The draft “{subject}” is deleted."

    def perform(self, form):
        project_delete(project=self.object, user=self.request.user, version=form.cleaned_data["version"])

    def success_url_for(self):
        return "home"
