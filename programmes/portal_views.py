"""Pages of the programme manager's portal: the register and its exports, the dashboard, funding programmes,
funded posts and the youth voice log. Thin views over selectors, services and permission predicates."""

from datetime import date

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from boroughs.models import Borough, Place
from boroughs.selectors import places_to_offer
from core.errors import PortalError
from core.exports import CONTENT_TYPES, table_download
from core.permissions import PermissionMixin

from . import permissions
from .filters import FundedPostFilter, ProjectFilter, YouthVoiceSessionFilter
from .models import FundingProgramme
from .portal_forms import YouthVoiceSessionForm
from .portal_services import youth_voice_session_record, youth_voice_session_update
from .register import REGISTER_COLUMNS, register_records, register_row, register_rows
from .selectors import (
    dashboard_for,
    funded_posts,
    funding_programmes_with_counts,
    overdue_returns,
    projects_linkable_to_youth_voice,
    projects_running_on,
    projects_to_offer,
    projects_visible_to,
    work_summary,
    youth_voice_sessions_visible_to,
)

SHOWN = 10

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
    if not filterset.is_valid():
        return []
    selected = []
    for name, value in filterset.form.cleaned_data.items():
        if name == "ordering" or value in (None, "", []):
            continue
        field = filterset.form.fields[name]
        shown = "Yes" if value is True else dict(field.choices).get(value, value) if name == "status" else value
        selected.append({"label": field.label, "value": shown, "remove": f"?{_without(query, name)}"})
    return selected


def _offer_places_by_borough(filterset, query: QueryDict):
    """Narrow a filter's place list to the chosen borough when the whole list is too long to offer."""
    gss_code, place_id = query.get("borough"), _pk(query.get("place"))
    borough = Borough.objects.filter(gss_code=gss_code).first() if gss_code else None
    field = filterset.form.fields["place"]
    field.queryset, waits_for_borough = places_to_offer(borough=borough, keep=[place_id] if place_id else [])
    if waits_for_borough:
        field.help_text = "Choose a borough and apply the filters to list its places."
    return filterset


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
        return _offer_places_by_borough(super().get_filterset(filterset_class), self.request.GET)

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


class DashboardView(PermissionMixin, TemplateView):
    """The VRU's morning view: running projects, reach against targets, posts, overdue returns, the review queue."""

    permission = permissions.can_view_dashboard
    template_name = "programmes/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dashboard=dashboard_for(self.request.user, today=timezone.localdate(), shown=SHOWN), **kwargs
        )


class OverdueReturnListView(PermissionMixin, ListView):
    """Every overdue monitoring return, the longest overdue first."""

    permission = permissions.can_view_dashboard
    template_name = "programmes/overdue_return_list.html"
    paginate_by = 50
    context_object_name = "overdue"

    def get_queryset(self):
        return overdue_returns(projects_visible_to(self.request.user), today=timezone.localdate())

    def get_context_data(self, **kwargs):
        return super().get_context_data(projects_overdue=len({item.project_id for item in self.object_list}), **kwargs)


class FundingProgrammeListView(ListView):
    """Every funding programme with its funder and how many projects that count it holds."""

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return funding_programmes_with_counts()


class FundingProgrammeDetailView(DetailView):
    """One funding programme: reach against target, what runs under it, who does the work, the posts it pays for."""

    queryset = FundingProgramme.objects.select_related("funder")
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        projects = projects_visible_to(self.request.user).filter(funding_programme=self.object)
        return super().get_context_data(
            today=today,
            scope={"programme": self.object.pk},
            summary=work_summary(projects, on=today),
            running=projects_running_on(projects, on=today, limit=SHOWN),
            posts=funded_posts().filter(funding_programme=self.object),
            **kwargs,
        )


class FundedPostListView(FilterView):
    """The posts the partnership pays for, filterable by filled or vacant, host, programme and date."""

    filterset_class = FundedPostFilter
    template_name = "programmes/post_list.html"
    paginate_by = 25

    def get_queryset(self):
        return funded_posts()


