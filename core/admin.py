"""The Django admin, opened to the administrator role however the account was made (not to Django's staff flag)."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, ValidationError
from simple_history.admin import SimpleHistoryAdmin

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


class CheckedAddressAdmin(admin.ModelAdmin):
    """A model admin whose addresses never reach the database unchecked: an add page's values from the query
    string (?organisation=) that the field could not hold are dropped, and a history page for an id that is
    not one goes back to the list with Django's "does not exist" message, as the change page does."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        return {name: value for name, value in initial.items() if self._fits(name, value)}

    def _fits(self, name: str, value) -> bool:
        try:
            field = self.opts.get_field(name)
        except FieldDoesNotExist:
            return True
        target = field.target_field if field.is_relation else field
        values = value if isinstance(value, list) else [value]
        try:
            for one in values:
                if "\x00" in str(one):
                    return False
                target.to_python(one)
        except ValidationError:
            return False
        return True

    def history_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_view(request, object_id, extra_context)


class HistoryAdmin(CheckedAddressAdmin, SimpleHistoryAdmin):
    """simple-history's admin (each record's changes, who and when) with the addresses checked."""


class ReadOnlyAdmin(CheckedAddressAdmin):
    """Records that only the portal itself writes: administrators look, and may delete, but never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
