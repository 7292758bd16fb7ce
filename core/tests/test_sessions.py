"""Signed-in pages read the session through the cache, and save it only when it changed or its expiry needs pushing
back, never on every page; a cache that cannot be reached means the database, never an error."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import sessions

pytestmark = pytest.mark.django_db

PAGE = reverse("accessibility")


LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sessions"}}
# Nothing listens on port 1: every call to this cache fails to connect.
UNREACHABLE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


def _session_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(PAGE).status_code == 200
    return [q["sql"] for q in captured.captured_queries if "django_session" in q["sql"]]


def _session_writes(client) -> list[str]:
    return [sql for sql in _session_queries(client) if "SELECT" not in sql]


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves forward."""
    now = [1_900_000_000]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    return now


def test_a_signed_in_page_saves_the_session_once_then_not_until_its_expiry_needs_pushing_back(
    programme_manager_client, clock, settings
):
    assert _session_writes(programme_manager_client)  # the first page after signing in starts the clock
    expiry = Session.objects.get().expire_date
    clock[0] += settings.SESSION_REFRESH_SECONDS - 1
    assert _session_writes(programme_manager_client) == []
    assert _session_writes(programme_manager_client) == []
    clock[0] += 1
    assert _session_writes(programme_manager_client)  # pushed back: the session lasts from this request
    assert Session.objects.get().expire_date > expiry


def test_signing_out_still_ends_the_session_whenever_it_was_last_saved(programme_manager_client, clock):
    _session_writes(programme_manager_client)
    clock[0] += 60
    assert _session_writes(programme_manager_client) == []
    assert programme_manager_client.post(reverse("logout")).status_code == 302
    assert not Session.objects.exists()
    assert programme_manager_client.get(reverse("programmes:project-list")).status_code == 302  # to sign in


def test_an_anonymous_visitor_gets_no_session_written(client):
    assert _session_writes(client) == []
    assert not Session.objects.exists()


def test_a_signed_in_page_reads_its_session_from_the_cache_not_the_database(programme_manager_client, clock):
    _session_writes(programme_manager_client)  # saved: the database, then the cache
    clock[0] += 60
    assert _session_queries(programme_manager_client) == []


def test_a_session_stays_in_the_cache_no_longer_than_the_refresh_interval(programme_manager_client, clock, settings):
    """The local cache's clock is the test's: a session kept for its whole two hours would still be read from it."""
    settings.CACHES = LOCAL_CACHE
    _session_writes(programme_manager_client)
    clock[0] += settings.SESSION_REFRESH_SECONDS - 1
    assert _session_queries(programme_manager_client) == []
    clock[0] += 1
    assert any("SELECT" in sql for sql in _session_queries(programme_manager_client))


def test_a_cache_that_cannot_be_reached_means_the_database_not_an_error(programme_manager_client, settings, caplog):
    settings.CACHES = UNREACHABLE_CACHE
    assert programme_manager_client.get(reverse("programmes:project-list")).status_code == 200
    assert programme_manager_client.post(reverse("logout")).status_code == 302
    assert not Session.objects.exists()
    assert programme_manager_client.get(reverse("programmes:project-list")).status_code == 302  # to sign in
    assert "The session cache could not be reached" in caplog.text
