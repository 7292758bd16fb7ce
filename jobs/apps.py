"""The jobs app: import and export, run as tracked background jobs (label `jobs`)."""

from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    label = "jobs"
    verbose_name = "Background jobs"
