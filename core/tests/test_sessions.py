"""Signed-in pages save the session only when it changed or its expiry needs pushing back, never on every page."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import sessions

pytestmark = pytest.mark.django_db

PAGE = reverse("accessibility")


def _session_writes(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(PAGE).status_code == 200
    return [q["sql"] for q in captured.captured_queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]]


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
