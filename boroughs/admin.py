"""Admin for boroughs and places: corrections with full history."""

from django.contrib import admin

from core.admin import HistoryAdmin

from .models import Borough, Place, PlaceLandlord


@admin.register(Borough)
class BoroughAdmin(HistoryAdmin):
    list_display = ["name", "gss_code", "is_partnership_borough", "grid_column", "grid_row"]
    list_filter = ["is_partnership_borough"]
    search_fields = ["name", "gss_code"]


class PlaceLandlordInline(admin.TabularInline):
    model = PlaceLandlord
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Place)
class PlaceAdmin(HistoryAdmin):
    list_display = ["name", "kind", "borough", "priority", "ward_gss_code", "is_synthetic"]
    list_filter = ["kind", "priority", "borough__is_partnership_borough", "borough", "is_synthetic"]
    list_select_related = ["borough"]
    search_fields = ["name", "borough__name", "ward_gss_code"]
    autocomplete_fields = ["borough", "also_in_boroughs"]
    inlines = [PlaceLandlordInline]


@admin.register(PlaceLandlord)
class PlaceLandlordAdmin(HistoryAdmin):
    list_display = ["place", "organisation", "homes"]
    list_select_related = ["place__borough", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["place__name", "organisation__name"]
    autocomplete_fields = ["place", "organisation"]
