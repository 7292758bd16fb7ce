"""Admin for overlap reviews: corrections with full history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import OverlapReview


@admin.register(OverlapReview)
class OverlapReviewAdmin(SimpleHistoryAdmin):
    list_display = ["intervention_type", "place", "borough", "status", "reviewed_by", "reviewed_at"]
    list_filter = ["status", "intervention_type"]
    list_select_related = ["intervention_type", "place__borough", "borough", "reviewed_by"]
    search_fields = ["note", "place__name", "borough__name"]
    autocomplete_fields = ["place", "borough", "reviewed_by"]
    readonly_fields = ["key", "project_ids"]
