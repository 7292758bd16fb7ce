"""Pages about London's boroughs and places, and the coverage map: thin views over the selectors."""

from urllib.parse import urlencode

from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from boroughs.london import LONDON_SQUARED_CREDIT
from programmes import permissions
from programmes.filters import projects_covering_place, projects_in_borough
from programmes.selectors import (
    projects_running_on,
    projects_visible_to,
    work_summary,
    youth_voice_sessions_visible_to,
)

from .forms import GAPS, CoverageMapForm
from .models import Borough, Place
from .selectors import (
    boroughs_with_counts,
    coverage_map,
    landlords_in_borough,
    place_project_counts,
    places_of,
)

SHOWN = 10


class BoroughListView(TemplateView):
    """All 33 London areas with their places and the projects running there today."""

    template_name = "boroughs/borough_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            today=today, boroughs=boroughs_with_counts(self.request.user, on=today), **kwargs
        )


class BoroughDetailView(DetailView):
    """One borough: reach, the work running there, who does it, its places and its youth voice sessions."""

    model = Borough
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


class CoverageMapView(TemplateView):
    """London's boroughs in the London Squared grid, shaded by the projects running in each (or by gaps in
    provision), with a table."""

    template_name = "boroughs/coverage_map.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = CoverageMapForm(self.request.GET or None, today=today)
        if form.is_bound and form.is_valid():
            choice = form.cleaned_data
            period = {"start": choice["active_from"], "end": choice["active_to"]}
            kind, gaps = choice["intervention_type"], choice["shade"] == GAPS
        else:
            period, kind, gaps = {"start": today, "end": today}, None, False
        return super().get_context_data(
            form=form,
            map=coverage_map(self.request.user, intervention_type=kind, gaps=gaps, **period),
            credit=LONDON_SQUARED_CREDIT,
            **kwargs,
        )
