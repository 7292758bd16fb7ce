"""API tokens in the Django admin: administrators see everyone's, revoke them, and read each token's history."""

from django.contrib import admin, messages

from core.admin import HistoryAdmin

from .models import ApiToken
from .tokens import token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(HistoryAdmin):
    list_display = ["name", "user", "prefix", "created_at", "expires_on", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at", "expires_on"]
    search_fields = ["name", "prefix", "user__username", "user__organisation__name"]
    readonly_fields = [field.name for field in ApiToken._meta.fields]
    actions = ["revoke"]

    def has_add_permission(self, request):
        # Tokens are made by their owners on the API tokens page, where the secret is shown once.
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        for token in queryset:
            token_revoke(token=token, user=request.user)
        messages.success(request, f"Revoked {queryset.count()} token(s).")
