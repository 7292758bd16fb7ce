"""Admin for programmes, projects, posts and returns: corrections with full history."""

from django.contrib import admin

from core.admin import HistoryAdmin, ReadOnlyAdmin

from . import rules
from .models import (
    ConsortiumMember,
    FundedPost,
    FundingProgramme,
    InterventionType,
    MonitoringReturn,
    Project,
    ReturnReminder,
    ReviewStatus,
    YouthVoiceSession,
)
from .services.projects import project_cancel


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(HistoryAdmin):
    list_display = ["name", "funder", "start_date", "end_date"]
    list_select_related = ["funder"]
    search_fields = ["name", "funder__name"]
    autocomplete_fields = ["funder"]


@admin.register(InterventionType)
class InterventionTypeAdmin(HistoryAdmin):
    """Kinds of work, with what the Youth Endowment Fund Toolkit says about each: administrators correct it here
    (every change kept in its history)."""

    list_display = ["name", "slug", "display_order", "yef_strand", "yef_impact", "yef_checked_on"]
    list_filter = ["yef_impact"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "display_order"]}),
        (
            "Evidence: Youth Endowment Fund Toolkit",
            {
                "fields": ["yef_strand", "yef_impact", "yef_headline", "yef_address", "yef_checked_on"],
                "description": "Quote only the rating and figure, with the strand's address and the date it was "
                "checked. A kind of work with no strand is “not rated”, never “no effect”.",
            },
        ),
    ]


class ConsortiumMemberInline(admin.TabularInline):
    model = ConsortiumMember
    autocomplete_fields = ["organisation"]
    extra = 0


class MonitoringReturnInline(admin.TabularInline):
    model = MonitoringReturn
    fields = ["period_start", "period_end", "young_people_reached", "sessions_delivered", "families_reached", "status"]
    extra = 0
    show_change_link = True

    def has_delete_permission(self, request, obj=None):
        return False  # A return is deleted on its own page, where verified ones are refused.


@admin.action(description="Cancel the selected projects (kept, with their history)")
def cancel_projects(modeladmin, request, queryset):
    for project in queryset:
        project_cancel(project=project, user=request.user)
    modeladmin.message_user(request, f"Cancelled {len(queryset)} project(s); each stays in the history.")


@admin.register(Project)
class ProjectAdmin(HistoryAdmin):
    list_display = ["title", "lead_organisation", "status", "start_date", "end_date", "target_reach", "is_synthetic"]
    list_filter = ["status", "funding_programme", "intervention_types", "boroughs", "youth_involvement", "is_synthetic"]
    list_select_related = ["lead_organisation"]
    search_fields = ["title", "description", "lead_organisation__name", "external_reference"]
    autocomplete_fields = ["lead_organisation", "funding_programme", "funder", "boroughs", "places", "reviewed_by"]
    filter_horizontal = ["intervention_types"]
    date_hierarchy = "start_date"
    readonly_fields = ["created_at", "updated_at", "version"]
    inlines = [ConsortiumMemberInline, MonitoringReturnInline]
    actions = [cancel_projects]

    def has_delete_permission(self, request, obj=None):
        """Django's bulk delete asks this of every object it would delete, so a verified one stops it too."""
        if obj is not None:
            verified_returns = obj.returns.filter(status=ReviewStatus.VERIFIED).exists()
            if rules.verified_work_deleted(obj.status, has_verified_returns=verified_returns):
                return False
        return super().has_delete_permission(request, obj)


@admin.register(ConsortiumMember)
class ConsortiumMemberAdmin(HistoryAdmin):
    list_display = ["project", "organisation", "role"]
    list_select_related = ["project", "organisation"]
    list_filter = ["role"]
    search_fields = ["project__title", "organisation__name"]
    autocomplete_fields = ["project", "organisation"]


@admin.register(FundedPost)
class FundedPostAdmin(HistoryAdmin):
    list_display = ["title", "host_organisation", "funder", "fte", "annual_cost", "is_filled", "start_date", "end_date"]
    list_select_related = ["host_organisation", "funder"]
    list_filter = ["is_filled", "funding_programme", "is_synthetic"]
    search_fields = ["title", "host_organisation__name", "holder_name"]
    autocomplete_fields = ["host_organisation", "funder", "funding_programme"]


@admin.register(MonitoringReturn)
class MonitoringReturnAdmin(HistoryAdmin):
    list_display = ["project", "period_start", "period_end", "young_people_reached", "status", "is_synthetic"]
    list_select_related = ["project"]
    list_filter = ["status", "period_start", "is_synthetic"]
    search_fields = ["project__title", "narrative", "external_reference"]
    autocomplete_fields = ["project", "submitted_by", "reviewed_by"]
    date_hierarchy = "period_start"
    readonly_fields = ["created_at", "updated_at", "version"]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and rules.verified_work_deleted(obj.status):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(YouthVoiceSession)
class YouthVoiceSessionAdmin(HistoryAdmin):
    list_display = ["title", "date", "borough", "young_people", "follow_up_status", "recorded_by_organisation"]
    list_select_related = ["borough", "recorded_by_organisation"]
    list_filter = ["follow_up_status", "borough"]
    search_fields = ["title", "you_said", "we_did"]
    autocomplete_fields = ["borough", "places", "organisations", "projects", "recorded_by", "recorded_by_organisation"]
    date_hierarchy = "date"
    readonly_fields = ["created_at", "updated_at"]


@admin.register(ReturnReminder)
class ReturnReminderAdmin(ReadOnlyAdmin):
    list_display = ["project", "period_start", "stage", "sent_at"]
    list_filter = ["stage"]
    list_select_related = ["project"]
    raw_id_fields = ["project"]
