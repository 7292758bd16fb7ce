"""URLs of the boroughs app."""

from django.urls import path

from . import views

app_name = "boroughs"

urlpatterns = [
    path("", views.BoroughListView.as_view(), name="borough-list"),
    path("map/", views.CoverageMapView.as_view(), name="map"),
    path("places/<int:pk>/", views.PlaceDetailView.as_view(), name="place-detail"),
    path("<str:gss_code>/", views.BoroughDetailView.as_view(), name="borough-detail"),
]
