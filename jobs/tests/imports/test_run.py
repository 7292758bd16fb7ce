"""Running an import: checked whole and named by row, then written all or nothing, once however often it runs."""

import pytest

from core.errors import PortalError
from jobs import services
from jobs.imports.run import import_job_validate, import_job_write
from jobs.models import ImportJob, ImportState
from programmes.models import ConsortiumMember, FundingProgramme, Project

from ..factories import project_row, rows_for_hyde

pytestmark = pytest.mark.django_db


def test_an_import_whose_500th_row_is_bad_writes_nothing_and_names_that_row(upload, youth_lead):
    rows = rows_for_hyde(498) + [project_row(reference="HY-LAST", end_date="2025-01-01")]
    job = upload(youth_lead, rows)  # The heading is row 1: the bad row is the file's 500th.
    assert job.state == ImportState.INVALID
    assert job.errors == [
        {"row": 500, "column": "End date", "message": "The end date must be the same as or after the start date"}
    ]
    assert job.row_count == 499
    with pytest.raises(PortalError):
        services.import_job_confirm(user=youth_lead, job=job)
    assert not Project.objects.filter(external_reference__startswith="HY-").exists()


def test_a_row_that_breaks_between_check_and_import_stops_the_whole_import(upload, confirm, youth_lead):
    """All or nothing at the write too: the file is checked again inside the import's transaction."""
    rows = rows_for_hyde(498) + [project_row(reference="HY-LAST", funding_programme="Late Programme")]
    FundingProgramme.objects.create(name="Late Programme", funder=youth_lead.organisation)
    job = upload(youth_lead, rows)
    assert (job.state, job.new_count) == (ImportState.VALID, 499)
    FundingProgramme.objects.filter(name="Late Programme").delete()
    job = confirm(youth_lead, job)
    assert job.state == ImportState.INVALID
    assert job.errors == [
        {
            "row": 500,
            "column": "Funding programme",
            "message": "No funding programme called “Late Programme” is in the portal.",
        }
    ]
    assert not Project.objects.filter(external_reference__startswith="HY-").exists()


def test_importing_the_same_file_again_writes_nothing_new(upload, confirm, youth_lead):
    rows = rows_for_hyde(5)
    confirm(youth_lead, upload(youth_lead, rows))
    projects, history = Project.objects.count(), Project.history.count()
    again = upload(youth_lead, rows)
    assert (again.state, again.new_count, again.existing_count) == (ImportState.VALID, 0, 5)
    again = confirm(youth_lead, again)
    assert (again.state, again.created_count) == (ImportState.IMPORTED, 0)
    assert (Project.objects.count(), Project.history.count()) == (projects, history)


def test_a_crash_in_the_middle_of_writing_leaves_nothing_half_written(
    run_on_commit, upload, confirm, monkeypatch, youth_lead
):
    rows = rows_for_hyde(20, consortium="Young Brent Foundation")
    job = upload(youth_lead, rows)

    def crash(*args, **kwargs):
        raise RuntimeError("worker died")

    monkeypatch.setattr(ConsortiumMember.objects, "bulk_create", crash)  # After the projects are inserted.
    job = confirm(youth_lead, job)
    assert job.state == ImportState.FAILED
    assert not Project.objects.filter(external_reference__startswith="HY-").exists()
    assert not Project.history.filter(external_reference__startswith="HY-").exists()
    monkeypatch.undo()
    run_on_commit(services.import_job_restart, user=youth_lead, job=job)
    job = confirm(youth_lead, ImportJob.objects.get(pk=job.pk))
    assert (job.state, job.created_count) == (ImportState.IMPORTED, 20)


def test_writing_an_import_twice_writes_it_once(upload, confirm, youth_lead):
    job = confirm(youth_lead, upload(youth_lead, rows_for_hyde(2)))
    import_job_write(job_id=job.pk)
    import_job_validate(job_id=job.pk)
    assert Project.objects.filter(external_reference__startswith="HY-").count() == 2
    assert ImportJob.objects.get(pk=job.pk).state == ImportState.IMPORTED
