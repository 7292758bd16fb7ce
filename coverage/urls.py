"""URLs of the coverage pages."""

from django.urls import path

from . import views

app_name = "coverage"

urlpatterns = [
    path("boroughs/map/", views.CoverageMapView.as_view(), name="map"),
    path("coverage/", views.CoverageMatrixView.as_view(), name="matrix"),
    path("coverage/gaps/", views.GapListView.as_view(), name="gap-list"),
    path("coverage/gaps.csv", views.GapCsvView.as_view(), name="gap-csv"),
    path("coverage/overlaps/", views.OverlapListView.as_view(), name="overlap-list"),
    path("coverage/overlaps.csv", views.OverlapCsvView.as_view(), name="overlap-csv"),
    path("coverage/overlaps/review/", views.OverlapReviewView.as_view(), name="overlap-review"),
    path("coverage/landlords/", views.LandlordListView.as_view(), name="landlord-list"),
    path("coverage/landlords/<int:pk>/", views.LandlordCoverageView.as_view(), name="landlord"),
    path("coverage/places/<int:pk>/timeline/", views.PlaceTimelineView.as_view(), name="place-timeline"),
]
