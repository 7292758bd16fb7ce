"""The Celery application; tasks are discovered in each app's tasks.py, and the one beat schedule lives here."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hayn_portal.settings.local")

app = Celery("hayn_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Times are London time (CELERY_TIMEZONE). Run exactly one `celery beat` process. Each task is named by its
# stable `name=` (app.what_it_does), never by its module path, so moving code never breaks the schedule.
app.conf.beat_schedule = {
    # Every day at 07:00: email youth leads about returns due within 14 days or overdue (once per return per stage).
    "return-reminders": {
        "task": "programmes.reminders_send",
        "schedule": crontab(hour=7, minute=0),
    },
    # Every night at 02:00: keep the night's coverage counts, for the dashboard's trend.
    "coverage-snapshot": {
        "task": "coverage.snapshot_take",
        "schedule": crontab(hour=2, minute=0),
    },
}
