"""The retry policy every Celery task in the portal shares.

Messages are acknowledged after the task ends (`acks_late`) and given back to the broker if the worker dies
(`reject_on_worker_lost`), so only tasks that are safe to run twice use it; transient errors retry with backoff.
"""

from django.db import InterfaceError, OperationalError

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
