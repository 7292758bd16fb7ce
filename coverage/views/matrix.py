"""The coverage matrix page: boroughs (expanding to their places) against intervention types."""

from django.utils import timezone
from django.views.generic import TemplateView

from ..analysis.figures import shortfalls_in
from ..analysis.matrix import CellState
from ..selectors.trend import coverage_trend
from ..tables.matrix import Matrix
from .mixins import CoverageFiltersMixin


class CoverageMatrixView(CoverageFiltersMixin, TemplateView):
    """Boroughs (expanding to their places) against intervention types, each cell a gap, thin, covered or overlap."""

    template_name = "coverage/matrix.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(trend=coverage_trend(today=timezone.localdate()), **kwargs)

    def analysed(self, analysis) -> dict:
        expanded = set(self.request.GET.getlist("expand"))
        shown = shortfalls_in(analysis, self.form.borough_ids())
        matrix = Matrix(
            analysis,
            borough_ids=self.form.borough_ids(),
            expanded=expanded,
            query=self.request.GET,
            register_params=self.form.register_params(),
        )
        return {
            "matrix": matrix,
            "states": list(CellState),
            "gap_count": len(shown.gaps),
            "thin_count": len(shown.thin),
            "overlap_count": len(shown.overlaps),
        }
