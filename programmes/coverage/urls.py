"""URLs of the coverage pages."""

from django.urls import path

from . import views

app_name = "coverage"

urlpatterns = [
    path("", views.CoverageMatrixView.as_view(), name="matrix"),
    path("gaps/", views.GapListView.as_view(), name="gap-list"),
    path("gaps.csv", views.GapCsvView.as_view(), name="gap-csv"),
    path("overlaps/", views.OverlapListView.as_view(), name="overlap-list"),
    path("overlaps.csv", views.OverlapCsvView.as_view(), name="overlap-csv"),
    path("overlaps/review/", views.OverlapReviewView.as_view(), name="overlap-review"),
    path("landlords/", views.LandlordListView.as_view(), name="landlord-list"),
    path("landlords/<int:pk>/", views.LandlordCoverageView.as_view(), name="landlord"),
    path("places/<int:pk>/timeline/", views.PlaceTimelineView.as_view(), name="place-timeline"),
]
