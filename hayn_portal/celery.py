"""The Celery application; tasks are discovered in each app's tasks.py, and the one beat schedule lives here."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hayn_portal.settings.local")

app = Celery("hayn_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Times are London time (CELERY_TIMEZONE). Run exactly one `celery beat` process.
app.conf.beat_schedule = {
    # Every day at 07:00: email youth leads about returns due within 14 days or overdue (once per return per stage).
    "return-reminders": {
        "task": "jobs.tasks.reminders_send_task",
        "schedule": crontab(hour=7, minute=0),
    },
    # Every night at 02:00: keep the night's coverage counts, for the dashboard's trend.
    "coverage-snapshot": {
        "task": "jobs.tasks.coverage_snapshot_take_task",
        "schedule": crontab(hour=2, minute=0),
    },
}
