"""Fixtures for import and export: files in a throwaway media folder, tasks run when transactions commit."""

import pytest

from boroughs.models import Borough
from jobs import services
from jobs.models import ImportKind

from .factories import project_file


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every file a test exports or uploads lands in its own folder, through the storage API."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what services enqueue with transaction.on_commit (eager tasks), as a commit would."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def upload(run_on_commit):
    """Upload rows of projects as a user, the check running as the commit queues it; the job as it then is."""

    def upload(user, rows, kind=ImportKind.PROJECTS):
        job = run_on_commit(services.import_job_upload, user=user, kind=kind, upload=project_file(rows))
        job.refresh_from_db()
        return job

    return upload


@pytest.fixture
def confirm(run_on_commit):
    """Confirm a checked import as a user, the write running as the commit queues it; the job as it then is."""

    def confirm(user, job):
        run_on_commit(services.import_job_confirm, user=user, job=job)
        job.refresh_from_db()
        return job

    return confirm


@pytest.fixture
def brent(partnership):
    return Borough.objects.get(name="Brent")
