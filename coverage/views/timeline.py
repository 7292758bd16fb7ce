"""A place over time: when each kind of provision there started and ended."""

from datetime import date

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from boroughs.models import Place

from ..forms.filters import TimelineFilterForm
from ..selectors.partnership import coverage_reference, place_history
from ..tables.timeline import timeline_chart, timeline_sections
from .mixins import CoverageAccessMixin


class PlaceTimelineView(CoverageAccessMixin, TemplateView):
    """One place over time: when each kind of provision started and ended, so a gap is seen before it opens."""

    template_name = "coverage/place_timeline.html"

    def get_context_data(self, **kwargs):
        place = get_object_or_404(Place.objects.select_related("borough"), pk=self.kwargs["pk"])
        reference = coverage_reference()
        form = TimelineFilterForm(self.request.GET, reference=reference)
        context = super().get_context_data(place=place, form=form, **kwargs)
        if form.is_valid():
            today = date.today()
            data, histories = place_history(
                user=self.request.user, place=place, criteria=form.criteria(), reference=reference, today=today
            )
            context.update(
                histories=timeline_sections(data, histories, place_id=place.pk),
                chart=timeline_chart(histories, today),
            )
        return context
