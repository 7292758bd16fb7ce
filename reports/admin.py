"""Admin view of report jobs, read only, as for exports."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(ReadOnlyAdmin):
    list_display = ["pk", "quarter_start", "requested_by", "state", "progress", "attempts", "created_at", "finished_at"]
    list_filter = ["state"]
    list_select_related = ["requested_by"]
