"""Programmes' scheduled task (the day's return reminders), and the retry policy every task in the portal shares.

The policy lives here, in the lowest app with tasks, so coverage and jobs use it without importing each other.
Messages are acknowledged after the task ends (`acks_late`) and given back to the broker if the worker dies
(`reject_on_worker_lost`), so only tasks that are safe to run twice use it; transient errors retry with backoff.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from .reminders import reminders_send

# Failures that may pass if the task simply runs again a little later.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)

# A task runs at most this many times: once, then once more for each transient failure. A job the user
# follows counts its attempts against the same number, so a job whose worker keeps dying fails, not loops.
MAX_ATTEMPTS = 3

RELIABLY = {
    "ignore_result": True,  # What the task did is in the database.
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": MAX_ATTEMPTS - 1,
}


@shared_task(name="programmes.reminders_send", **RELIABLY)
def reminders_send_task() -> None:
    """Send the day's return reminders; running it twice sends nothing twice."""
    reminders_send()
