"""The gap and overlap lists, sortable and paged, and their CSV downloads."""

from django.views.generic import TemplateView

from programmes.selectors.evidence import evidence_by_kind_of_work

from ..analysis.figures import shortfalls_in
from ..forms.filters import OverlapFilterForm
from ..tables.gaps import GAP_CSV_HEADER, gap_csv_rows, gap_rows, gap_sort_keys
from ..tables.overlaps import OVERLAP_CSV_HEADER, overlap_csv_rows, overlap_row, overlap_sort_keys
from .mixins import CsvMixin, SortedListMixin


class GapListView(SortedListMixin, TemplateView):
    """Gaps in partnership boroughs and priority places, ranked; thin provision on request."""

    template_name = "coverage/gap_list.html"

    def shown(self, analysis):
        shown = shortfalls_in(analysis, self.form.borough_ids())
        return list(shown.gaps + (shown.thin if self.request.GET.get("show") == "thin" else ()))

    def evidence(self) -> dict:
        if not hasattr(self, "_evidence"):
            self._evidence = evidence_by_kind_of_work()
        return self._evidence

    def sort_keys(self, analysis) -> dict:
        return gap_sort_keys(analysis, self.evidence())

    @staticmethod
    def identity(gap) -> tuple:
        return (gap.site, gap.type_id, gap.state)

    def analysed(self, analysis) -> dict:
        page, columns = self.sorted_page(analysis)
        rows = gap_rows(
            analysis, page, query=self.query(), register_params=self.form.register_params(), evidence=self.evidence()
        )
        return {
            "page": page,
            "rows": rows,
            "columns": columns,
            "show_thin": self.request.GET.get("show") == "thin",
            "query_without_show": self.query("show"),
        }


class OverlapListView(SortedListMixin, TemplateView):
    """Overlaps of different lead organisations' projects, each with what its projects share and its review."""

    template_name = "coverage/overlap_list.html"
    filter_form_class = OverlapFilterForm

    def shown(self, analysis):
        shown = shortfalls_in(analysis, self.form.borough_ids())
        review = self.form.cleaned_data.get("review")
        if review == "unreviewed":
            return list(shown.overlaps_not_reviewed)
        return [o for o in shown.overlaps if not review or o.review is not None]

    def sort_keys(self, analysis) -> dict:
        return overlap_sort_keys(analysis)

    @staticmethod
    def identity(overlap) -> tuple:
        return (overlap.site, overlap.type_id, overlap.project_ids)

    def analysed(self, analysis) -> dict:
        page, columns = self.sorted_page(analysis)
        query = self.query()
        rows = [overlap_row(analysis, o, query=query) for o in page]
        return {"page": page, "rows": rows, "columns": columns}


class GapCsvView(CsvMixin, GapListView):
    """The gap list as CSV: every row, in the order shown."""

    list_url_name = "coverage:gap-list"
    filename = "coverage-gaps"
    header = GAP_CSV_HEADER

    def csv_rows(self, analysis, gaps):
        return gap_csv_rows(analysis, gaps, self.evidence())


class OverlapCsvView(CsvMixin, OverlapListView):
    """The overlap list as CSV: every row, in the order shown."""

    list_url_name = "coverage:overlap-list"
    filename = "coverage-overlaps"
    header = OVERLAP_CSV_HEADER

    def csv_rows(self, analysis, overlaps):
        return overlap_csv_rows(analysis, overlaps)
