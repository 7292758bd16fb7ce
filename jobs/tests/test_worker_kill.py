"""Real `kill -9`: a Celery worker process (its own, over the real Redis and PostgreSQL) killed with SIGKILL in
the middle of a 5,000-row export and of an import, then another worker started. The message, acknowledged only
when a task ends (acks_late), goes back to the queue once the visibility timeout passes; the job then finishes
exactly once: one export file (the dead worker's scratch file died with it), every imported row written once
(the dead worker's transaction was rolled back whole)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from jobs import services, tasks
from jobs.models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind, ImportState
from partners.models import Organisation
from programmes.models import Project
from programmes.tests.factories import ProjectFactory

from .factories import project_file, project_row

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

app = tasks.export_job_run_task.app
BASE_DIR = Path(__file__).resolve().parents[2]
VISIBILITY_SECONDS = 3


@pytest.fixture
def start_worker(monkeypatch, media_root):
    """Start real worker processes sharing this test's database, Redis and files; all are ended after the test."""
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("Needs REDIS_URL and PostgreSQL (a worker process cannot share SQLite's in-memory test database).")
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    app.control.purge()
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hayn_portal.settings.local",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_MEDIA_ROOT": str(media_root),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
    }
    started = []

    def start() -> subprocess.Popen:
        worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "hayn_portal",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()


def wait_until(check, timeout=120, step=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(step)
    raise AssertionError("timed out")


def writing_projects() -> bool:
    """Whether another connection is inside a transaction that has begun writing projects: PostgreSQL's own view
    of its sessions, so the kill lands in the write itself whatever the machine's speed."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()"
            " AND xact_start IS NOT NULL AND query ILIKE %s",
            ['INSERT INTO "programmes_%'],
        )
        return cursor.fetchone()[0] > 0


def kill_nine(worker: subprocess.Popen) -> None:
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    assert worker.returncode == -signal.SIGKILL


def five_thousand_projects() -> None:
    hyde = Organisation.objects.get(name="Hyde")
    Project.objects.bulk_create(ProjectFactory.build_batch(5000, lead_organisation=hyde))


def test_an_export_whose_worker_is_killed_mid_way_is_finished_once_by_another(start_worker, programme_manager):
    five_thousand_projects()
    total = Project.objects.count()
    first = start_worker()
    with transaction.atomic():
        job = services.export_job_start(user=programme_manager, kind=ExportKind.REGISTER_XLSX, params={})
    wait_until(lambda: ExportJob.objects.get(pk=job.pk).state == ExportState.RUNNING)
    time.sleep(0.5)  # Into the rows.
    kill_nine(first)
    killed = ExportJob.objects.get(pk=job.pk)
    assert (killed.state, killed.file.name, killed.attempts) == (ExportState.RUNNING, "", 1)  # Killed mid-export.
    start_worker()
    done = wait_until(
        lambda: ExportJob.objects.filter(pk=job.pk, state__in=[ExportState.DONE, ExportState.FAILED]).first()
    )
    assert (done.state, done.error, done.attempts, done.row_count) == (ExportState.DONE, "", 2, total)
    files = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert [str(path.relative_to(settings.MEDIA_ROOT)) for path in files] == [done.file.name]


def test_an_import_whose_worker_is_killed_while_writing_writes_every_row_exactly_once(start_worker, youth_lead):
    rows = [project_row(reference=f"KILL-{n}", title=f"Project {n}") for n in range(1500)]
    worker = start_worker()
    with transaction.atomic():
        job = services.import_job_upload(user=youth_lead, kind=ImportKind.PROJECTS, upload=project_file(rows, "p.csv"))
    wait_until(lambda: ImportJob.objects.get(pk=job.pk).state == ImportState.VALID)
    with transaction.atomic():
        services.import_job_confirm(user=youth_lead, job=ImportJob.objects.get(pk=job.pk))
    wait_until(lambda: ImportJob.objects.filter(pk=job.pk, state=ImportState.IMPORTING, attempts=1).exists())
    wait_until(writing_projects, step=0.005)  # Checking the file again, then writing, in one transaction.
    kill_nine(worker)
    killed = ImportJob.objects.get(pk=job.pk)
    assert killed.state == ImportState.IMPORTING
    assert not Project.objects.filter(external_reference__startswith="KILL-").exists()  # Nothing half-written.
    start_worker()
    done = wait_until(
        lambda: ImportJob.objects.filter(pk=job.pk, state__in=[ImportState.IMPORTED, ImportState.FAILED]).first()
    )
    assert (done.state, done.error, done.attempts, done.created_count) == (ImportState.IMPORTED, "", 2, 1500)
    assert Project.objects.filter(external_reference__startswith="KILL-").count() == 1500
