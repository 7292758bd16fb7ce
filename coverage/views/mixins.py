"""What the coverage pages share: who may see them, the filters read once, sorting and paging, and CSV downloads."""

import itertools
import weakref
from datetime import date

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.urls import reverse

from core.exports import table_download
from core.permissions import PermissionMixin

from ..analysis.collector import gc_paused
from ..forms.filters import CoverageFilterForm
from ..permissions import can_view_coverage
from ..selectors.partnership import coverage_analysis, coverage_reference

PER_PAGE = 50


class CoverageAccessMixin(PermissionMixin):
    """Only people whom can_view_coverage allows see the coverage pages."""

    permission = can_view_coverage


class CoverageFiltersMixin(CoverageAccessMixin):
    """Reads the filters from the query string and, when they are valid, runs the analysis once."""

    filter_form_class = CoverageFilterForm

    def filters(self):
        self.reference = coverage_reference()
        self.form = self.filter_form_class(self.request.GET, reference=self.reference)
        self.analysis = None
        if self.form.is_valid():
            self.analysis = coverage_analysis(
                user=self.request.user, criteria=self.form.criteria(), reference=self.reference
            )
        return self.form

    def query(self, *drop: str) -> str:
        """The current filters as a query string, without paging, sorting or the names given."""
        query = self.request.GET.copy()
        for name in ("page", "sort", *drop):
            query.pop(name, None)
        return query.urlencode()

    def get_context_data(self, **kwargs):
        self.filters()
        # The template and the tables read the analysis through a weak proxy: the context, rendered into reference
        # cycles, must not keep megabytes alive until a collector pass (render_to_response lets go of the real one).
        shown = weakref.proxy(self.analysis) if self.analysis is not None else None
        context = super().get_context_data(form=self.form, analysis=shown, **kwargs)
        if self.analysis is not None:
            context.update(summary=self.form.summary(), query=self.query(), **self.analysed(shown))
        return context

    def analysed(self, analysis) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        # The analysis is hundreds of thousands of small objects without cycles: with the collector paused until
        # the page is rendered and the analysis let go, reference counting frees them and no pass walks them.
        with gc_paused():
            response = super().get(request, *args, **kwargs)
            response.render()
            self.analysis = None
        return response


class SortedListMixin(CoverageFiltersMixin):
    """A list page sorted by one of its columns (`?sort=where` or `?sort=-where`) and paged; rows a column ranks
    equal keep a fixed order by their identity (`identity`), so paging shows each row exactly once, and the
    CSV download (`in_order`) comes out in the page's order."""

    def shown(self, analysis) -> list:
        raise NotImplementedError

    def sort_keys(self, analysis) -> dict:
        raise NotImplementedError

    @staticmethod
    def identity(item) -> tuple:
        """What tells two rows apart, to break ties in any sort."""
        raise NotImplementedError

    def in_order(self, analysis) -> list:
        """The rows shown, in the order asked for (the analysis's ranking when none is)."""
        items, keys = self.shown(analysis), self.sort_keys(analysis)
        sort = self.request.GET.get("sort", "")
        name = sort.removeprefix("-")
        if name in keys:
            key = keys[name]
            items = sorted(items, key=lambda item: (key(item), self.identity(item)), reverse=sort.startswith("-"))
        return items

    def sorted_page(self, analysis):
        keys = self.sort_keys(analysis)
        sort = self.request.GET.get("sort", "")
        page = Paginator(self.in_order(analysis), PER_PAGE).get_page(self.request.GET.get("page"))
        query = self.query()
        columns = {
            key: {
                "url": f"?{query}&sort={'-' if sort == key else ''}{key}",
                "aria_sort": "ascending" if sort == key else "descending" if sort == f"-{key}" else "none",
            }
            for key in keys
        }
        return page, columns


class CsvMixin:
    """A list's rows as a CSV download; with filters that do not validate, the list page explains why."""

    list_url_name: str
    filename: str
    header: list[str]

    def get(self, request, *args, **kwargs):
        self.filters()
        analysis, self.analysis = self.analysis, None  # The view sits in a reference cycle (View.setup's head).
        if analysis is None:
            return HttpResponseRedirect(f"{reverse(self.list_url_name)}?{request.GET.urlencode()}")
        rows = itertools.chain([self.header], self.csv_rows(analysis, self.in_order(analysis)))
        return table_download(rows, file_type="csv", filename=f"{self.filename}-{date.today().isoformat()}.csv")
