"""Admin views of import and export jobs, read only: administrators look into them, and may delete them."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import ExportJob, ImportJob


@admin.register(ExportJob)
class ExportJobAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "requested_by", "state", "progress", "attempts", "created_at", "finished_at"]
    list_filter = ["kind", "state"]
    list_select_related = ["requested_by"]


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "original_name", "requested_by", "state", "row_count", "created_count", "created_at"]
    list_filter = ["kind", "state"]
    list_select_related = ["requested_by"]
    exclude = ["errors", "preview"]
