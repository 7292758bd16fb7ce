"""A borough's page with this quarter's coverage there: programmes' page, and the gap, thin and overlap lists'
own figures for that borough (programmes cannot import coverage, so the page is served from here)."""

from django.utils import timezone

from programmes.views import areas

from ..forms.filters import period_value
from ..permissions import can_view_coverage
from ..selectors.overview import borough_coverage


class BoroughDetailView(areas.BoroughDetailView):
    """One borough: programmes' figures, then, for those who may see coverage, its gaps and overlaps this quarter."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_view_coverage.test(self.request.user):
            coverage = borough_coverage(self.request.user, self.object.pk, today=timezone.localdate())
            context.update(
                coverage=coverage,
                coverage_query=f"period={period_value(coverage.quarter)}&borough={self.object.gss_code}",
            )
        return context
