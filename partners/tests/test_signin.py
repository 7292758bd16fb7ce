"""Sign-in protection holds behind a load balancer and against over-long usernames."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"


def sign_in(forwarded_for: str, password: str):
    """A sign-in as it reaches a web process through the load balancer, which appends the client's address."""
    client = Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded_for)
    return client.post(reverse("login"), {"username": "lead.hyde", "password": password})


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_a_username_longer_than_any_account_is_refused_and_recorded_not_a_server_error(client, youth_lead, url_name):
    response = client.post(reverse(url_name), {"username": "x" * 5000, "password": "wrong"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 150


def test_behind_a_load_balancer_a_lockout_holds_only_the_address_that_failed(settings, youth_lead):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        sign_in("203.0.113.7", "wrong")
    assert sign_in("203.0.113.7", "a-test-password-1").status_code == 429
    # Another person behind the same balancer is not locked out, however the locked-out client
    # fills in X-Forwarded-For: the balancer's own entry is the one that counts.
    assert sign_in("198.51.100.9", "a-test-password-1").status_code == 302
    assert sign_in("198.51.100.9, 203.0.113.7", "a-test-password-1").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_without_a_proxy_the_forwarded_header_is_ignored(settings, youth_lead):
    settings.AXES_FAILURE_LIMIT = 3
    for address in ("203.0.113.7", "203.0.113.8", "203.0.113.9"):
        sign_in(address, "wrong")
    assert AccessAttempt.objects.get().ip_address == BALANCER
