"""What the pages start: refused with a reason when the user or the job's state forbids it, queued after commit."""

import pytest

from core.errors import PortalError
from jobs import services
from jobs.models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind

from .factories import ExportJobFactory, project_file, rows_for_hyde

pytestmark = pytest.mark.django_db


def test_filters_that_do_not_validate_are_refused_at_the_start(programme_manager):
    with pytest.raises(PortalError, match="not valid"):
        services.export_job_start(
            user=programme_manager, kind=ExportKind.REGISTER_CSV, params={"borough": ["E09999999"]}
        )
    assert not ExportJob.objects.exists()


def test_a_job_is_queued_only_once_its_transaction_commits(django_capture_on_commit_callbacks, programme_manager):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        job = services.export_job_start(user=programme_manager, kind=ExportKind.REGISTER_CSV, params={})
    assert len(queued) == 1
    assert ExportJob.objects.get(pk=job.pk).state == ExportState.QUEUED  # Nothing ran before the commit.


def test_only_the_requester_restarts_and_only_a_stopped_job(programme_manager, programme_coordinator, partnership):
    job = ExportJobFactory(requested_by=programme_manager, failed=True)
    with pytest.raises(PortalError):
        services.export_job_restart(user=programme_coordinator, job=job)
    running = ExportJobFactory(requested_by=programme_manager, running=True)
    with pytest.raises(PortalError):
        services.export_job_restart(user=programme_manager, job=running)


def test_only_the_uploader_confirms(upload, youth_lead, programme_manager):
    job = upload(youth_lead, rows_for_hyde(1))
    with pytest.raises(PortalError):
        services.import_job_confirm(user=programme_manager, job=job)


def test_only_vru_staff_and_youth_leads_import(administrator):
    with pytest.raises(PortalError):
        services.import_job_upload(user=administrator, kind=ImportKind.PROJECTS, upload=project_file([]))
    assert not ImportJob.objects.exists()
