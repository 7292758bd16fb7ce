"""Coverage read-outs: the matrix's cells, the gap list and the overlap list, for the same filters as the pages.

Each call runs the page's own filter form and analysis (`CoverageFiltersMixin.filters()` of the page's
view) and the page's own choice of rows (`shown()`), so the API lists exactly what the page lists.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.permissions import can_view_coverage
from coverage.views.lists import GapListView, OverlapListView
from coverage.views.matrix import CoverageMatrixView

from ..errors import READ_ERRORS, ApiError
from ..forms_data import form_errors
from .base import PortalAPIView, allowed

FILTERS = [
    OpenApiParameter("period", str, description="A financial year (2025) or quarter (2025-Q1); today's by default."),
    OpenApiParameter("ages", str, description="An age band key, or `custom` with age_min and age_max."),
    OpenApiParameter("age_min", int),
    OpenApiParameter("age_max", int),
    OpenApiParameter("type", str, many=True, description="Intervention type slugs; all when none."),
    OpenApiParameter("borough", str, many=True, description="GSS codes; the partnership's seven when none."),
    OpenApiParameter("organisations", str, enum=["now", "recorded"]),
    OpenApiParameter("include", str, many=True, enum=["draft", "cancelled"]),
]


class WhereSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[BOROUGH, PLACE])
    id = serializers.IntegerField()
    name = serializers.CharField()
    borough = serializers.CharField(help_text="The GSS code of the borough, or of the place's own borough.")


class CellSerializer(serializers.Serializer):
    where = WhereSerializer()
    type = serializers.CharField(help_text="The intervention type's slug.")
    state = serializers.CharField(help_text="gap, thin, covered or overlap.")
    project_ids = serializers.ListField(child=serializers.IntegerField())
    organisation_ids = serializers.ListField(child=serializers.IntegerField())
    since = serializers.DateField(allow_null=True, help_text="For a gap: since when nothing covers it.")


class GapSerializer(serializers.Serializer):
    where = WhereSerializer()
    type = serializers.CharField()
    state = serializers.CharField()
    priority = serializers.IntegerField(allow_null=True)
    since = serializers.DateField(allow_null=True)


class OverlapSerializer(serializers.Serializer):
    where = WhereSerializer()
    type = serializers.CharField()
    project_ids = serializers.ListField(child=serializers.IntegerField())
    organisation_ids = serializers.ListField(child=serializers.IntegerField())
    review = serializers.CharField(allow_null=True, help_text="The VRU's judgement, if it has reviewed it.")


def _where(analysis, site: Site) -> dict:
    return {
        "kind": site.kind,
        "id": site.id,
        "name": analysis.site_name(site),
        "borough": analysis.borough_of(site).gss_code,
    }


class CoverageView(PortalAPIView):
    """A coverage list as its page computes it, paged; the page's view class does the reading."""

    page_view = None
    filter_backends = []

    def get_queryset(self):
        # The rows come from the page's analysis, not a queryset: the browsable API has nothing to filter here.
        return []

    def page(self, request):
        allowed(can_view_coverage, request.user)
        page = self.page_view(request=request._request, args=(), kwargs={})
        page.filters()
        if page.analysis is None:
            raise ApiError(form_errors(page.form))
        return page

    def get(self, request):
        page = self.page(request)
        rows = self.paginate_queryset(list(self.rows(page, page.analysis)))
        return self.get_paginated_response([self.row(page.analysis, item) for item in rows])


@extend_schema(
    parameters=[*FILTERS, OpenApiParameter("expand", str, many=True, description="GSS codes whose places to list.")],
    responses={200: CellSerializer(many=True), **READ_ERRORS},
)
class CoverageCellListView(CoverageView):
    """The matrix: each chosen borough (and the places of those in `expand`) against each chosen kind of work."""

    page_view = CoverageMatrixView
    serializer_class = CellSerializer

    def rows(self, page, analysis):
        expanded = set(page.request.GET.getlist("expand"))
        for borough_id in page.form.borough_ids():
            sites = [Site(BOROUGH, borough_id)]
            if analysis.boroughs[borough_id].gss_code in expanded:
                sites += [Site(PLACE, place.id) for place in analysis.places_by_borough.get(borough_id, ())]
            yield from (analysis.cell(site, kind.id) for site in sites for kind in analysis.types)

    def row(self, analysis, cell) -> dict:
        return {
            "where": _where(analysis, cell.site),
            "type": analysis.type_of(cell.type_id).slug,
            "state": cell.state.value,
            "project_ids": list(cell.project_ids),
            "organisation_ids": list(analysis.organisation_ids(cell.project_ids)),
            "since": cell.since,
        }


@extend_schema(
    parameters=[*FILTERS, OpenApiParameter("show", str, enum=["thin"], description="Add thin provision.")],
    responses={200: GapSerializer(many=True), **READ_ERRORS},
)
class CoverageGapListView(CoverageView):
    """Gaps in partnership boroughs and priority places, ranked as the gap list ranks them."""

    page_view = GapListView
    serializer_class = GapSerializer

    def rows(self, page, analysis):
        return page.shown(analysis)

    def row(self, analysis, gap) -> dict:
        return {
            "where": _where(analysis, gap.site),
            "type": analysis.type_of(gap.type_id).slug,
            "state": gap.state.value,
            "priority": gap.priority,
            "since": gap.since,
        }


@extend_schema(
    parameters=[*FILTERS, OpenApiParameter("review", str, enum=["reviewed", "unreviewed"])],
    responses={200: OverlapSerializer(many=True), **READ_ERRORS},
)
class CoverageOverlapListView(CoverageView):
    """Overlaps of different lead organisations' projects, as the overlap list shows them."""

    page_view = OverlapListView
    serializer_class = OverlapSerializer

    def rows(self, page, analysis):
        return page.shown(analysis)

    def row(self, analysis, overlap) -> dict:
        return {
            "where": _where(analysis, overlap.site),
            "type": analysis.type_of(overlap.type_id).slug,
            "project_ids": list(overlap.project_ids),
            "organisation_ids": list(analysis.organisation_ids(overlap.project_ids)),
            "review": overlap.review.status if overlap.review else None,
        }
