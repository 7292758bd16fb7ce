"""Keeps the expected-returns schedule in step with every project save, the portal's services and the admin's alike."""

from django.db.models.signals import post_save

from .models import Project
from .services.expected_returns import expected_returns_schedule


def _project_saved(sender, instance, **kwargs):
    expected_returns_schedule(project_ids=[instance.pk])


def connect() -> None:
    """Listen to project saves (bulk writers call the schedule themselves: bulk_create sends no signal)."""
    post_save.connect(_project_saved, sender=Project, dispatch_uid="programmes-expected-returns-schedule")
