"""The coverage matrix page: boroughs (expanding to their places) against intervention types."""

from django.views.generic import TemplateView

from ..analysis.matrix import CellState
from ..tables.matrix import Matrix
from .mixins import CoverageFiltersMixin


class CoverageMatrixView(CoverageFiltersMixin, TemplateView):
    """Boroughs (expanding to their places) against intervention types, each cell a gap, thin, covered or overlap."""

    template_name = "coverage/matrix.html"

    def analysed(self, analysis) -> dict:
        expanded = set(self.request.GET.getlist("expand"))
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
            "gap_count": len(analysis.gaps),
            "thin_count": len(analysis.thin),
            "overlap_count": len(analysis.overlaps),
        }
