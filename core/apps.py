"""The core app: shared foundations with no models of their own."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Template tags, roles, helpers; registers the bounded `in` lookup when Django starts."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import lookups  # noqa: F401 (registers the lookup)
