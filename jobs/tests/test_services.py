"""Exports and imports: idempotent, all-or-nothing, and honest about failures."""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from core.errors import PortalError
from jobs import services
from jobs.importing import PROJECT_COLUMNS
from jobs.models import (
    MAX_ATTEMPTS,
    ExportJob,
    ExportKind,
    ExportState,
    ImportJob,
    ImportKind,
    ImportState,
)
from programmes.filters import ProjectFilter
from programmes.models import (
    ConsortiumMember,
    FundingProgramme,
    MonitoringReturn,
    Project,
    ProjectStatus,
    ReviewStatus,
)
from programmes.register import register_rows
from programmes.tests.factories import ProjectFactory

from .factories import ExportJobFactory
from .test_importing import project_row

pytestmark = pytest.mark.django_db


# Exports -------------------------------------------------------------------------------------------


def test_a_register_export_holds_exactly_the_register_s_columns_for_the_filtered_projects(
    run_on_commit, programme_manager, brent
):
    in_brent = [ProjectFactory(title=f"Brent {n}", boroughs=[brent]) for n in range(3)]
    ProjectFactory(title="Elsewhere")
    params = {"borough": [brent.gss_code], "ordering": ["-title"]}
    job = run_on_commit(services.export_job_start, user=programme_manager, kind=ExportKind.REGISTER_CSV, params=params)
    job.refresh_from_db()
    content = job.file.read()
    assert content.startswith("\ufeff".encode())  # So Excel reads it as UTF-8.
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    filterset = ProjectFilter(data={"borough": brent.gss_code, "ordering": "-title"}, queryset=Project.objects.all())
    expected = [["" if value is None else str(value) for value in row] for row in register_rows(filterset.qs)]
    assert rows == expected
    assert [p.title for p in reversed(in_brent)] == [row[0] for row in rows[1:] if row[0].startswith("Brent")]
    assert "Elsewhere" not in {row[0] for row in rows}
    assert (job.state, job.row_count, job.total_rows, job.progress) == (
        ExportState.DONE,
        len(rows) - 1,
        len(rows) - 1,
        100,
    )


