"""The load test runs: Locust signs in each role through the real form and loads every page without an error."""

import subprocess  # nosec B404
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from partners.models import Organisation
from programmes.tests.factories import ProjectFactory

# The load test imports Locust, which patches the standard library for gevent: it runs in its own process.
LOADTEST = settings.BASE_DIR / "scripts" / "loadtest.py"


@pytest.mark.django_db(transaction=True)
def test_the_load_test_signs_each_role_in_and_loads_every_page(partnership, live_server):
    call_command("create_demo_users", verbosity=0)
    hyde = Organisation.objects.get(name="Hyde")
    project = ProjectFactory(lead_organisation=hyde)
    # One user at a time: the live server shares one SQLite connection between its threads.
    bounds = ["--users", "1", "--duration", "0.5", "--max-requests", "3", "--warmup", "0"]
    ids = ["--hyde", str(hyde.pk), "--project", str(project.pk)]
    # Our own script with fixed arguments, no shell.
    run = subprocess.run(  # noqa: S603  # nosec B603
        [sys.executable, LOADTEST, "--host", live_server.url, *ids, *bounds],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    rows = [line.split(" | ") for line in run.stdout.splitlines() if line.startswith("| ") and "`/" in line]
    assert len(rows) == 11, run.stdout
    assert rows[0][:2] == ["| bare view", "`/health/`"]
    assert {row[0] for row in rows} >= {"| dashboard (VRU)", "| register (youth lead)", "| coverage matrix (VRU)"}
    for page, _path, requests, errors, *_ in rows:
        assert int(requests) > 0, page
        assert errors == "0", page
