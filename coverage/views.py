"""The coverage pages: the matrix, the gap and overlap lists (with CSV), overlap review, by landlord, over time,
and the map of London."""

import itertools
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from boroughs.london import LONDON_SQUARED_CREDIT
from boroughs.models import Place
from core.errors import PortalError
from core.exports import table_download
from core.formatting import date_range
from core.permissions import PermissionMixin
from partners.models import Organisation
from programmes.models import InterventionType, ProjectStatus

from . import tables
from .analysis.data import PLACE
from .analysis.matrix import CellState, place_provision
from .analysis.overlaps import common_ground
from .forms import (
    GAPS,
    NOW,
    CoverageFilterForm,
    CoverageMapForm,
    OverlapFilterForm,
    OverlapIdentityForm,
    OverlapReviewForm,
    TimelineFilterForm,
)
from .permissions import can_review_overlap, can_view_coverage
from .selectors import (
    coverage_analysis,
    coverage_map,
    coverage_reference,
    housing_associations_with_homes,
    landlord_homes,
    overlap_partnership,
    overlap_review_current,
    place_history,
)
from .services import overlap_review_mark

PER_PAGE = 50
STATUS_LABELS = dict(ProjectStatus.choices)


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
        context = super().get_context_data(form=self.form, analysis=self.analysis, **kwargs)
        if self.analysis is not None:
            context.update(summary=self.form.summary(), query=self.query(), **self.analysed(self.analysis))
        return context

    def analysed(self, analysis) -> dict:
        return {}


class SortedListMixin(CoverageFiltersMixin):
    """A list page sorted by one of its columns (`?sort=where` or `?sort=-where`) and paged."""

    def sorted_page(self, items, keys: dict):
        sort = self.request.GET.get("sort", "")
        name = sort.removeprefix("-")
        if name in keys:
            items = sorted(items, key=keys[name], reverse=sort.startswith("-"))
        page = Paginator(items, PER_PAGE).get_page(self.request.GET.get("page"))
        query = self.query()
        columns = {
            key: {
                "url": f"?{query}&sort={'-' if sort == key else ''}{key}",
                "aria_sort": "ascending" if sort == key else "descending" if sort == f"-{key}" else "none",
            }
            for key in keys
        }
        return page, columns


