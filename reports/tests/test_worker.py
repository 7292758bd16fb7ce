"""The report's PDF made by a real Celery worker over the real Redis broker, from committed data."""

import io

import pytest
from django.db import transaction
from pypdf import PdfReader

from jobs.models import ExportState
from jobs.tests.test_worker import wait_for, worker  # noqa: F401 (the worker fixture)
from programmes.tests.factories import ProjectFactory
from reports.models import ReportJob
from reports.services import report_pdf_start

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_makes_the_quarters_pdf_through_storage(worker, programme_manager, quarter):  # noqa: F811
    ProjectFactory(running=True, target_reach=100)
    with transaction.atomic():
        job = report_pdf_start(user=programme_manager, quarter=quarter)
    job = wait_for(ReportJob, job.pk, ExportState.DONE, ExportState.FAILED, timeout=120)
    assert (job.state, job.error, job.progress) == (ExportState.DONE, "", 100)
    assert worker and all(name != "MainThread" for name in worker)
    with job.file.open("rb") as file:
        content = file.read()
    assert content.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert f"Quarterly report: {quarter}" in text
    assert "Whole target of the projects that count 3,100" in " ".join(text.split())  # One Flow's and the other's
