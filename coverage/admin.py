"""Admin for overlap reviews (corrections with full history) and the nightly coverage snapshots (read only)."""

from django.contrib import admin

from core.admin import HistoryAdmin, ReadOnlyAdmin

from .models import CoverageSnapshot, OverlapReview


@admin.register(OverlapReview)
class OverlapReviewAdmin(HistoryAdmin):
    list_display = ["intervention_type", "place", "borough", "status", "reviewed_by", "reviewed_at"]
    list_filter = ["status", "intervention_type"]
    list_select_related = ["intervention_type", "place__borough", "borough", "reviewed_by"]
    search_fields = ["note", "place__name", "borough__name"]
    autocomplete_fields = ["place", "borough", "reviewed_by"]
    readonly_fields = ["key", "project_ids"]


@admin.register(CoverageSnapshot)
class CoverageSnapshotAdmin(ReadOnlyAdmin):
    """Snapshots only the nightly task writes."""

    list_display = ["taken_on", "source", "gap_count", "overlap_count", "counted_projects", "active_projects"]
    date_hierarchy = "taken_on"
