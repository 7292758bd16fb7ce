"""Writing an import: projects and returns as drafts, with their links, consortium and history, by the uploader."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jobs import services
from jobs.models import ImportJob, ImportKind, ImportState
from programmes.models import MonitoringReturn, Project, ProjectStatus, ReviewStatus
from programmes.tests.factories import ProjectFactory

from ..factories import rows_for_hyde

pytestmark = pytest.mark.django_db


def test_an_import_writes_every_row_as_a_draft_with_its_links_and_history(upload, confirm, youth_lead, brent):
    rows = rows_for_hyde(3, intervention_types="Mentoring", consortium="Young Brent Foundation")
    job = confirm(youth_lead, upload(youth_lead, rows))
    assert (job.state, job.created_count) == (ImportState.IMPORTED, 3)
    projects = Project.objects.filter(external_reference__startswith="HY-")
    assert projects.count() == 3
    project = projects.get(external_reference="HY-0002")
    assert project.status == ProjectStatus.DRAFT
    assert project.lead_organisation == youth_lead.organisation
    assert list(project.boroughs.all()) == [brent]
    assert [t.slug for t in project.intervention_types.all()] == ["mentoring"]
    assert [m.organisation.name for m in project.consortium_members.all()] == ["Young Brent Foundation"]
    record = project.history.get()
    assert record.history_user == youth_lead
    assert record.history_change_reason == f"Imported from projects.csv (import {job.pk})"
    assert [b.borough for b in record.boroughs.all()] == [brent]  # The links are in the history too.


def test_returns_are_imported_against_their_projects(run_on_commit, confirm, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, external_reference="HY-1")
    content = (
        "Reference,Project reference,Period start,Period end,Young people reached\r\n"
        "R1,HY-1,2025-04-01,2025-06-30,30\r\n"
    )
    job = run_on_commit(
        services.import_job_upload,
        user=youth_lead,
        kind=ImportKind.RETURNS,
        upload=SimpleUploadedFile("returns.csv", content.encode()),
    )
    job = confirm(youth_lead, ImportJob.objects.get(pk=job.pk))
    assert job.state == ImportState.IMPORTED, job.errors
    (created,) = MonitoringReturn.objects.filter(project=project)
    assert (created.period_end, created.young_people_reached, created.status) == (
        date(2025, 6, 30),
        30,
        ReviewStatus.DRAFT,
    )
