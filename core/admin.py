"""The Django admin, opened to the administrator role however the account was made (not to Django's staff flag)."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from .roles import is_administrator


class AdministratorSignInForm(AdminAuthenticationForm):
    """The admin's sign-in form, letting in administrators and no one else."""

    def confirm_login_allowed(self, user):
        if not (user.is_active and is_administrator.test(user)):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class PortalAdminSite(admin.AdminSite):
    """The admin site that `core.apps.PortalAdminConfig` makes the default."""

    login_form = AdministratorSignInForm

    def has_permission(self, request):
        return request.user.is_active and is_administrator.test(request.user)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that only the portal itself writes: administrators look, and may delete, but never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
