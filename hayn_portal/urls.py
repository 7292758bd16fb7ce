"""The portal's URLs: each app's own, the admin, accounts, the public accessibility statement and health check."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import TemplateView

from core.views import favicon, health
from coverage.views.areas import BoroughDetailView
from coverage.views.dashboard import DashboardView
from coverage.views.home import HomeView
from programmes import urls as programmes_urls

# The dashboard leads with coverage and a borough's page shows its coverage, so their views are coverage's
# (programmes cannot import coverage); they keep their addresses and names in programmes' namespace.
programmes_patterns = [
    *programmes_urls.urlpatterns,
    path("programmes/dashboard/", DashboardView.as_view(), name="dashboard"),
    path("boroughs/<gss:gss_code>/", BoroughDetailView.as_view(), name="borough-detail"),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path(
        "accessibility/",
        login_not_required(TemplateView.as_view(template_name="accessibility.html")),
        name="accessibility",
    ),
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("partners/", include("partners.urls")),
    path("jobs/", include("jobs.urls")),
    # The Partner API at /api/v1/ (its schema and documentation there too) and the API tokens pages.
    path("api/", include("api.urls")),
    path("reports/", include("reports.urls")),
    # Coverage and programmes name their own prefixes: their borough, place and organisation pages keep the
    # addresses under /boroughs/ and /partners/. Coverage comes first so /boroughs/map/ is not read as a borough.
    path("", include("coverage.urls")),
    path("", include((programmes_patterns, programmes_urls.app_name))),
]