def test_a_register_excel_export_has_the_same_rows(run_on_commit, programme_manager, brent):
    ProjectFactory(title="Brent", boroughs=[brent])
    job = run_on_commit(services.export_job_start, user=programme_manager, kind=ExportKind.REGISTER_XLSX, params={})
    job.refresh_from_db()
    sheet = load_workbook(io.BytesIO(job.file.read()), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Title"
    assert len(rows) == Project.objects.count() + 1


def test_an_export_holds_only_what_its_requester_may_see(run_on_commit, youth_lead, partnership):
    ProjectFactory(title="Someone else's draft", status=ProjectStatus.DRAFT)
    ProjectFactory(title="Hyde's draft", status=ProjectStatus.DRAFT, lead_organisation=youth_lead.organisation)
    job = run_on_commit(services.export_job_start, user=youth_lead, kind=ExportKind.REGISTER_CSV, params={})
    job.refresh_from_db()
    titles = [row[0] for row in csv.reader(io.StringIO(job.file.read().decode("utf-8-sig")))]
    assert "Hyde's draft" in titles
    assert "Someone else's draft" not in titles


def test_filters_that_do_not_validate_are_refused_at_the_start(programme_manager):
    with pytest.raises(PortalError, match="not valid"):
        services.export_job_start(
            user=programme_manager, kind=ExportKind.REGISTER_CSV, params={"borough": ["E09999999"]}
        )
    assert not ExportJob.objects.exists()


def test_running_an_export_twice_leaves_the_finished_one_alone(run_on_commit, programme_manager, partnership):
    job = run_on_commit(services.export_job_start, user=programme_manager, kind=ExportKind.REGISTER_CSV, params={})
    job.refresh_from_db()
    services.export_job_run(job_id=job.pk)
    again = ExportJob.objects.get(pk=job.pk)
    assert (again.state, again.attempts, again.file.name) == (ExportState.DONE, 1, job.file.name)


def test_a_job_whose_worker_died_mid_export_starts_over_cleanly(programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager, state=ExportState.RUNNING, attempts=1, progress=40)
    services.export_job_run(job_id=job.pk)  # The message comes back (acks_late) and runs again.
    job.refresh_from_db()
    assert (job.state, job.attempts, job.progress, job.error) == (ExportState.DONE, 2, 100, "")
    assert job.file.read().decode("utf-8-sig").startswith("Title,")


def test_a_job_that_keeps_dying_fails_then_can_be_started_again(run_on_commit, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager, state=ExportState.RUNNING, attempts=MAX_ATTEMPTS)
    services.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ExportState.FAILED
    assert f"stopped unexpectedly {MAX_ATTEMPTS} times" in job.error
    run_on_commit(services.export_job_restart, user=programme_manager, job=job)
    job.refresh_from_db()
    assert (job.state, job.attempts) == (ExportState.DONE, 1)


def test_an_unexpected_error_fails_the_export_with_a_message_and_no_file(monkeypatch, programme_manager, partnership):
    job = ExportJobFactory(requested_by=programme_manager)
    monkeypatch.setattr(services, "register_rows", lambda projects: iter([["Title"], [object()]]))
    monkeypatch.setattr(services, "write_csv", lambda rows, stream: 1 / 0)
    services.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ExportState.FAILED
    assert f"tell the VRU programme team (job {job.pk})" in job.error
    assert not job.file


def test_only_the_requester_restarts_and_only_a_stopped_job(programme_manager, programme_coordinator, partnership):
    job = ExportJobFactory(requested_by=programme_manager, state=ExportState.FAILED)
    with pytest.raises(PortalError):
        services.export_job_restart(user=programme_coordinator, job=job)
    running = ExportJobFactory(requested_by=programme_manager, state=ExportState.RUNNING)
    with pytest.raises(PortalError):
        services.export_job_restart(user=programme_manager, job=running)


# Imports -------------------------------------------------------------------------------------------


def project_file(rows, name="projects.csv"):
    text = io.StringIO()
    csv.writer(text).writerows([[c.heading for c in PROJECT_COLUMNS], *rows])
    return SimpleUploadedFile(name, text.getvalue().encode("utf-8"), content_type="text/csv")


def upload(run_on_commit, user, rows, kind=ImportKind.PROJECTS):
    job = run_on_commit(services.import_job_upload, user=user, kind=kind, upload=project_file(rows))
    job.refresh_from_db()
    return job


def confirm(run_on_commit, user, job):
    run_on_commit(services.import_job_confirm, user=user, job=job)
    job.refresh_from_db()
    return job


def rows_for_hyde(count, **values):
    return [project_row(reference=f"HY-{n:04d}", title=f"Project {n}", **values) for n in range(1, count + 1)]


def test_an_import_whose_500th_row_is_bad_writes_nothing_and_names_that_row(run_on_commit, youth_lead):
    rows = rows_for_hyde(498) + [project_row(reference="HY-LAST", end_date="2025-01-01")]
    job = upload(run_on_commit, youth_lead, rows)  # The heading is row 1: the bad row is the file's 500th.
    assert job.state == ImportState.INVALID
    assert job.errors == [
        {"row": 500, "column": "End date", "message": "The end date must be the same as or after the start date."}
    ]
    assert job.row_count == 499
    with pytest.raises(PortalError):
        services.import_job_confirm(user=youth_lead, job=job)
    assert not Project.objects.filter(external_reference__startswith="HY-").exists()


def test_a_row_that_breaks_between_check_and_import_stops_the_whole_import(run_on_commit, youth_lead):
    """All or nothing at the write too: the file is checked again inside the import's transaction."""
    rows = rows_for_hyde(498) + [project_row(reference="HY-LAST", funding_programme="Late Programme")]
    FundingProgramme.objects.create(name="Late Programme", funder=youth_lead.organisation)
    job = upload(run_on_commit, youth_lead, rows)
    assert (job.state, job.new_count) == (ImportState.VALID, 499)
    FundingProgramme.objects.filter(name="Late Programme").delete()
    job = confirm(run_on_commit, youth_lead, job)
    assert job.state == ImportState.INVALID
    assert job.errors == [
        {
            "row": 500,
            "column": "Funding programme",
            "message": "No funding programme called “Late Programme” is in the portal.",
        }
    ]
    assert not Project.objects.filter(external_reference__startswith="HY-").exists()


def test_an_import_writes_every_row_as_a_draft_with_its_links_and_history(run_on_commit, youth_lead, brent):
    rows = rows_for_hyde(3, intervention_types="Mentoring", consortium="Young Brent Foundation")
    job = confirm(run_on_commit, youth_lead, upload(run_on_commit, youth_lead, rows))
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


def test_importing_the_same_file_again_writes_nothing_new(run_on_commit, youth_lead):
    rows = rows_for_hyde(5)
    confirm(run_on_commit, youth_lead, upload(run_on_commit, youth_lead, rows))
    projects, history = Project.objects.count(), Project.history.count()
    again = upload(run_on_commit, youth_lead, rows)
    assert (again.state, again.new_count, again.existing_count) == (ImportState.VALID, 0, 5)
    again = confirm(run_on_commit, youth_lead, again)
    assert (again.state, again.created_count) == (ImportState.IMPORTED, 0)
    assert (Project.objects.count(), Project.history.count()) == (projects, history)


def test_a_crash_in_the_middle_of_writing_leaves_nothing_half_written(run_on_commit, monkeypatch, youth_lead):
    rows = rows_for_hyde(20, consortium="Young Brent Foundation")
    job = upload(run_on_commit, youth_lead, rows)

    def crash(*args, **kwargs):
        raise RuntimeError("worker died")

    monkeypatch.setattr(ConsortiumMember.objects, "bulk_create", crash)  # After the projects are inserted.
    job = confirm(run_on_commit, youth_lead, job)
    assert job.state == ImportState.FAILED
    assert not Project.objects.filter(external_reference__startswith="HY-").exists()
    assert not Project.history.filter(external_reference__startswith="HY-").exists()
    monkeypatch.undo()
    run_on_commit(services.import_job_restart, user=youth_lead, job=job)
    job = confirm(run_on_commit, youth_lead, ImportJob.objects.get(pk=job.pk))
    assert (job.state, job.created_count) == (ImportState.IMPORTED, 20)


def test_writing_an_import_twice_writes_it_once(run_on_commit, youth_lead):
    job = confirm(run_on_commit, youth_lead, upload(run_on_commit, youth_lead, rows_for_hyde(2)))
    services.import_job_write(job_id=job.pk)
    services.import_job_validate(job_id=job.pk)
    assert Project.objects.filter(external_reference__startswith="HY-").count() == 2
    assert ImportJob.objects.get(pk=job.pk).state == ImportState.IMPORTED


def test_only_the_uploader_confirms(run_on_commit, youth_lead, programme_manager):
    job = upload(run_on_commit, youth_lead, rows_for_hyde(1))
    with pytest.raises(PortalError):
        services.import_job_confirm(user=programme_manager, job=job)


def test_returns_are_imported_against_their_projects(run_on_commit, youth_lead):
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
    job = confirm(run_on_commit, youth_lead, ImportJob.objects.get(pk=job.pk))
    assert job.state == ImportState.IMPORTED, job.errors
    (created,) = MonitoringReturn.objects.filter(project=project)
    assert (created.period_end, created.young_people_reached, created.status) == (
        date(2025, 6, 30),
        30,
        ReviewStatus.DRAFT,
    )


def test_only_vru_staff_and_youth_leads_import(administrator):
    with pytest.raises(PortalError):
        services.import_job_upload(user=administrator, kind=ImportKind.PROJECTS, upload=project_file([]))
