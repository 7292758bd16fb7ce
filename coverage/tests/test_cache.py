"""Coverage worked out once per change: the version moves after commit; the cache is shared, never stale or an error.

These run on the real database with committed transactions (so `on_commit` fires as in production) and,
where REDIS_URL is set (CI always sets it), on the real Redis cache.
"""

import gc
import threading
import time
import weakref
from datetime import date

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from coverage import cache as coverage_cache
from coverage.analysis.data import Criteria
from coverage.recompute import coverage_defaults_recompute, default_criteria
from coverage.selectors import partnership
from coverage.selectors.partnership import COUNTED_STATUSES, partnership_coverage_analysis
from coverage.tasks import coverage_recompute_task
from coverage.tests.factories import CoveringProjectFactory
from coverage.versions import coverage_version
from partners.models import Organisation
from programmes.models import ProjectStatus

from .views.helpers import YEAR, text

pytestmark = pytest.mark.django_db(transaction=True)

GAPS = reverse("coverage:gap-list")
YEAR_START, YEAR_END = date(2025, 4, 1), date(2026, 3, 31)


@pytest.fixture
def query(estate, mentoring):
    return {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code}


@pytest.fixture
def computed(monkeypatch):
    """Counts how many times the analysis is worked out from the database (not read from the cache)."""
    calls = []
    original = partnership.analyse

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(partnership, "analyse", counting)
    return calls


def test_a_write_moves_the_version_and_the_very_next_page_shows_it(programme_manager_client, query, estate, mentoring):
    assert "Harrow Road Estate" in text(programme_manager_client.get(GAPS, query))
    before = coverage_version()
    project = CoveringProjectFactory(lead_organisation=Organisation.objects.get(name="Hyde"), intervention_types=[])
    assert coverage_version() != before
    assert "Harrow Road Estate" in text(programme_manager_client.get(GAPS, query))  # not yet covering anything
    moved = coverage_version()
    project.places.add(estate)  # a link alone (m2m_changed) moves it too
    assert coverage_version() != moved
    assert "Harrow Road Estate" in text(programme_manager_client.get(GAPS, query))  # no kind of work yet
    project.intervention_types.add(mentoring)
    assert "Harrow Road Estate" not in text(programme_manager_client.get(GAPS, query))
    project.status = ProjectStatus.CANCELLED
    project.save()
    assert "Harrow Road Estate" in text(programme_manager_client.get(GAPS, query))


@pytest.mark.parametrize("change", ["priority", "successor"])
def test_places_and_succession_move_the_version(change, estate):
    before = coverage_version()
    if change == "priority":
        estate.priority = 0
        estate.save()
    else:
        Organisation.objects.filter(name="Optivo").get().save()
    assert coverage_version() != before


def test_a_second_reader_gets_the_first_ones_result_without_working_it_out(
    programme_manager, youth_lead, query, computed
):
    """Two clients (as two web processes would) share one result through the cache."""
    first, second = Client(), Client()
    first.force_login(programme_manager)
    second.force_login(youth_lead)
    assert text(first.get(GAPS, query)).count("Harrow Road Estate") == text(second.get(GAPS, query)).count(
        "Harrow Road Estate"
    )
    assert len(computed) == 1  # a youth lead sees the same projects that count as VRU staff
    first.get(reverse("coverage:gap-csv"), query)
    first.get(reverse("coverage:matrix"), query)
    assert len(computed) == 1  # the CSV and the matrix read the same result


def test_a_youth_lead_including_drafts_sees_their_own_drafts_only_even_from_the_cache(
    youth_lead, other_youth_lead, query, estate, mentoring
):
    CoveringProjectFactory(
        lead_organisation=youth_lead.organisation, places=[estate], intervention_types=[mentoring], draft=True
    )
    drafts = {**query, "include": "draft"}
    own, other = Client(), Client()
    own.force_login(youth_lead)
    other.force_login(other_youth_lead)
    assert "Harrow Road Estate" not in text(own.get(GAPS, drafts))
    assert "Harrow Road Estate" in text(other.get(GAPS, drafts))