class FundedPostDetailView(DetailView):
    """One funded post: who hosts and pays for it, its dates and cost, and whether it is filled."""

    template_name = "programmes/post_detail.html"
    context_object_name = "post"

    def get_queryset(self):
        return funded_posts()


class YouthVoiceSessionListView(FilterView):
    """The youth voice log: every session where young people shaped projects and services."""

    filterset_class = YouthVoiceSessionFilter
    template_name = "programmes/youth_voice_list.html"
    paginate_by = 20

    def get_queryset(self):
        return youth_voice_sessions_visible_to(self.request.user)

    def get_filterset(self, filterset_class):
        return _offer_places_by_borough(super().get_filterset(filterset_class), self.request.GET)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_record=permissions.can_record_youth_voice_session.test(self.request.user), **kwargs
        )


class YouthVoiceSessionDetailView(DetailView):
    """One session: what young people asked for, what changed, and whether they have been told."""

    template_name = "programmes/youth_voice_detail.html"
    context_object_name = "session"

    def get_queryset(self):
        return youth_voice_sessions_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=permissions.can_edit_youth_voice_session.test(self.request.user, self.object), **kwargs
        )


def _pk(value) -> int | None:
    return int(value) if value and value.isdigit() else None


class YouthVoiceSessionFormView(FormView):
    """What recording and updating a session share: the form, its project choices, and errors from the service."""

    form_class = YouthVoiceSessionForm
    template_name = "programmes/youth_voice_form.html"
    session = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        initial, data = kwargs["initial"], kwargs.get("data")

        def chosen(name: str) -> list[int]:
            """What the form shows as chosen: the starting answers, or what was just sent back."""
            sent = [_pk(value) for value in data.getlist(name)] if data else []
            return [*initial.get(name, []), *(pk for pk in sent if pk)]

        borough_id = _pk(data.get("borough")) if data else initial.get("borough")
        borough = Borough.objects.filter(pk=borough_id).first() if borough_id else None
        projects = projects_linkable_to_youth_voice(
            self.request.user, today=timezone.localdate(), keep=initial.get("projects", [])
        )
        return {
            **kwargs,
            "projects": projects,
            "project_offer": projects_to_offer(projects, keep=chosen("projects")),
            "place_offer": places_to_offer(borough=borough, keep=chosen("places")),
            "session": self.session,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)

    def form_valid(self, form):
        try:
            session = self.save(form.details())
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(session)


class YouthVoiceSessionCreateView(PermissionMixin, YouthVoiceSessionFormView):
    """Record a session; linked from a place (?place=) or a project (?project=) page, it starts filled in."""

    permission = permissions.can_record_youth_voice_session
    success_message = "Youth voice session recorded"

    def get_initial(self):
        project_id = _pk(self.request.GET.get("project"))
        projects = projects_visible_to(self.request.user).filter(pk=project_id) if project_id else []
        initial = {"projects": [project.pk for project in projects]}
        place_id, gss_code = _pk(self.request.GET.get("place")), self.request.GET.get("borough")
        place = Place.objects.filter(pk=place_id).first() if place_id else None
        borough = Borough.objects.filter(gss_code=gss_code).first() if gss_code and not place else None
        if place:
            initial.update(borough=place.borough_id, places=[place.pk])
        elif borough:
            initial["borough"] = borough.pk
        return initial

    def save(self, details):
        return youth_voice_session_record(recorded_by=self.request.user, details=details)


class YouthVoiceSessionUpdateView(PermissionMixin, YouthVoiceSessionFormView):
    """Update a session, such as saying what changed; only for VRU staff or an organisation involved in it."""

    permission = permissions.can_edit_youth_voice_session
    success_message = "Youth voice session updated"

    def get_permission_object(self):
        self.session = get_object_or_404(youth_voice_sessions_visible_to(self.request.user), pk=self.kwargs["pk"])
        return self.session

    def get_initial(self):
        return YouthVoiceSessionForm.initial_for(self.session)

    def save(self, details):
        return youth_voice_session_update(session=self.session, changed_by=self.request.user, details=details)
