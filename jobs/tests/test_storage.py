"""Files on an S3-compatible store for real: a moto server on 127.0.0.1 (its own process, a free port), the
portal's S3 settings pointed at it, an export made by a real Celery worker and downloaded through the portal's
view by its owner, refused to another youth lead, and never written to the local folder."""

import socket
import subprocess
import sys
import time
import urllib.request

import boto3
import pytest
from django.db import transaction
from django.urls import reverse

from jobs import services
from jobs.models import ExportJob, ExportKind, ExportState
from programmes.tests.factories import ProjectFactory

from .test_worker import wait_for, worker  # noqa: F401 (the real worker fixture)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BUCKET = "hayn-files"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3-compatible server in its own process on a free port of 127.0.0.1, with an empty bucket."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint, timeout=1)  # noqa: S310 (our own server on 127.0.0.1)
                break
            except OSError:
                time.sleep(0.1)
        client = boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test", region_name="eu-west-2"
        )
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        yield endpoint, client
    finally:
        server.kill()
        server.wait()


@pytest.fixture
def s3_storage(settings, s3_server):
    """The portal's own S3 settings (base.S3_STORAGE), pointed at the moto server, as DJANGO_S3_* would."""
    endpoint, client = s3_server
    options = settings.S3_STORAGE["OPTIONS"] | {
        "bucket_name": BUCKET,
        "endpoint_url": endpoint,
        "region_name": "eu-west-2",
        "access_key": "test",
        "secret_key": "test",
    }
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.S3_STORAGE, "OPTIONS": options}}
    return client


@pytest.mark.usefixtures("worker")
def test_an_export_a_worker_writes_to_s3_is_downloaded_by_its_owner_only(
    s3_storage,
    client,
    youth_lead,
    other_youth_lead,
    media_root,  # noqa: F811
):
    ProjectFactory(lead_organisation=youth_lead.organisation, title="Stored in the bucket")
    with transaction.atomic():
        job = services.export_job_start(user=youth_lead, kind=ExportKind.REGISTER_CSV, params={})
    job = wait_for(ExportJob, job.pk, ExportState.DONE, ExportState.FAILED)
    assert (job.state, job.error) == (ExportState.DONE, "")
    stored = s3_storage.get_object(Bucket=BUCKET, Key=job.file.name)["Body"].read()
    assert b"Stored in the bucket" in stored
    assert not media_root.exists() or not any(media_root.rglob("*.csv"))

    url = reverse("jobs:export-download", args=[job.pk])
    client.force_login(youth_lead)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    client.force_login(other_youth_lead)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # To sign in.
