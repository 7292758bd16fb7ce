"""A job's life: a dead worker's job starts over, one that keeps dying fails, and only its owner restarts it."""

import pytest

from core.tasks import MAX_ATTEMPTS
from jobs import services
from jobs.exports.run import export_job_run
from jobs.lifecycle import job_fail
from jobs.models import ExportJob, ExportState

from .factories import ExportJobFactory

pytestmark = pytest.mark.django_db


def test_a_job_whose_worker_died_mid_export_starts_over_cleanly(programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager, running=True, attempts=1, progress=40)
    export_job_run(job_id=job.pk)  # The message comes back (acks_late) and runs again.
    job.refresh_from_db()
    assert (job.state, job.attempts, job.progress, job.error) == (ExportState.DONE, 2, 100, "")
    assert job.file.read().decode("utf-8-sig").startswith("Title,")


def test_a_job_that_keeps_dying_fails_then_can_be_started_again(run_on_commit, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager, running=True, attempts=MAX_ATTEMPTS)
    export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ExportState.FAILED
    assert f"stopped unexpectedly {MAX_ATTEMPTS} times" in job.error
    run_on_commit(services.export_job_restart, user=programme_manager, job=job)
    job.refresh_from_db()
    assert (job.state, job.attempts) == (ExportState.DONE, 1)


def test_a_failure_arriving_after_the_job_finished_leaves_it_finished(programme_manager):
    done = ExportJobFactory(requested_by=programme_manager, done=True)
    queued = ExportJobFactory(requested_by=programme_manager)
    for job in (done, queued):
        job_fail(ExportJob, job.pk, "The database went away.", unless=[ExportState.DONE])
    done.refresh_from_db()
    queued.refresh_from_db()
    assert (done.state, done.error) == (ExportState.DONE, "")
    assert (queued.state, queued.error) == (ExportState.FAILED, "The database went away.")
    assert queued.finished_at is not None
