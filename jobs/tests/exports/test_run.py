"""Running an export: a finished export is left alone, and an unexpected error fails it with a message and no file."""

import pytest

from jobs import services
from jobs.exports import register
from jobs.exports.run import export_job_run
from jobs.models import ExportJob, ExportKind, ExportState

from ..factories import ExportJobFactory

pytestmark = pytest.mark.django_db


def test_running_an_export_twice_leaves_the_finished_one_alone(run_on_commit, programme_manager, partnership):
    job = run_on_commit(services.export_job_start, user=programme_manager, kind=ExportKind.REGISTER_CSV, params={})
    job.refresh_from_db()
    export_job_run(job_id=job.pk)
    again = ExportJob.objects.get(pk=job.pk)
    assert (again.state, again.attempts, again.file.name) == (ExportState.DONE, 1, job.file.name)


def test_an_unexpected_error_fails_the_export_with_a_message_and_no_file(monkeypatch, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager)
    monkeypatch.setattr(register, "register_rows", lambda projects: iter([["Title"], [object()]]))
    monkeypatch.setattr(register, "write_csv", lambda rows, stream: 1 / 0)
    export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ExportState.FAILED
    assert f"tell the VRU programme team (job {job.pk})" in job.error
    assert not job.file