def test_a_reader_caching_while_another_connection_writes_never_leaves_a_stale_result(
    programme_manager_client, query, estate, mentoring
):
    """A writer on a second connection commits after a reader cached the old answer: the next page shows it."""
    if connection.vendor != "postgresql":
        pytest.skip("Two connections writing and reading at once need PostgreSQL (SQLite locks the table).")
    written, go_on = threading.Event(), threading.Event()

    def write():
        try:
            with transaction.atomic():
                CoveringProjectFactory(
                    lead_organisation=Organisation.objects.get(name="Hyde"),
                    places=[estate],
                    intervention_types=[mentoring],
                )
                written.set()
                go_on.wait(30)
        finally:
            connections.close_all()

    writer = threading.Thread(target=write)
    writer.start()
    assert written.wait(30)
    assert "Harrow Road Estate" in text(programme_manager_client.get(GAPS, query))  # uncommitted: still a gap
    go_on.set()
    writer.join(30)
    assert "Harrow Road Estate" not in text(programme_manager_client.get(GAPS, query))


def test_within_a_transaction_its_own_changes_are_read_not_the_cache(query, estate, mentoring):
    criteria = Criteria(start=YEAR_START, end=YEAR_END, statuses=COUNTED_STATUSES)
    before = len(partnership_coverage_analysis(criteria=criteria).projects)
    with transaction.atomic():
        CoveringProjectFactory(places=[estate], intervention_types=[mentoring])
        assert len(partnership_coverage_analysis(criteria=criteria).projects) == before + 1
        transaction.set_rollback(True)
    assert len(partnership_coverage_analysis(criteria=criteria).projects) == before


def test_a_cache_that_cannot_be_reached_means_working_it_out_not_an_error(
    programme_manager_client, query, estate, mentoring, settings, caplog
):
    """A Redis that refuses connections (nothing listens on port 1): pages are worked out, and still fresh."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    assert "Harrow Road Estate" in text(programme_manager_client.get(GAPS, query))
    CoveringProjectFactory(places=[estate], intervention_types=[mentoring])
    response = programme_manager_client.get(GAPS, query)
    assert response.status_code == 200
    assert "Harrow Road Estate" not in text(response)
    assert "The coverage cache could not be reached" in caplog.text


def test_recomputing_the_default_views_twice_works_them_out_once(partnership, computed):
    assert coverage_defaults_recompute() == 2
    assert coverage_defaults_recompute() == 0
    coverage_recompute_task.apply()
    assert len(computed) == 2
    for criteria in default_criteria():
        partnership_coverage_analysis(criteria=criteria)
    assert len(computed) == 2  # what the task kept is what the pages and the snapshot read


def test_no_analysis_outlives_the_request_that_read_it(programme_manager_client, query, estate, mentoring, monkeypatch):
    """Nothing the view or its template context builds keeps the analysis alive (no reference cycles)."""
    CoveringProjectFactory(places=[estate], intervention_types=[mentoring])
    kept = []
    original = partnership.analysis_cached

    def remembering(**kwargs):
        analysis = original(**kwargs)
        kept.append(weakref.ref(analysis))
        return analysis

    monkeypatch.setattr(partnership, "analysis_cached", remembering)
    gc.disable()  # Only reference counting may free it: a cycle would keep it until a collector pass.
    try:
        for url in (GAPS, reverse("coverage:matrix"), reverse("coverage:overlap-list"), reverse("coverage:gap-csv")):
            response = programme_manager_client.get(url, query)
            assert response.status_code == 200
            if response.streaming:  # As a server does: send every row, then close.
                b"".join(response.streaming_content)
                response.close()
            del response
        assert len(kept) == 4
        assert [ref() for ref in kept] == [None] * 4
    finally:
        gc.enable()


@pytest.mark.worker
def test_a_real_worker_works_out_the_default_views_after_a_change(
    programme_manager, estate, mentoring, computed, monkeypatch
):
    """With a broker, a change enqueues coverage.recompute after commit; the worker keeps the default views."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: this test needs a real Redis broker and cache (CI always sets it).")
    app = coverage_recompute_task.app
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    app.control.purge()

    def after_task(**kwargs):
        connections.close_all()  # The worker thread's connections must not outlive the test database.

    task_postrun.connect(after_task, weak=False)
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING", shutdown_timeout=30):
            CoveringProjectFactory(places=[estate], intervention_types=[mentoring])
            keys = [
                coverage_cache.analysis_key(version=coverage_version(), criteria=c, audience=coverage_cache.EVERYONE)
                for c in default_criteria()
            ]
            deadline = time.monotonic() + 60
            while not all(cache.has_key(key) for key in keys) and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        task_postrun.disconnect(after_task)
    assert all(cache.has_key(key) for key in keys)
    worked_out = len(computed)
    client = Client()
    client.force_login(programme_manager)
    assert client.get(reverse("coverage:matrix")).status_code == 200
    assert len(computed) == worked_out  # the page read what the worker kept
