"""The beat schedule: each entry names a task that exists, at the time its comment gives, in London time."""

from coverage.tasks import coverage_snapshot_take_task
from hayn_portal.celery import app
from programmes.tasks import reminders_send_task


def test_the_beat_schedule_runs_reminders_at_seven_and_snapshots_at_two_london_time():
    schedule = app.conf.beat_schedule
    assert app.conf.timezone == "Europe/London"
    reminders, snapshots = schedule["return-reminders"], schedule["coverage-snapshot"]
    assert reminders["task"] == reminders_send_task.name
    assert (reminders["schedule"].hour, reminders["schedule"].minute) == ({7}, {0})
    assert snapshots["task"] == coverage_snapshot_take_task.name
    assert (snapshots["schedule"].hour, snapshots["schedule"].minute) == ({2}, {0})


def test_every_scheduled_task_is_registered_under_its_stable_name():
    app.loader.import_default_modules()
    assert {entry["task"] for entry in app.conf.beat_schedule.values()} <= set(app.tasks)
