"""URLs of the coverage pages (mounted at the site's root: they name their own prefixes)."""

from django.urls import path

from .views.landlords import LandlordCoverageView, LandlordListView
from .views.lists import GapCsvView, GapListView, OverlapCsvView, OverlapListView
from .views.map import CoverageMapView
from .views.matrix import CoverageMatrixView
from .views.next_step import GapNextStepView
from .views.overlap_review import OverlapReviewView
from .views.timeline import PlaceTimelineView

app_name = "coverage"

urlpatterns = [
    path("boroughs/map/", CoverageMapView.as_view(), name="map"),
    path("coverage/", CoverageMatrixView.as_view(), name="matrix"),
    path("coverage/gaps/", GapListView.as_view(), name="gap-list"),
    path("coverage/gaps.csv", GapCsvView.as_view(), name="gap-csv"),
    path("coverage/gaps/<str:kind>/<int:pk>/<slug:type>/", GapNextStepView.as_view(), name="gap-next-step"),
    path("coverage/overlaps/", OverlapListView.as_view(), name="overlap-list"),
    path("coverage/overlaps.csv", OverlapCsvView.as_view(), name="overlap-csv"),
    path("coverage/overlaps/review/", OverlapReviewView.as_view(), name="overlap-review"),
    path("coverage/landlords/", LandlordListView.as_view(), name="landlord-list"),
    path("coverage/landlords/<int:pk>/", LandlordCoverageView.as_view(), name="landlord"),
    path("coverage/places/<int:pk>/timeline/", PlaceTimelineView.as_view(), name="place-timeline"),
]
