"""Programmes' scheduled task: the day's return reminders."""

from celery import shared_task

from core.tasks import RELIABLY

from .reminders import reminders_send


@shared_task(name="programmes.reminders_send", **RELIABLY)
def reminders_send_task() -> None:
    """Send the day's return reminders; running it twice sends nothing twice."""
    reminders_send()
