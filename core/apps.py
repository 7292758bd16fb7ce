"""The core app: shared foundations with no models of their own."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    """Template tags, roles, helpers; registers the bounded `in` lookup when Django starts."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import lookups  # noqa: F401 (registers the lookup)


class PortalAdminConfig(admin_apps.AdminConfig):
    """`django.contrib.admin` with the portal's site (administrators only) as the default one."""

    default = False  # Named in INSTALLED_APPS in place of django.contrib.admin; CoreConfig is this module's default.
    default_site = "core.admin.PortalAdminSite"
