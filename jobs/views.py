"""Pages for starting and following exports and imports; each write goes through one service."""

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from core.errors import PortalError
from core.exports import table_download
from core.permissions import PermissionMixin

from . import services
from .forms import ExportStartForm, ImportUploadForm
from .imports.columns import COLUMNS, template_rows
from .models import ImportKind
from .permissions import can_confirm_import, can_download_export, can_restart_job, can_start_import, can_view_job
from .selectors import (
    export_jobs_visible_to,
    export_params,
    filter_summary,
    import_jobs_visible_to,
    register_filter,
)

LATEST = 20


class JobListView(TemplateView):
    """The user's latest exports and imports (everyone's, for VRU staff), with their state."""

    template_name = "jobs/job_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            exports=export_jobs_visible_to(user)[:LATEST],
            imports=import_jobs_visible_to(user).defer("errors", "preview")[:LATEST],
            can_import=can_start_import.test(user),
            show_requester=user.is_vru_staff,
            **kwargs,
        )


class ExportStartView(FormView):
    """Choose a file to make of the projects the register showed (its filters arrive in the URL)."""

    template_name = "jobs/export_start.html"
    form_class = ExportStartForm

    def get_context_data(self, **kwargs):
        filterset = register_filter(self.request.user, export_params(self.request.GET))
        valid = filterset.is_valid()
        return super().get_context_data(
            filters_valid=valid,
            filters=filter_summary(filterset) if valid else [],
            project_count=filterset.qs.count() if valid else 0,
            querystring=self.request.GET.urlencode(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            job = services.export_job_start(
                user=self.request.user, kind=form.cleaned_data["kind"], params=export_params(self.request.GET)
            )
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        return redirect(job)


class ExportDetailView(DetailView):
    """An export's state and progress, then its download link, or why it failed and a way to start again."""

    template_name = "jobs/export_detail.html"
    context_object_name = "job"

    def get_queryset(self):
        return export_jobs_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        job, user = self.object, self.request.user
        return super().get_context_data(
            can_download=can_download_export.test(user, job),
            can_restart=can_restart_job.test(user, job),
            status_url=reverse("jobs:export-status", args=[job.pk]),
            restart_url=reverse("jobs:export-restart", args=[job.pk]),
            **kwargs,
        )


class ImportDetailView(DetailView):
    """An import's state: every problem by row and column, or a preview to confirm, or what was imported."""

    template_name = "jobs/import_detail.html"
    context_object_name = "job"

    def get_queryset(self):
        return import_jobs_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        job, user = self.object, self.request.user
        return super().get_context_data(
            can_confirm=can_confirm_import.test(user, job) and job.new_count > 0,
            can_restart=can_restart_job.test(user, job),
            status_url=reverse("jobs:import-status", args=[job.pk]),
            restart_url=reverse("jobs:import-restart", args=[job.pk]),
            **kwargs,
        )


class JobObjectMixin(PermissionMixin):
    """The job named in the URL, through the selector the URL names (404 for a job the user may not see)."""

    selector = None
    permission = can_view_job

    def get_permission_object(self):
        return get_object_or_404(self.selector(self.request.user), pk=self.kwargs["pk"])


class JobStatusView(JobObjectMixin, View):
    """A job's state as JSON, for the status page's script to poll."""

    def get(self, request, pk):
        job = self.object
        return JsonResponse(
            {"state": job.state, "label": job.get_state_display(), "progress": job.progress, "working": job.is_working}
        )


class JobRestartView(JobObjectMixin, View):
    """Start a failed or stalled job again."""

    permission = can_restart_job
    restart = None

    def post(self, request, pk):
        try:
            job = self.restart(user=request.user, job=self.object)
        except PortalError as error:
            messages.error(request, error.message)
            job = self.object
        return redirect(job)


class ExportDownloadView(JobObjectMixin, View):
    """The export's file, streamed from storage, to the person who asked for it or to VRU staff."""

    selector = staticmethod(export_jobs_visible_to)
    permission = can_download_export

    def get(self, request, pk):
        job = self.object
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.download_name)


class ImportStartView(PermissionMixin, FormView):
    """Upload a file of projects or returns; the portal then checks every row before anything is imported."""

    template_name = "jobs/import_start.html"
    form_class = ImportUploadForm
    permission = can_start_import

    def get_initial(self):
        return {"kind": self.request.GET.get("kind", ImportKind.PROJECTS)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=[(kind, COLUMNS[kind]) for kind in ImportKind], **kwargs)

    def form_valid(self, form):
        try:
            job = services.import_job_upload(
                user=self.request.user, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        return redirect(job)


class ImportTemplateView(View):
    """The template for an import, as CSV or Excel: the headings and an example row."""

    def get(self, request, kind, extension):
        if kind not in ImportKind.values or extension not in ("csv", "xlsx"):
            raise Http404("There is no such template.")
        return table_download(
            template_rows(kind),
            file_type=extension,
            filename=f"hayn-{kind}-template.{extension}",
            title=ImportKind(kind).label,
        )


class ImportConfirmView(JobObjectMixin, View):
    """Confirm a checked file: its rows are then imported all at once, or none are."""

    selector = staticmethod(import_jobs_visible_to)
    permission = can_confirm_import

    def post(self, request, pk):
        try:
            job = services.import_job_confirm(user=request.user, job=self.object)
        except PortalError as error:
            messages.error(request, error.message)
            job = self.object
        return redirect(job)
