"""Jobs run on a real Celery worker over the real Redis broker, with committed data (not eager mode)."""

import json
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings
from django.db import connections, transaction

from jobs import services, tasks
from jobs.models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind, ImportState
from programmes.models import Project
from programmes.tests.factories import ProjectFactory

from .factories import project_file, project_row
from .schema import package_errors

# The portal's Celery app, reached through a task: jobs does not import the configuration above it.
app = tasks.export_job_run_task.app

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(monkeypatch):
    """A Celery worker in a thread, consuming from the Redis at REDIS_URL, with eager mode off.

    Yields the names of the threads tasks ran in, so a test can show they did not run in its own.
    """
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: these tests need a real Redis broker (CI always sets it).")
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    app.control.purge()  # Messages left in this Redis database by an interrupted run name jobs that are gone.
    ran_in = []

    def after_task(task, **kwargs):
        # Writing projects also has coverage.recompute run, which is not the job a test waits for.
        if not task.name.startswith("coverage."):
            ran_in.append(threading.current_thread().name)
        # The worker thread's connections must not outlive the test, or the test database cannot be dropped.
        connections.close_all()

    task_postrun.connect(after_task, weak=False)
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING", shutdown_timeout=30):
            yield ran_in
    finally:
        task_postrun.disconnect(after_task)


def wait_for(model, pk, *states, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = model.objects.get(pk=pk)
        if job.state in states:
            return job
        time.sleep(0.1)
    raise AssertionError(f"{model.__name__} {pk} stayed {job.state}")


def test_a_360giving_export_made_by_a_worker_validates_against_the_official_schema(worker, programme_manager):
    for amount in (1000, 2500):
        ProjectFactory(funding_amount=amount)
    with transaction.atomic():
        job = services.export_job_start(user=programme_manager, kind=ExportKind.THREESIXTYGIVING_JSON, params={})
    job = wait_for(ExportJob, job.pk, ExportState.DONE, ExportState.FAILED)
    assert (job.state, job.error, job.row_count) == (ExportState.DONE, "", 2)
    assert package_errors(json.loads(job.file.read())) == []
    assert worker and threading.current_thread().name not in worker


def test_an_import_on_a_worker_writes_nothing_when_its_500th_row_is_bad_then_everything_when_fixed(worker, youth_lead):
    def upload(rows):
        with transaction.atomic():
            job = services.import_job_upload(
                user=youth_lead, kind=ImportKind.PROJECTS, upload=project_file(rows, "p.csv")
            )
        return wait_for(ImportJob, job.pk, ImportState.VALID, ImportState.INVALID, ImportState.FAILED)

    good = [project_row(reference=f"HY-{n}", title=f"Project {n}") for n in range(498)]
    bad = upload([*good, project_row(reference="HY-LAST", age_min="19")])
    assert bad.errors == [
        {"row": 500, "column": "Oldest age", "message": "The oldest age must be the same as or above the youngest age"}
    ]
    fixed = upload([*good, project_row(reference="HY-LAST")])
    assert fixed.state == ImportState.VALID
    with transaction.atomic():
        services.import_job_confirm(user=youth_lead, job=fixed)
    done = wait_for(ImportJob, fixed.pk, ImportState.IMPORTED, ImportState.INVALID, ImportState.FAILED)
    assert (done.state, done.created_count) == (ImportState.IMPORTED, 499)
    assert Project.objects.filter(external_reference__startswith="HY-").count() == 499
    assert len(worker) == 3 and threading.current_thread().name not in worker
