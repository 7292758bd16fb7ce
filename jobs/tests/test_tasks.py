"""Tasks are thin and reliable: ids in, one service called, transient failures retried, then reported."""

import pytest
from django.db import OperationalError

from hayn_portal.celery import app
from jobs import services, tasks
from jobs.models import MAX_ATTEMPTS, ExportState

from .factories import ExportJobFactory

pytestmark = pytest.mark.django_db


def test_every_task_acknowledges_late_and_retries_transient_failures_with_backoff():
    for task in (
        tasks.export_job_run_task,
        tasks.import_job_validate_task,
        tasks.import_job_write_task,
    ):
        assert task.acks_late and task.reject_on_worker_lost, task.name
        assert OperationalError in task.autoretry_for and ConnectionError in task.autoretry_for
        assert task.retry_backoff and task.max_retries == MAX_ATTEMPTS - 1


@pytest.fixture
def retries_run_eagerly(monkeypatch):
    """Eager tasks retry in place only when they do not propagate errors (a worker never propagates them)."""
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


@pytest.mark.usefixtures("retries_run_eagerly")
def test_a_transient_failure_is_retried_and_the_export_then_finishes(monkeypatch, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager)
    real, calls = services._write_export, []

    def flaky(job, stream):
        calls.append(job.pk)
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real(job, stream)

    monkeypatch.setattr(services, "_write_export", flaky)
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

    monkeypatch.setattr(services, "_write_export", down)
    result = tasks.export_job_run_task.delay(job_id=job.pk)
    assert result.failed()
    job.refresh_from_db()
    assert (job.state, job.error, len(calls)) == (ExportState.FAILED, tasks.UNREACHABLE, MAX_ATTEMPTS)
