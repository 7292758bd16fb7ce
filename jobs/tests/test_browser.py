"""In a real browser: the status page follows a job by itself, and the job pages pass axe's WCAG 2.2 AA checks."""

import os

import pytest
from django.db import connections
from django.urls import reverse

from jobs.models import ExportJob, ExportState, ImportState

from .factories import ExportJobFactory, ImportJobFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture
def browser_page(live_server, youth_lead, client, monkeypatch):
    """A headless Chromium page signed in as the Hyde youth lead."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium is not installed (make test installs it).")
    # Playwright runs an event loop in this thread; the test's own database calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    client.force_login(youth_lead)
    cookie = client.cookies["sessionid"].value
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        context = browser.new_context(base_url=live_server.url)
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        yield context.new_page()
        browser.close()
        # While Playwright's event loop runs, Django keeps the test's database connection apart from the
        # usual thread-local one: close it here, or the test database cannot be dropped at the end.
        connections.close_all()


def test_the_status_page_shows_the_download_link_once_the_job_is_done(browser_page, youth_lead):
    job = ExportJobFactory(requested_by=youth_lead, state=ExportState.RUNNING, progress=10)
    browser_page.goto(job.get_absolute_url())
    browser_page.get_by_text("Running: 10% done").wait_for()
    ExportJob.objects.filter(pk=job.pk).update(progress=60)
    browser_page.get_by_text("Running: 60% done").wait_for(timeout=10_000)
    done = ExportJobFactory.build(done=True, requested_by=youth_lead)
    job.file.save("register.csv", done.file, save=False)
    ExportJob.objects.filter(pk=job.pk).update(state=ExportState.DONE, progress=100, file=job.file.name)
    browser_page.get_by_role("link", name=f"Download {job.download_name}").wait_for(timeout=10_000)


def test_the_job_pages_meet_wcag_2_2_aa(browser_page, youth_lead):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    invalid = ImportJobFactory(
        requested_by=youth_lead,
        state=ImportState.INVALID,
        errors=[{"row": 2, "column": "Title", "message": "Enter the title."}],
    )
    pages = [
        reverse("jobs:job-list"),
        reverse("jobs:export-start"),
        reverse("jobs:import-start"),
        invalid.get_absolute_url(),
        ExportJobFactory(done=True, requested_by=youth_lead).get_absolute_url(),
    ]
    for url in pages:
        browser_page.goto(url)
        results = axe.run(browser_page, options=WCAG)
        assert results.violations_count == 0, (url, results.generate_report())