class CoverageMatrixView(CoverageFiltersMixin, TemplateView):
    """Boroughs (expanding to their places) against intervention types, each cell a gap, thin, covered or overlap."""

    template_name = "coverage/matrix.html"

    def analysed(self, analysis) -> dict:
        expanded = set(self.request.GET.getlist("expand"))
        matrix = tables.Matrix(
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


class GapListView(SortedListMixin, TemplateView):
    """Gaps in partnership boroughs and priority places, ranked; thin provision on request."""

    template_name = "coverage/gap_list.html"

    def shown(self, analysis):
        borough_ids = set(self.form.borough_ids())
        gaps = analysis.gaps + (analysis.thin if self.request.GET.get("show") == "thin" else ())
        return [gap for gap in gaps if analysis.borough_of(gap.site).id in borough_ids]

    def analysed(self, analysis) -> dict:
        page, columns = self.sorted_page(self.shown(analysis), tables.gap_sort_keys(analysis))
        rows = tables.gap_rows(analysis, page, query=self.query(), register_params=self.form.register_params())
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
        borough_ids = set(self.form.borough_ids())
        review = self.form.cleaned_data.get("review")
        return [
            o
            for o in analysis.overlaps
            if analysis.borough_of(o.site).id in borough_ids
            and (not review or (o.review is not None) == (review == "reviewed"))
        ]

    def analysed(self, analysis) -> dict:
        page, columns = self.sorted_page(self.shown(analysis), tables.overlap_sort_keys(analysis))
        query = self.query()
        rows = [tables.overlap_row(analysis, o, query=query, statuses=STATUS_LABELS) for o in page]
        return {"page": page, "rows": rows, "columns": columns}


class CsvMixin:
    """A list's rows as a CSV download; with filters that do not validate, the list page explains why."""

    list_url_name: str
    filename: str
    header: list[str]

    def get(self, request, *args, **kwargs):
        self.filters()
        if self.analysis is None:
            return HttpResponseRedirect(f"{reverse(self.list_url_name)}?{request.GET.urlencode()}")
        rows = itertools.chain([self.header], self.csv_rows(self.analysis, self.shown(self.analysis)))
        return table_download(rows, file_type="csv", filename=f"{self.filename}-{date.today().isoformat()}.csv")


class GapCsvView(CsvMixin, GapListView):
    list_url_name = "coverage:gap-list"
    filename = "coverage-gaps"
    header = tables.GAP_CSV_HEADER

    def csv_rows(self, analysis, gaps):
        return tables.gap_csv_rows(analysis, gaps)


class OverlapCsvView(CsvMixin, OverlapListView):
    list_url_name = "coverage:overlap-list"
    filename = "coverage-overlaps"
    header = tables.OVERLAP_CSV_HEADER

    def csv_rows(self, analysis, overlaps):
        return tables.overlap_csv_rows(analysis, overlaps)


class OverlapReviewView(CoverageAccessMixin, TemplateView):
    """One overlap's projects side by side with what they share, and (for VRU staff) the form to judge it."""

    template_name = "coverage/overlap_review.html"
    identity_names = {"site": "site", "type": "overlap_type", "projects": "projects"}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        identity = OverlapIdentityForm({key: request.GET.get(name) for key, name in self.identity_names.items()})
        if not identity.is_valid():
            raise Http404("No such overlap.")
        self.site = identity.site_value()
        self.project_ids = identity.project_ids()
        self.intervention_type = get_object_or_404(InterventionType, slug=identity.cleaned_data["type"])

    def back(self) -> str:
        """The overlap list with the filters the user came from."""
        query = self.request.GET.copy()
        for name in self.identity_names.values():
            query.pop(name, None)
        return f"{reverse('coverage:overlap-list')}?{query.urlencode()}"

    def get_context_data(self, **kwargs):
        data = overlap_partnership(user=self.request.user, project_ids=self.project_ids)
        places = {place.id: place for place in data.places}
        sites = places if self.site.kind == PLACE else {borough.id: borough for borough in data.boroughs}
        if len(data.projects) != len(self.project_ids) or self.site.id not in sites:
            raise Http404("No such overlap.")
        projects = sorted(data.projects, key=lambda project: project.id)
        shared = common_ground(projects)
        return super().get_context_data(
            where=sites[self.site.id].name,
            is_place=self.site.kind == PLACE,
            intervention_type=self.intervention_type,
            projects=tables.project_cells(
                projects, organisations=data.organisations, places=places, statuses=STATUS_LABELS
            ),
            shared_ages=f"{shared.ages.youngest} to {shared.ages.oldest}" if shared.ages else None,
            shared_dates=date_range(shared.dates.start, shared.dates.end) if shared.dates else None,
            review=self.review,
            can_review=can_review_overlap.test(self.request.user),
            back=self.back(),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        self.review = overlap_review_current(
            site=self.site, type_id=self.intervention_type.pk, project_ids=self.project_ids
        )
        initial = {"status": self.review.status, "note": self.review.note} if self.review else None
        return self.render_to_response(self.get_context_data(form=OverlapReviewForm(initial=initial)))

    def post(self, request, *args, **kwargs):
        if not can_review_overlap.test(request.user):
            raise PermissionDenied
        form = OverlapReviewForm(request.POST)
        if form.is_valid():
            try:
                overlap_review_mark(
                    user=request.user,
                    site=self.site,
                    intervention_type=self.intervention_type,
                    project_ids=self.project_ids,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                )
            except PortalError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, "The overlap is marked reviewed.")
                return redirect(self.back())
        self.review = overlap_review_current(
            site=self.site, type_id=self.intervention_type.pk, project_ids=self.project_ids
        )
        return self.render_to_response(self.get_context_data(form=form))


class LandlordListView(CoverageAccessMixin, TemplateView):
    """The housing associations with homes in recorded places, each linking to where its homes lack provision."""

    template_name = "coverage/landlord_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(landlords=housing_associations_with_homes(), **kwargs)


class LandlordCoverageView(CoverageFiltersMixin, TemplateView):
    """One housing association's estates and places, and the chosen kinds of provision each lacks."""

    template_name = "coverage/landlord.html"

    def get_context_data(self, **kwargs):
        self.organisation = get_object_or_404(
            Organisation.objects.housing_associations().select_related("successor"), pk=self.kwargs["pk"]
        )
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def analysed(self, analysis) -> dict:
        landlords, homes = landlord_homes(
            organisation=self.organisation,
            successors=self.reference.successors,
            as_now=self.form.cleaned_data["organisations"] == NOW,
        )
        provision = place_provision(analysis, homes)
        show_all = self.request.GET.get("show") == "all"
        query = self.query("show")
        return {
            "rows": tables.landlord_rows(
                analysis, provision, homes, register_params=self.form.register_params(), show_all=show_all
            ),
            "place_count": len(provision),
            "lacking_count": sum(bool(row.missing) for row in provision),
            "show_all": show_all,
            "predecessors": sorted(self.reference.organisations[pk] for pk in landlords - {self.organisation.pk}),
            "query_without_show": query,
        }


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
                histories=tables.timeline_sections(data, histories, place_id=place.pk),
                chart=tables.timeline_chart(histories, today),
            )
        return context


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
