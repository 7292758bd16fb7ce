"""The import and export pages: GOV.UK markup, scoped to their owner, with their query counts pinned."""

import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from jobs.models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind, ImportState
from programmes.models import Project
from programmes.tests.factories import ProjectFactory

from .factories import ExportJobFactory, ImportJobFactory, project_file, project_row

pytestmark = pytest.mark.django_db

# Every signed-in page costs six queries before its own: the session, the user, their organisation (the
# header shows it) and saving the session (an update between a savepoint and its release).
SIGNED_IN = 6


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# The job list ----------------------------------------------------------------------------------------


def test_the_navigation_offers_import_and_export(youth_lead_client):
    assert f'href="{reverse("jobs:job-list")}"' in page(youth_lead_client.get(reverse("home"), follow=True))


@pytest.mark.parametrize("size", [1, 12])
def test_the_job_list_shows_a_youth_lead_only_their_own_jobs_in_a_fixed_number_of_queries(
    django_assert_max_num_queries, youth_lead_client, youth_lead, other_youth_lead, size
):
    for _ in range(size):
        ExportJobFactory(requested_by=youth_lead)
        ImportJobFactory(requested_by=youth_lead, original_name="mine.csv")
    ImportJobFactory(requested_by=other_youth_lead, original_name="theirs.csv")
    with django_assert_max_num_queries(SIGNED_IN + 2):
        html = page(youth_lead_client.get(reverse("jobs:job-list")))
    assert html.count("mine.csv") == size
    assert "theirs.csv" not in html
    assert "Asked for by" not in html


def test_vru_staff_see_everyone_s_jobs_and_who_asked(programme_manager_client, youth_lead):
    ExportJobFactory(requested_by=youth_lead)
    html = page(programme_manager_client.get(reverse("jobs:job-list")))
    assert "Asked for by" in html
    assert "lead.hyde, Hyde" in html


# Exports ---------------------------------------------------------------------------------------------


def test_the_export_page_carries_the_register_s_filters_and_starts_the_export(
    django_capture_on_commit_callbacks, programme_manager_client, brent
):
    ProjectFactory(title="In Brent", boroughs=[brent])
    url = reverse("jobs:export-start") + f"?borough={brent.gss_code}&unknown=1"
    html = page(programme_manager_client.get(url))
    assert "match these filters" in html
    assert "Brent" in html
    assert f'action="{reverse("jobs:export-start")}?borough={brent.gss_code}&amp;unknown=1"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = programme_manager_client.post(url, {"kind": ExportKind.REGISTER_CSV})
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.params == {"borough": [brent.gss_code]}
    job.refresh_from_db()
    assert job.state == ExportState.DONE


def test_an_export_with_no_kind_chosen_is_refused_at_the_field(programme_manager_client):
    html = page(programme_manager_client.post(reverse("jobs:export-start"), {}))
    assert "govuk-error-summary" in html
    assert "Choose what to export." in html
    assert not ExportJob.objects.exists()


def test_filters_that_no_longer_exist_are_explained(programme_manager_client):
    html = page(programme_manager_client.get(reverse("jobs:export-start") + "?borough=E09999999"))
    assert "not valid any more" in html
    assert "Start the export" not in html


def test_a_running_export_polls_its_status_without_inline_script(youth_lead_client, youth_lead):
    job = ExportJobFactory(requested_by=youth_lead, state=ExportState.RUNNING, progress=40)
    html = page(youth_lead_client.get(job.get_absolute_url()))
    assert f'data-job-status-url="{reverse("jobs:export-status", args=[job.pk])}"' in html
    assert "js/job-status.js" in html
    assert "Running: 40% done" in html
    assert "Refresh this page" in html
    assert "<script>" not in html and "http-equiv" not in html
    status = json.loads(youth_lead_client.get(reverse("jobs:export-status", args=[job.pk])).content)
    assert status == {"state": "running", "label": "Running", "progress": 40, "working": True}


@pytest.mark.parametrize("size", [1, 10])
def test_the_export_page_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries, programme_manager_client, youth_lead, size
):
    job = ExportJobFactory(done=True, requested_by=youth_lead, row_count=size)
    with django_assert_max_num_queries(SIGNED_IN + 1):
        html = page(programme_manager_client.get(job.get_absolute_url()))
    assert f"Download {job.download_name}" in html


def test_a_finished_export_downloads_for_its_requester_and_vru_staff_only(
    client, youth_lead, other_youth_lead, programme_coordinator
):
    job = ExportJobFactory(done=True, requested_by=youth_lead)
    url = reverse("jobs:export-download", args=[job.pk])
    for user in (youth_lead, programme_coordinator):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="{job.download_name}"'
        assert b"".join(response.streaming_content) == b"Title\r\nA project\r\n"
    client.force_login(other_youth_lead)
    assert client.get(url).status_code == 404
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.get(reverse("jobs:export-status", args=[job.pk])).status_code == 404


def test_an_unfinished_export_has_nothing_to_download(youth_lead_client, youth_lead):
    job = ExportJobFactory(requested_by=youth_lead, state=ExportState.RUNNING)
    assert youth_lead_client.get(reverse("jobs:export-download", args=[job.pk])).status_code == 403


