"""Keeps the expected-returns schedule in step with every project save and every return saved or deleted, the
portal's services, the API's and the admin's alike."""

from django.db.models.signals import post_delete, post_save

from .models import MonitoringReturn, Project
from .services.expected_returns import expected_returns_received, expected_returns_schedule


def _project_saved(sender, instance, **kwargs):
    expected_returns_schedule(project_ids=[instance.pk])


def _return_written(sender, instance, **kwargs):
    # The project it was read with too, when it has been moved to another (in the admin).
    for project_id in {instance.project_id, getattr(instance, "project_id_as_read", None)} - {None}:
        expected_returns_received(project_id=project_id)


def connect() -> None:
    """Listen to project saves and return saves and deletes (bulk writers call the schedule themselves:
    bulk_create sends no signal)."""
    post_save.connect(_project_saved, sender=Project, dispatch_uid="programmes-expected-returns-schedule")
    post_save.connect(_return_written, sender=MonitoringReturn, dispatch_uid="programmes-return-saved-received")
    post_delete.connect(_return_written, sender=MonitoringReturn, dispatch_uid="programmes-return-deleted-received")
