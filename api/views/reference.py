"""What the partnership works with, read-only: organisations, boroughs, places, kinds of work, posts, youth voice."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.generics import ListAPIView, RetrieveAPIView

from boroughs.models import Borough, Place
from partners.models import Organisation
from programmes.filters import FundedPostFilter, YouthVoiceSessionFilter
from programmes.models import InterventionType, YouthVoiceSession
from programmes.selectors.posts import funded_posts
from programmes.selectors.youth_voice import youth_voice_sessions_visible_to

from ..errors import READ_ERRORS
from ..filtering import PageFilterBackend
from ..serializers import (
    BoroughSerializer,
    FundedPostSerializer,
    InterventionTypeSerializer,
    OrganisationSerializer,
    PlaceSerializer,
    YouthVoiceSessionSerializer,
)
from .base import AddressThrottledMixin, scoped


def documented(serializer):
    """The view's GET in the schema: its rows (paged for a list) and the one error shape."""
    return extend_schema_view(get=extend_schema(responses={200: serializer, **READ_ERRORS}))


class PlaceFilter(filters.FilterSet):
    """Places of one borough (by GSS code), as the project form lists them under their borough."""

    borough = filters.CharFilter(field_name="borough__gss_code", label="Borough GSS code")

    class Meta:
        model = Place
        fields = ["borough", "priority"]


class OrganisationFilter(filters.FilterSet):
    current = filters.BooleanFilter(
        field_name="successor", lookup_expr="isnull", label="Only organisations as they are now (no successor)"
    )

    class Meta:
        model = Organisation
        fields = ["kind", "is_hayn_member", "current"]


@documented(OrganisationSerializer(many=True))
class OrganisationListView(AddressThrottledMixin, ListAPIView):
    """Every organisation as registered, with succession: `successor` is whom it merged into or was renamed as."""

    queryset = Organisation.objects.prefetch_related("predecessors").order_by("name")
    serializer_class = OrganisationSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = OrganisationFilter


@documented(OrganisationSerializer)
class OrganisationDetailView(AddressThrottledMixin, RetrieveAPIView):
    queryset = OrganisationListView.queryset
    serializer_class = OrganisationSerializer


@documented(BoroughSerializer(many=True))
class BoroughListView(AddressThrottledMixin, ListAPIView):
    """London's 33 areas by GSS code, the partnership's seven flagged."""

    queryset = Borough.objects.order_by("name")
    serializer_class = BoroughSerializer


@documented(PlaceSerializer(many=True))
class PlaceListView(AddressThrottledMixin, ListAPIView):
    queryset = Place.objects.select_related("borough").prefetch_related("also_in_boroughs").order_by("borough", "name")
    serializer_class = PlaceSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = PlaceFilter


@documented(InterventionTypeSerializer(many=True))
class InterventionTypeListView(AddressThrottledMixin, ListAPIView):
    """The kinds of work. The portal records no evidence rating for them, so the API gives none."""

    queryset = InterventionType.objects.all()
    serializer_class = InterventionTypeSerializer


@documented(FundedPostSerializer(many=True))
class FundedPostListView(AddressThrottledMixin, ListAPIView):
    """Funded posts, with the posts page's filters (state, host, programme, running_on)."""

    serializer_class = FundedPostSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = FundedPostFilter

    def get_queryset(self):
        return funded_posts()


@documented(YouthVoiceSessionSerializer(many=True))
class YouthVoiceSessionListView(AddressThrottledMixin, ListAPIView):
    """The youth voice log, with its filters; each session names only the linked projects you may see."""

    serializer_class = YouthVoiceSessionSerializer
    filter_backends = [PageFilterBackend]
    filterset_class = YouthVoiceSessionFilter

    def get_queryset(self):
        return scoped(self, youth_voice_sessions_visible_to, YouthVoiceSession)