def test_a_failed_export_says_why_and_starts_again(django_capture_on_commit_callbacks, youth_lead_client, youth_lead):
    job = ExportJobFactory(requested_by=youth_lead, state=ExportState.FAILED, error="The database went away.")
    html = page(youth_lead_client.get(job.get_absolute_url()))
    assert "The database went away." in html
    assert "Start the export again" in html
    with django_capture_on_commit_callbacks(execute=True):
        youth_lead_client.post(reverse("jobs:export-restart", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == ExportState.DONE


def test_someone_else_cannot_restart_an_export(programme_manager_client, youth_lead):
    job = ExportJobFactory(requested_by=youth_lead, state=ExportState.FAILED)
    assert programme_manager_client.post(reverse("jobs:export-restart", args=[job.pk])).status_code == 403
    job.refresh_from_db()
    assert job.state == ExportState.FAILED


# Imports ---------------------------------------------------------------------------------------------


def test_an_administrator_does_not_import(admin_client):
    assert admin_client.get(reverse("jobs:import-start")).status_code == 403


def test_a_youth_lead_imports_for_their_own_organisation(youth_lead_client):
    html = page(youth_lead_client.get(reverse("jobs:import-start")))
    assert "You can import only for Hyde." in html
    assert 'enctype="multipart/form-data"' in html


@pytest.mark.parametrize("kind", ImportKind.values)
def test_the_templates_download_as_csv_and_excel(youth_lead_client, kind):
    response = youth_lead_client.get(reverse("jobs:import-template", args=[kind, "csv"]))
    assert response["Content-Disposition"] == f'attachment; filename="hayn-{kind}-template.csv"'
    headings = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert headings[0] == "Reference"
    response = youth_lead_client.get(reverse("jobs:import-template", args=[kind, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[1]] == headings
    assert youth_lead_client.get(reverse("jobs:import-template", args=[kind, "pdf"])).status_code == 404


def upload_file(client, rows, name="projects.csv"):
    upload = project_file(rows, name)
    return client.post(reverse("jobs:import-start"), {"kind": ImportKind.PROJECTS, "file": upload})


def test_uploading_checks_the_file_and_shows_every_problem_by_row_and_column(
    django_capture_on_commit_callbacks, youth_lead_client
):
    rows = [project_row(reference="A", age_min="30"), project_row(reference="B", boroughs="Atlantis")]
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_file(youth_lead_client, rows)
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    html = page(youth_lead_client.get(job.get_absolute_url()))
    assert "<title>Error:" in html
    assert "govuk-error-summary" in html
    assert "Row 2, Oldest age: The oldest age must be the same as or above the youngest age" in html
    assert "Row 3, Boroughs: No London borough called “Atlantis” is in the portal." in html
    assert "Nothing has been imported." in html
    assert reverse("jobs:import-confirm", args=[job.pk]) not in html


def test_a_clean_file_shows_a_preview_then_imports_on_confirmation(
    django_capture_on_commit_callbacks, youth_lead_client
):
    with django_capture_on_commit_callbacks(execute=True):
        upload_file(youth_lead_client, [project_row(reference="A"), project_row(reference="B", title="Second")])
    job = ImportJob.objects.get()
    html = page(youth_lead_client.get(job.get_absolute_url()))
    assert "Every one of the 2 rows passed the checks: 2 new" in html
    assert "Import 2 new projects" in html
    assert not Project.objects.filter(external_reference__in=["A", "B"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        youth_lead_client.post(reverse("jobs:import-confirm", args=[job.pk]))
    assert "Import complete" in page(youth_lead_client.get(job.get_absolute_url()))
    assert Project.objects.filter(external_reference__in=["A", "B"]).count() == 2


def test_a_file_that_is_not_csv_or_excel_is_refused_at_the_field(youth_lead_client):
    html = page(upload_file(youth_lead_client, [], name="projects.pdf"))
    assert "The file must be a CSV or an Excel .xlsx file." in html
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("size", [1, 400])
def test_the_import_page_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries, youth_lead_client, youth_lead, size
):
    errors = [{"row": n + 2, "column": "Title", "message": "Enter the title."} for n in range(size)]
    job = ImportJobFactory(requested_by=youth_lead, state=ImportState.INVALID, errors=errors, row_count=size)
    with django_assert_max_num_queries(SIGNED_IN + 1):
        html = page(youth_lead_client.get(job.get_absolute_url()))
    assert html.count("Enter the title.") == size + min(size, 10)  # The table, and the summary's first ten.


def test_nobody_confirms_someone_else_s_import(client, programme_manager, other_youth_lead, youth_lead):
    job = ImportJobFactory(requested_by=youth_lead, state=ImportState.VALID, new_count=1)
    client.force_login(other_youth_lead)
    assert client.post(reverse("jobs:import-confirm", args=[job.pk])).status_code == 404
    client.force_login(programme_manager)
    assert client.post(reverse("jobs:import-confirm", args=[job.pk])).status_code == 403
    job.refresh_from_db()
    assert job.state == ImportState.VALID


@pytest.mark.parametrize("size", [1, 12])
def test_the_export_and_import_forms_take_a_fixed_number_of_queries(
    django_assert_max_num_queries, youth_lead_client, brent, size
):
    for _ in range(size):
        ProjectFactory(boroughs=[brent])
    with django_assert_max_num_queries(SIGNED_IN + 2):  # The borough named in the filters, and the count.
        html = page(youth_lead_client.get(reverse("jobs:export-start") + f"?borough={brent.gss_code}"))
    assert f"{size + 1} projects you can see match these filters" in html  # And One Flow – One Brent.
    with django_assert_max_num_queries(SIGNED_IN):
        page(youth_lead_client.get(reverse("jobs:import-start")))
