"""Borough and place pages: the partnership's work there, its places, landlords and youth voice sessions."""

from urllib.parse import urlencode

from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from boroughs.models import Borough, Place
from boroughs.selectors import landlords_in_borough, places_of

from .. import permissions
from ..filters import projects_covering_place, projects_in_borough
from ..selectors.areas import boroughs_with_counts, place_rows
from ..selectors.projects import projects_visible_to
from ..selectors.work import SHOWN, projects_running_on, work_summary
from ..selectors.youth_voice import youth_voice_sessions_visible_to


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
        summary = work_summary(projects, on=today, borough=self.object)
        return super().get_context_data(
            today=today,
            scope={"borough": self.object.gss_code},
            where=f"in {self.object.name}",
            summary=summary,
            places=place_rows(places_of(self.object), summary, on=today),
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
