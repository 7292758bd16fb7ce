"""Uploads through the real request: bounded before they are buffered, an unreadable file told at the field or
on the job page as the file's fault (with what was expected), and the 10 MB file of 5 million rows answered
quickly in bounded memory, the check running as the commit queues it (eager, as the embedded default)."""

import io
import random
import time
import tracemalloc

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import RequestFactory
from django.urls import reverse
from openpyxl import Workbook

from jobs.models import ImportJob, ImportKind, ImportState

pytestmark = pytest.mark.django_db

OURS = "portal's side"


def post_file(client, content: bytes, name: str):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("jobs:import-start"), {"kind": ImportKind.PROJECTS, "file": upload})


def excel_bytes() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Reference", "Title"])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def test_no_upload_keeps_more_than_one_byte_past_the_limit():
    """Django's parser, with the portal's handlers, keeps limit + 1 bytes of a 12 MB file and drops the rest."""
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("big.csv", b"x" * (12 * 2**20))})
    assert request.FILES["file"].size == settings.FILE_UPLOAD_MAX_BYTES + 1
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("small.csv", b"Reference\nA\n")})
    assert request.FILES["file"].read() == b"Reference\nA\n"


def test_a_file_over_10_mb_is_refused_at_the_field(youth_lead_client):
    response = post_file(youth_lead_client, b"Reference\n" + b"x\n" * (6 * 2**20), "projects.csv")
    assert response.status_code == 200
    assert "The file must be smaller than 10 MB." in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (random.Random(5).randbytes(100_000), "projects.csv", "binary data (NUL bytes)"),
        (b"\x00" * 5000, "projects.csv", "binary data (NUL bytes)"),
        (excel_bytes(), "projects.csv", "named .csv but holds an Excel workbook"),
        (b"Reference,Title\nA,x\n", "projects.xlsx", "not an Excel workbook the portal can read"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_at_the_field_saying_what_was_expected(
    youth_lead_client, content, name, message
):
    html = post_file(youth_lead_client, content, name).content.decode()
    assert message in html
    assert "govuk-error-message" in html
    assert not ImportJob.objects.exists()


def test_a_file_unreadable_past_its_start_is_told_on_the_job_page(
    django_capture_on_commit_callbacks, youth_lead_client
):
    content = b"Reference,Title\r\n" + b"A,x\r\n" * 3000 + b"B,\x00\r\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_file(youth_lead_client, content, "projects.csv")
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.state == ImportState.INVALID
    html = youth_lead_client.get(job.get_absolute_url()).content.decode()
    assert "binary data (NUL bytes)" in html
    assert OURS not in html


def test_the_10_mb_file_of_5_million_rows_is_answered_quickly_in_bounded_memory(
    django_capture_on_commit_callbacks, youth_lead_client
):
    """Before: every row in memory (1.3 GB, 20 s and more). Now the check stops at the 20,001st row."""
    content = b"x\n" * 5_000_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = post_file(youth_lead_client, content, "projects.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 300 * 2**20
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.state == ImportState.INVALID
    assert "more than 20,000 rows" in job.errors[0]["message"]
    assert OURS not in youth_lead_client.get(job.get_absolute_url()).content.decode()
