"""Tasks are thin and reliable: ids in, one service called, safe to run twice, transient failures retried, reported."""

import pytest
from django.db import OperationalError

from core.tasks import MAX_ATTEMPTS
from jobs import tasks
from jobs.exports import run
from jobs.models import ExportJob, ExportState, ImportJob, ImportState
from programmes.models import Project

from .factories import ExportJobFactory, rows_for_hyde

pytestmark = pytest.mark.django_db

# The portal's Celery app, reached through a task: jobs does not import the configuration above it.
app = tasks.export_job_run_task.app
JOB_TASKS = (tasks.export_job_run_task, tasks.import_job_validate_task, tasks.import_job_write_task)


def test_every_task_acknowledges_late_and_retries_transient_failures_with_backoff():
    for task in JOB_TASKS:
        assert task.acks_late and task.reject_on_worker_lost, task.name
        assert OperationalError in task.autoretry_for and ConnectionError in task.autoretry_for
        assert task.retry_backoff and task.max_retries == MAX_ATTEMPTS - 1


def test_every_task_has_a_stable_name_that_is_not_its_module_path():
    assert [task.name for task in JOB_TASKS] == ["jobs.export_run", "jobs.import_validate", "jobs.import_write"]
    assert all(task.name in app.tasks for task in JOB_TASKS)


@pytest.fixture
def retries_run_eagerly(monkeypatch):
    """Eager tasks retry in place only when they do not propagate errors (a worker never propagates them)."""
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


@pytest.mark.usefixtures("retries_run_eagerly")
def test_a_transient_failure_is_retried_and_the_export_then_finishes(monkeypatch, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager)
    real, calls = run._write_export, []

    def flaky(job, stream):
        calls.append(job.pk)
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real(job, stream)

    monkeypatch.setattr(run, "_write_export", flaky)
    tasks.export_job_run_task.delay(job_id=job.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts, len(calls)) == (ExportState.DONE, 2, 2)


@pytest.mark.usefixtures("retries_run_eagerly")
def test_when_retries_run_out_the_export_is_marked_failed(monkeypatch, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager)
    calls = []

    def down(job, stream):
        calls.append(job.pk)
        raise OperationalError("the database went away")

    monkeypatch.setattr(run, "_write_export", down)
    result = tasks.export_job_run_task.delay(job_id=job.pk)
    assert result.failed()
    job.refresh_from_db()
    assert (job.state, job.error, len(calls)) == (ExportState.FAILED, tasks.UNREACHABLE, MAX_ATTEMPTS)


# Each task run twice ---------------------------------------------------------------------------------


def test_the_export_task_is_safe_to_run_twice(programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager)
    tasks.export_job_run_task.delay(job_id=job.pk)
    first = ExportJob.objects.get(pk=job.pk)
    tasks.export_job_run_task.delay(job_id=job.pk)
    again = ExportJob.objects.get(pk=job.pk)
    assert (again.state, again.attempts, again.file.name) == (ExportState.DONE, 1, first.file.name)


def test_the_check_task_is_safe_to_run_twice(upload, youth_lead):
    job = upload(youth_lead, rows_for_hyde(2))  # The upload's commit ran the check once.
    tasks.import_job_validate_task.delay(job_id=job.pk)
    again = ImportJob.objects.get(pk=job.pk)
    assert (again.state, again.attempts, again.new_count) == (ImportState.VALID, 1, 2)


def test_the_write_task_is_safe_to_run_twice(upload, confirm, youth_lead):
    job = confirm(youth_lead, upload(youth_lead, rows_for_hyde(2)))  # The confirmation's commit wrote it once.
    tasks.import_job_write_task.delay(job_id=job.pk)
    assert Project.objects.filter(external_reference__startswith="HY-").count() == 2
    assert ImportJob.objects.get(pk=job.pk).state == ImportState.IMPORTED
