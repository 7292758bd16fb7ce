"""Admin views of background work: jobs to look into, reminders sent, and the nightly coverage snapshots."""

from django.contrib import admin

from .models import CoverageSnapshot, ExportJob, ImportJob, ReturnReminder


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


@admin.register(ReturnReminder)
class ReturnReminderAdmin(ReadOnlyAdmin):
    list_display = ["project", "period_start", "stage", "sent_at"]
    list_filter = ["stage"]
    list_select_related = ["project"]
    raw_id_fields = ["project"]


@admin.register(CoverageSnapshot)
class CoverageSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["taken_on", "source", "gap_count", "overlap_count", "counted_projects", "active_projects"]
    date_hierarchy = "taken_on"
