"""Admin views of import and export jobs, read only: administrators look into them, and may delete them."""

from django.contrib import admin

from programmes.models import ReturnReminder

from .models import ExportJob, ImportJob


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that only the portal itself writes: administrators look, and may delete, but never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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


# Registered here only until programmes/admin.py (being reorganised) can take it: it is programmes' model now.
@admin.register(ReturnReminder)
class ReturnReminderAdmin(ReadOnlyAdmin):
    list_display = ["project", "period_start", "stage", "sent_at"]
    list_filter = ["stage"]
    list_select_related = ["project"]
    raw_id_fields = ["project"]
