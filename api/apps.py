"""The Partner API's app configuration."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Partner API"

    def ready(self):
        from . import schema  # noqa: F401  (registers the token scheme with drf-spectacular)
