"""Each job permission, allowed and refused, for every role."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.models import ExportState, ImportState
from jobs.permissions import (
    can_confirm_import,
    can_download_export,
    can_restart_job,
    can_start_import,
    can_view_job,
)

from .factories import ExportJobFactory, ImportJobFactory

pytestmark = pytest.mark.django_db


def test_vru_staff_and_youth_leads_import_and_administrators_do_not(
    programme_manager, programme_coordinator, youth_lead, administrator
):
    assert can_start_import.test(programme_manager) and can_start_import.test(programme_coordinator)
    assert can_start_import.test(youth_lead)
    assert not can_start_import.test(administrator)


def test_a_job_is_seen_by_its_owner_and_vru_staff(youth_lead, other_youth_lead, programme_coordinator, administrator):
    job = ExportJobFactory(requested_by=youth_lead)
    assert can_view_job.test(youth_lead, job) and can_view_job.test(programme_coordinator, job)
    assert not can_view_job.test(other_youth_lead, job)
    assert not can_view_job.test(administrator, job)


def test_a_youth_lead_cannot_download_another_organisation_s_export(youth_lead, other_youth_lead, programme_manager):
    job = ExportJobFactory(done=True, requested_by=youth_lead)
    assert can_download_export.test(youth_lead, job)
    assert can_download_export.test(programme_manager, job)
    assert not can_download_export.test(other_youth_lead, job)


def test_nobody_downloads_an_unfinished_export(youth_lead):
    running = ExportJobFactory(requested_by=youth_lead, state=ExportState.RUNNING)
    assert not can_download_export.test(youth_lead, running)


def test_only_the_owner_restarts_and_only_a_failed_or_stalled_job(youth_lead, programme_manager):
    failed = ExportJobFactory(requested_by=youth_lead, state=ExportState.FAILED)
    assert can_restart_job.test(youth_lead, failed)
    assert not can_restart_job.test(programme_manager, failed)
    running = ExportJobFactory(requested_by=youth_lead, state=ExportState.RUNNING)
    assert not can_restart_job.test(youth_lead, running)
    running.updated_at = timezone.now() - timedelta(minutes=16)  # No sign of life: stalled.
    assert can_restart_job.test(youth_lead, running)
    assert not can_restart_job.test(youth_lead, ExportJobFactory(done=True, requested_by=youth_lead))


def test_only_the_uploader_confirms_and_only_a_checked_file(youth_lead, programme_manager):
    job = ImportJobFactory(requested_by=youth_lead, state=ImportState.VALID)
    assert can_confirm_import.test(youth_lead, job)
    assert not can_confirm_import.test(programme_manager, job)
    assert not can_confirm_import.test(youth_lead, ImportJobFactory(requested_by=youth_lead, state=ImportState.INVALID))
