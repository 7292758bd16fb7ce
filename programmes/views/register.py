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

from ..filters import DateFilterWidget, ProjectFilter, offer_places_by_borough, url_parameters
from ..forms.register import RegisterColumnsForm
from ..selectors.projects import projects_visible_to
from ..selectors.register import REGISTER_COLUMNS, filters_chosen, register_records, register_row, register_rows

# Register columns a user can sort by: each column's key is its `ordering` value (ProjectFilter's ordering).
SORT_KEYS = {"title", "lead", "start", "end", "status", "target"}
DEFAULT_SORT = "title"
# Register columns holding numbers, aligned right as GOV.UK tables do.
NUMBER_COLUMNS = {"funding", "target", "reached"}
# Columns whose value may be a guess, and the record's flag that says so: the page marks them "(assumed)".
ASSUMED_BY = {"start": "dates_assumed", "end": "dates_assumed", "ages": "ages_assumed"}

# Up to this many columns the table takes the page's width exactly (fixed layout); more scroll in its region.
COLUMNS_THAT_FIT = 10

# Age-group presets of the register: (label, youngest, oldest), set through age_min and age_max.
AGE_GROUPS = (("Under 11", 0, 10), ("11 to 15", 11, 15), ("16 to 18", 16, 18), ("19 to 25", 19, 25))


def _without(query: QueryDict, *names: str) -> str:
    """The query string without the given parameters (a date's day, month and year too) and without the page,
    which a change resets."""
    params = query.copy()
    for name in (*names, "page"):
        for key in (name, *(f"{name}{part}" for part in DateFilterWidget.PARTS)):
            params.pop(key, None)
    return params.urlencode()


def _headings(query: QueryDict, shown: set[str]) -> list[dict]:
    """Each shown column's heading, with a link that sorts by it and its aria-sort state where it sorts."""
    current = query.get("ordering") or DEFAULT_SORT
    headings = []
    for column in REGISTER_COLUMNS:
        if column.key not in shown:
            continue
        heading = {"key": column.key, "text": column.heading, "numeric": column.key in NUMBER_COLUMNS}
        if column.key in SORT_KEYS:
            state = {column.key: "ascending", f"-{column.key}": "descending"}.get(current, "none")
            params = query.copy()
            params["ordering"] = f"-{column.key}" if state == "ascending" else column.key
            params.pop("page", None)
            heading |= {"sort": state, "url": f"?{params.urlencode()}"}
        headings.append(heading)
    return headings


def _selected_filters(filterset, query: QueryDict) -> list[dict]:
    """The filters in use, each with its label, the value chosen and a link that removes it."""
    return [
        {"label": label, "value": shown, "remove": f"?{_without(query, name)}"}
        for name, label, shown in filters_chosen(filterset)
    ]


def _cells(record, shown: set[str]) -> list[dict]:
    """A register row's shown cells, by the same columns as the exports, each marked as a number, a date or text."""
    cells = []
    for column, value in zip(REGISTER_COLUMNS, register_row(record), strict=True):
        if column.key in shown:
            kind = "number" if column.key in NUMBER_COLUMNS else "date" if isinstance(value, date) else "text"
            assumed = getattr(record, ASSUMED_BY.get(column.key, ""), False)
            cells.append({"value": value, "kind": kind, "assumed": assumed})
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
        columns_form = RegisterColumnsForm(query)
        shown = columns_form.chosen()
        context = super().get_context_data(
            headings=_headings(query, shown),
            selected_filters=_selected_filters(self.filterset, query),
            age_groups=AGE_GROUPS,
            columns_form=columns_form,
            table_fits=len(shown) <= COLUMNS_THAT_FIT,
            export_query=_without(query, "columns"),
            clear_query=_without(query, *url_parameters(ProjectFilter)),
            **kwargs,
        )
        context["rows"] = [(record, _cells(record, shown)) for record in register_records(context["object_list"])]
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
