"""Fixtures for background jobs: files in a throwaway media folder, tasks run when transactions commit."""

import pytest

from boroughs.models import Borough


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
def brent(partnership):
    return Borough.objects.get(name="Brent")
