"""URLs of background jobs: exports, imports and their templates."""

from django.urls import path

from . import services, views
from .selectors import export_jobs_visible_to, import_jobs_visible_to

app_name = "jobs"

urlpatterns = [
    path("", views.JobListView.as_view(), name="job-list"),
    path("exports/new/", views.ExportStartView.as_view(), name="export-start"),
    path("exports/<int:pk>/", views.ExportDetailView.as_view(), name="export-detail"),
    path(
        "exports/<int:pk>/status/",
        views.JobStatusView.as_view(selector=export_jobs_visible_to),
        name="export-status",
    ),
    path("exports/<int:pk>/download/", views.ExportDownloadView.as_view(), name="export-download"),
    path(
        "exports/<int:pk>/restart/",
        views.JobRestartView.as_view(selector=export_jobs_visible_to, restart=services.export_job_restart),
        name="export-restart",
    ),
    path("imports/new/", views.ImportStartView.as_view(), name="import-start"),
    path(
        "imports/templates/<slug:kind>.<str:extension>",
        views.ImportTemplateView.as_view(),
        name="import-template",
    ),
    path("imports/<int:pk>/", views.ImportDetailView.as_view(), name="import-detail"),
    path(
        "imports/<int:pk>/status/",
        views.JobStatusView.as_view(selector=import_jobs_visible_to),
        name="import-status",
    ),
    path("imports/<int:pk>/confirm/", views.ImportConfirmView.as_view(), name="import-confirm"),
    path(
        "imports/<int:pk>/restart/",
        views.JobRestartView.as_view(selector=import_jobs_visible_to, restart=services.import_job_restart),
        name="import-restart",
    ),
]
