"""The coverage app's configuration."""

from django.apps import AppConfig


class CoverageConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "coverage"
    label = "coverage"
    verbose_name = "Coverage: overlaps and gaps"

    def ready(self):
        from . import signals  # Models are ready only now.

        signals.connect()
