"""The coverage map of London."""

from django.utils import timezone
from django.views.generic import TemplateView

from boroughs.london import LONDON_SQUARED_CREDIT

from ..forms.map import GAPS, CoverageMapForm
from ..selectors.map import coverage_map


class CoverageMapView(TemplateView):
    """London's boroughs in the London Squared grid, shaded by the projects running in each (or by gaps in
    provision), with a table."""

    template_name = "coverage/map.html"

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
