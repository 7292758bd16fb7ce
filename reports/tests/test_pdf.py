"""The report's PDF: made in the background through the storage API, a real PDF holding the report's figures,
followed on its job page, downloaded by its requester and VRU staff only, made once however often the task runs."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.tasks import MAX_ATTEMPTS
from reports import pdf, tasks
from reports.models import ReportJob
from reports.pdf import chart_rules, report_pdf_run

pytestmark = pytest.mark.django_db


def test_a_pdf_asked_for_on_the_report_is_made_in_the_background_and_holds_the_reports_figures(
    programme_manager_client, reported, quarter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = programme_manager_client.post(reverse("reports:pdf-start"), {"quarter": quarter.start})
    job = ReportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.state, job.progress, job.quarter, job.attempts) == ("done", 100, quarter, 1)

    page = programme_manager_client.get(job.get_absolute_url()).content.decode()
    download = reverse("reports:pdf-download", args=[job.pk])
    assert f'href="{download}"' in page
    response = programme_manager_client.get(download)
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert f"Quarterly report: {quarter}" in text
    assert "Reached so far, by the quarter's end 360" in " ".join(text.split())  # One Flow's 320 and this quarter's 40
    assert "Brighter paths to the youth club" in text
    # The tables behind the charts are on paper too (the coverage trend's has a "Snapshot of" column).
    assert "Snapshot of" in text


def test_the_pdf_is_made_once_however_often_the_task_runs(programme_manager, partnership, quarter, monkeypatch):
    job = ReportJob.objects.create(quarter_start=quarter.start, requested_by=programme_manager)
    made = []
    monkeypatch.setattr(pdf, "report_pdf", lambda report: made.append(report.quarter) or b"%PDF-1.7 test")
    tasks.report_pdf_run_task.delay(job_id=job.pk)
    tasks.report_pdf_run_task.delay(job_id=job.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts, made) == ("done", 1, [quarter])
    assert job.file.read() == b"%PDF-1.7 test"


def test_a_pdf_that_cannot_be_made_fails_with_a_message_and_its_owner_can_start_it_again(
    programme_manager_client, programme_manager, partnership, quarter, monkeypatch, django_capture_on_commit_callbacks
):
    job = ReportJob.objects.create(quarter_start=quarter.start, requested_by=programme_manager)

    def broken(report):
        raise ValueError("a bug")

    monkeypatch.setattr(pdf, "report_pdf", broken)
    report_pdf_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and f"(job {job.pk})" in job.error
    page = programme_manager_client.get(job.get_absolute_url()).content.decode()
    assert "Make the PDF again" in page and "Download" not in page

    monkeypatch.setattr(pdf, "report_pdf", lambda report: b"%PDF-1.7 again")
    with django_capture_on_commit_callbacks(execute=True):
        programme_manager_client.post(reverse("reports:pdf-restart", args=[job.pk]))
    job.refresh_from_db()
    assert (job.state, job.error) == ("done", "")


@pytest.fixture
def made(programme_manager, quarter, monkeypatch):
    """A finished report PDF asked for by the programme manager."""
    monkeypatch.setattr(pdf, "report_pdf", lambda report: b"%PDF-1.7 test")
    job = ReportJob.objects.create(quarter_start=quarter.start, requested_by=programme_manager)
    report_pdf_run(job_id=job.pk)
    return job


def test_a_youth_lead_neither_follows_nor_downloads_a_report(youth_lead_client, made):
    assert youth_lead_client.get(made.get_absolute_url()).status_code == 404
    assert youth_lead_client.get(reverse("reports:pdf-download", args=[made.pk])).status_code == 404
    assert youth_lead_client.get(reverse("reports:pdf-status", args=[made.pk])).status_code == 404


def test_vru_colleagues_download_a_report_but_only_its_requester_restarts_a_stopped_one(
    programme_coordinator_client, made
):
    assert programme_coordinator_client.get(reverse("reports:pdf-download", args=[made.pk])).status_code == 200
    assert programme_coordinator_client.get(reverse("reports:pdf-status", args=[made.pk])).json()["state"] == "done"
    assert programme_coordinator_client.post(reverse("reports:pdf-restart", args=[made.pk])).status_code == 403


def test_the_task_acknowledges_late_retries_transient_failures_and_has_a_stable_name():
    task = tasks.report_pdf_run_task
    assert task.name == "reports.pdf_make" and task.name in task.app.tasks
    assert task.acks_late and task.reject_on_worker_lost and task.max_retries == MAX_ATTEMPTS - 1


def test_the_pdf_styles_its_charts_from_the_stylesheets_chart_rules_only():
    css = ".govuk-body{color:#0b0c0c}.app-chart__line{fill:none;stroke-width:4}.app-chart{width:100%}"
    assert chart_rules(css) == ".app-chart__line{fill:none;stroke-width:4}"
