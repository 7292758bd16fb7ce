"""The project register: every project the user may see, filtered, sorted and paged, and its downloads."""

from datetime import date

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django_filters.views import FilterView

from core.exports import CONTENT_TYPES, table_download

from ..filters import ProjectFilter, offer_places_by_borough
from ..selectors.projects import projects_visible_to
from ..selectors.register import REGISTER_COLUMNS, filters_chosen, register_records, register_row, register_rows

# Register columns a user can sort by, and the `ordering` value of each (ProjectFilter's OrderingFilter).
SORT_KEYS = {
    "Title": "title",
    "Lead organisation": "lead",
    "Start": "start",
    "End": "end",
    "Status": "status",
    "Target reach": "target",
}
DEFAULT_SORT = "title"
# Register columns holding numbers, aligned right as GOV.UK tables do.
NUMBER_COLUMNS = {"Funding (£)", "Target reach", "Reached (verified returns)"}

# Age-group presets of the register: (label, youngest, oldest), set through age_min and age_max.
AGE_GROUPS = (("Under 11", 0, 10), ("11 to 15", 11, 15), ("16 to 18", 16, 18), ("19 to 25", 19, 25))


def _without(query: QueryDict, *names: str) -> str:
    """The query string without the given parameters (and without the page, which a change resets)."""
    params = query.copy()
    for name in (*names, "page"):
        params.pop(name, None)
    return params.urlencode()


def _headings(query: QueryDict) -> list[dict]:
    """Each register column's heading, with a link that sorts by it and its aria-sort state."""
    current = query.get("ordering") or DEFAULT_SORT
    headings = []
    for column in REGISTER_COLUMNS:
        key = SORT_KEYS.get(column.heading)
        numeric = column.heading in NUMBER_COLUMNS
        if key is None:
            headings.append({"text": column.heading, "numeric": numeric})
            continue
        state = {key: "ascending", f"-{key}": "descending"}.get(current, "none")
        params = query.copy()
        params["ordering"] = f"-{key}" if state == "ascending" else key
        params.pop("page", None)
        headings.append({"text": column.heading, "numeric": numeric, "sort": state, "url": f"?{params.urlencode()}"})
    return headings


def _selected_filters(filterset, query: QueryDict) -> list[dict]:
    """The filters in use, each with its label, the value chosen and a link that removes it."""
    return [
        {"label": label, "value": shown, "remove": f"?{_without(query, name)}"}
        for name, label, shown in filters_chosen(filterset)
    ]


def _cells(record) -> list[dict]:
    """A register row's cells, by the same columns as the exports, each marked as a number, a date or text."""
    cells = []
    for column, value in zip(REGISTER_COLUMNS, register_row(record), strict=True):
        kind = "number" if column.heading in NUMBER_COLUMNS else "date" if isinstance(value, date) else "text"
        cells.append({"value": value, "kind": kind})
    return cells


class ProjectListView(FilterView):
    """The project register: every project the user may see, filtered by URL parameters, sorted, paginated."""

    filterset_class = ProjectFilter
    template_name = "programmes/project_list.html"
    paginate_by = 25

    def get_queryset(self):
        return projects_visible_to(self.request.user)

    def get_filterset(self, filterset_class):
        return offer_places_by_borough(super().get_filterset(filterset_class), self.request.GET)

    def get_context_data(self, **kwargs):
        query = self.request.GET
        context = super().get_context_data(
            headings=_headings(query),
            selected_filters=_selected_filters(self.filterset, query),
            age_groups=AGE_GROUPS,
            export_query=_without(query),
            **kwargs,
        )
        context["rows"] = [(record, _cells(record)) for record in register_records(context["object_list"])]
        return context


class ProjectExportView(View):
    """The filtered register as CSV or XLSX, with the page's columns, streamed so any size fits in memory."""

    def get(self, request):
        export_type = request.GET.get("format")
        filterset = ProjectFilter(request.GET, queryset=projects_visible_to(request.user), request=request)
        if export_type not in CONTENT_TYPES or not filterset.is_valid():
            if export_type not in CONTENT_TYPES:
                messages.error(request, "Choose to download the register as CSV or XLSX.")
            return redirect(f"{reverse('programmes:project-list')}?{_without(request.GET, 'format')}")
        filename = f"hayn-projects-{timezone.localdate():%Y-%m-%d}.{export_type}"
        return table_download(register_rows(filterset.qs), file_type=export_type, filename=filename)
