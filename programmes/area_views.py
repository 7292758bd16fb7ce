"""Pages about a borough, a place or an organisation: the partnership's work there, read through selectors."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from boroughs.models import Borough, Place
from boroughs.selectors import landlords_in_borough, places_of
from partners.models import Organisation
from partners.permissions import can_invite_people
from partners.selectors import people_in

from . import permissions, selectors
from .filters import projects_covering_place, projects_in_borough
from .permissions import can_create_return, can_log_project_for
from .selectors import (
    boroughs_with_counts,
    place_project_counts,
    projects_running_on,
    projects_visible_to,
    work_summary,
    youth_voice_sessions_visible_to,
)

SHOWN = 10
PROJECTS_PAGE_SIZE = 25
# The organisation page lists this many outstanding returns, earliest due first, and counts the rest.
OUTSTANDING_SHOWN = 100


class BoroughListView(TemplateView):
    """All 33 London areas with their places and the projects running there today."""

    template_name = "programmes/borough_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            today=today, boroughs=boroughs_with_counts(self.request.user, on=today), **kwargs
        )


class BoroughDetailView(DetailView):
    """One borough: reach, the work running there, who does it, its places and its youth voice sessions."""

    model = Borough
    template_name = "programmes/borough_detail.html"
    slug_field = "gss_code"
    slug_url_kwarg = "gss_code"
    context_object_name = "borough"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        projects = projects_visible_to(self.request.user).filter(projects_in_borough(self.object))
        counts = place_project_counts(projects.counted().active_between(today, today), borough=self.object)
        places = [(place, counts[place.pk]) for place in places_of(self.object)]
        return super().get_context_data(
            today=today,
            scope={"borough": self.object.gss_code},
            where=f"in {self.object.name}",
            summary=work_summary(projects, on=today),
            places=places,
            landlords=landlords_in_borough(self.object),
            youth_voice_sessions=youth_voice_sessions_visible_to(self.request.user).filter(borough=self.object)[:SHOWN],
            **kwargs,
        )


class PlaceDetailView(DetailView):
    """One place: its landlords, the projects covering it, who does the work, and youth voice sessions there."""

    queryset = Place.objects.select_related("borough").prefetch_related(
        "also_in_boroughs", "landlordships__organisation"
    )
    context_object_name = "place"
    template_name = "programmes/place_detail.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        projects = projects_visible_to(self.request.user).filter(projects_covering_place(self.object))
        return super().get_context_data(
            today=today,
            scope={"place": self.object.pk},
            where=f"at {self.object.name}",
            summary=work_summary(projects, on=today),
            running=projects_running_on(projects, on=today, limit=SHOWN),
            youth_voice_sessions=youth_voice_sessions_visible_to(self.request.user).filter(places=self.object)[:SHOWN],
            can_record_youth_voice=permissions.can_record_youth_voice_session.test(self.request.user),
            record_query=urlencode({"place": self.object.pk}),
            **kwargs,
        )


class OrganisationDetailView(DetailView):
    """An organisation's page: the projects it leads or joins, the returns it owes, and its people."""

    template_name = "programmes/organisation_detail.html"
    context_object_name = "organisation"
    queryset = Organisation.objects.select_related("successor")

    def get_context_data(self, **kwargs):
        organisation, user = self.object, self.request.user
        projects = Paginator(selectors.organisation_projects_for(user, organisation), PROJECTS_PAGE_SIZE)
        outstanding = selectors.returns_outstanding(organisation=organisation, today=timezone.localdate())
        return super().get_context_data(
            projects=projects.get_page(self.request.GET.get("page")),
            outstanding=[
                (item, can_create_return.test(user, item.project)) for item in outstanding[:OUTSTANDING_SHOWN]
            ],
            outstanding_count=len(outstanding),
            overdue_count=sum(item.is_overdue for item in outstanding),
            people=people_in(organisation),
            can_log_project=can_log_project_for.test(user, organisation),
            can_invite=can_invite_people.test(user),
            **kwargs,
        )
