"""The quarterly report page, and making, following and downloading its PDF (the jobs app's pages reused)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, TemplateView

from core.errors import PortalError
from core.permissions import PermissionMixin
from jobs.permissions import can_download_export, can_restart_job
from programmes.selectors.projects import projects_visible_to

from .forms import QuarterForm
from .permissions import can_view_quarterly_report
from .selectors import quarterly_report, report_jobs_visible_to
from .services import report_pdf_start


class QuarterlyReportView(PermissionMixin, TemplateView):
    """The partnership in a chosen quarter, ready to print, with a button to make it as a PDF."""

    permission = can_view_quarterly_report
    template_name = "reports/quarterly_report.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = QuarterForm(self.request.GET or None, today=today)
        report = None
        if form.is_valid():
            report = quarterly_report(projects_visible_to(self.request.user), quarter=form.chosen(), today=today)
        return super().get_context_data(form=form, report=report, **kwargs)


class ReportPdfStartView(PermissionMixin, View):
    """Queue the PDF of the chosen quarter's report and follow it on its job page."""

    permission = can_view_quarterly_report

    def post(self, request):
        form = QuarterForm(request.POST, today=timezone.localdate())
        if not form.is_valid():
            messages.error(request, "Choose a quarter from the list, then make the PDF.")
            return redirect("reports:quarterly")
        try:
            job = report_pdf_start(user=request.user, quarter=form.chosen())
        except PortalError as error:
            messages.error(request, error.message)
            return redirect("reports:quarterly")
        return redirect(job)


class ReportJobDetailView(DetailView):
    """A report PDF's progress, then its download link, or why it failed and a way to start again."""

    template_name = "reports/report_job.html"
    context_object_name = "job"

    def get_queryset(self):
        return report_jobs_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        job, user = self.object, self.request.user
        return super().get_context_data(
            can_download=can_download_export.test(user, job),
            can_restart=can_restart_job.test(user, job),
            status_url=reverse("reports:pdf-status", args=[job.pk]),
            restart_url=reverse("reports:pdf-restart", args=[job.pk]),
            **kwargs,
        )
