"""The youth voice log: the sessions, one session, and recording or updating one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from boroughs.models import Borough, Place
from boroughs.selectors import borough_by_code, places_to_offer
from core.errors import PortalError
from core.permissions import PermissionMixin

from .. import permissions
from ..filters import YouthVoiceSessionFilter, id_from, offer_places_by_borough
from ..forms.youth_voice import YouthVoiceSessionForm
from ..selectors.projects import projects_visible_to
from ..selectors.youth_voice import (
    projects_linkable_to_youth_voice,
    projects_to_offer,
    youth_voice_sessions_visible_to,
)
from ..services.youth_voice import youth_voice_session_record, youth_voice_session_update


class YouthVoiceSessionListView(FilterView):
    """The youth voice log: every session where young people shaped projects and services."""

    filterset_class = YouthVoiceSessionFilter
    template_name = "programmes/youth_voice_list.html"
    paginate_by = 20

    def get_queryset(self):
        return youth_voice_sessions_visible_to(self.request.user)

    def get_filterset(self, filterset_class):
        return offer_places_by_borough(super().get_filterset(filterset_class), self.request.GET)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_record=permissions.can_record_youth_voice_session.test(self.request.user), **kwargs
        )


class YouthVoiceSessionDetailView(DetailView):
    """One session: what young people asked for, what changed, and whether they have been told."""

    template_name = "programmes/youth_voice_detail.html"
    context_object_name = "session"

    def get_queryset(self):
        return youth_voice_sessions_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=permissions.can_edit_youth_voice_session.test(self.request.user, self.object), **kwargs
        )


class YouthVoiceSessionFormView(FormView):
    """What recording and updating a session share: the form, its project choices, and errors from the service."""

    form_class = YouthVoiceSessionForm
    template_name = "programmes/youth_voice_form.html"
    session = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        initial, data = kwargs["initial"], kwargs.get("data")

        def chosen(name: str) -> list[int]:
            """What the form shows as chosen: the starting answers, or what was just sent back."""
            sent = [id_from(value) for value in data.getlist(name)] if data else []
            return [*initial.get(name, []), *(pk for pk in sent if pk)]

        borough_id = id_from(data.get("borough")) if data else initial.get("borough")
        borough = Borough.objects.filter(pk=borough_id).first() if borough_id else None
        projects = projects_linkable_to_youth_voice(
            self.request.user, today=timezone.localdate(), keep=initial.get("projects", [])
        )
        return {
            **kwargs,
            "projects": projects,
            "project_offer": projects_to_offer(projects, keep=chosen("projects")),
            "place_offer": places_to_offer(borough=borough, keep=chosen("places")),
            "session": self.session,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)

    def form_valid(self, form):
        try:
            session = self.save(form.details())
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(session)


class YouthVoiceSessionCreateView(PermissionMixin, YouthVoiceSessionFormView):
    """Record a session; linked from a place (?place=) or a project (?project=) page, it starts filled in."""

    permission = permissions.can_record_youth_voice_session
    success_message = "Youth voice session recorded"

    def get_initial(self):
        project_id = id_from(self.request.GET.get("project"))
        projects = projects_visible_to(self.request.user).filter(pk=project_id) if project_id else []
        initial = {"projects": [project.pk for project in projects]}
        place_id, gss_code = id_from(self.request.GET.get("place")), self.request.GET.get("borough")
        place = Place.objects.filter(pk=place_id).first() if place_id else None
        borough = borough_by_code(gss_code) if not place else None
        if place:
            initial.update(borough=place.borough_id, places=[place.pk])
        elif borough:
            initial["borough"] = borough.pk
        return initial

    def save(self, details):
        return youth_voice_session_record(recorded_by=self.request.user, details=details)


class YouthVoiceSessionUpdateView(PermissionMixin, YouthVoiceSessionFormView):
    """Update a session, such as saying what changed; only for VRU staff or an organisation involved in it."""

    permission = permissions.can_edit_youth_voice_session
    success_message = "Youth voice session updated"

    def get_permission_object(self):
        self.session = get_object_or_404(youth_voice_sessions_visible_to(self.request.user), pk=self.kwargs["pk"])
        return self.session

    def get_initial(self):
        return YouthVoiceSessionForm.initial_for(self.session)

    def save(self, details):
        return youth_voice_session_update(session=self.session, changed_by=self.request.user, details=details)
