"""The portal's URLs: each app's own, the admin, accounts, the public accessibility statement and health check."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import TemplateView

from . import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(
        "accessibility/",
        login_not_required(TemplateView.as_view(template_name="accessibility.html")),
        name="accessibility",
    ),
    path("health/", views.health, name="health"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("boroughs/", include("boroughs.urls")),
    path("partners/", include("partners.urls")),
    path("programmes/", include("programmes.urls")),
    path("jobs/", include("programmes.jobs.urls")),
    path("coverage/", include("programmes.coverage.urls")),
]
