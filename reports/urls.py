"""URLs of the quarterly report and its PDFs."""

from django.urls import path

from jobs.views import ExportDownloadView, JobRestartView, JobStatusView

from . import services, views
from .selectors import report_jobs_visible_to

app_name = "reports"

urlpatterns = [
    path("quarterly/", views.QuarterlyReportView.as_view(), name="quarterly"),
    path("quarterly/pdf/", views.ReportPdfStartView.as_view(), name="pdf-start"),
    path("pdf/<int:pk>/", views.ReportJobDetailView.as_view(), name="pdf-detail"),
    path("pdf/<int:pk>/status/", JobStatusView.as_view(selector=report_jobs_visible_to), name="pdf-status"),
    path("pdf/<int:pk>/download/", ExportDownloadView.as_view(selector=report_jobs_visible_to), name="pdf-download"),
    path(
        "pdf/<int:pk>/restart/",
        JobRestartView.as_view(selector=report_jobs_visible_to, restart=services.report_pdf_restart),
        name="pdf-restart",
    ),
]
