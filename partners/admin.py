"""Admin for organisations and people: corrections with full history."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from core.admin import CheckedAddressAdmin, HistoryAdmin

from .models import Organisation, User


class PersonInline(admin.TabularInline):
    model = User
    fields = ["username", "first_name", "last_name", "email", "role", "job_title", "is_active"]
    extra = 0
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ["name", "kind", "is_hayn_member", "successor", "succession_date", "is_synthetic"]
    list_filter = ["kind", "is_hayn_member", "succession_kind", "is_synthetic"]
    search_fields = ["name", "charity_number", "company_number", "social_housing_regulator_code"]
    autocomplete_fields = ["successor"]
    inlines = [PersonInline]
    fieldsets = [
        (None, {"fields": ["name", "kind", "is_hayn_member", "website", "is_synthetic"]}),
        ("Registration numbers", {"fields": ["charity_number", "company_number", "social_housing_regulator_code"]}),
        ("Succession", {"fields": ["successor", "succession_kind", "succession_date"]}),
    ]


@admin.register(User)
class PortalUserAdmin(CheckedAddressAdmin, UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active", "is_staff", "organisation__kind"]
    search_fields = ["username", "email", "first_name", "last_name", "organisation__name"]
    autocomplete_fields = ["organisation"]
    fieldsets = UserAdmin.fieldsets + (("Partnership", {"fields": ["organisation", "role", "job_title"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Partnership", {"fields": ["email", "first_name", "last_name", "organisation", "role", "job_title"]}),
    )
