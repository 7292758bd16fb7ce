"""The health check: "ok" without a login, the database or an HTTPS redirect."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_ok_without_a_login_or_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
    assert client.post(reverse("health")).status_code == 405


def test_the_health_check_is_not_redirected_to_https_when_everything_else_is(settings):
    """A load balancer probes each web process over plain HTTP; a redirect would mark it unhealthy."""
    settings.SECURE_SSL_REDIRECT = True
    client = Client()  # a new client builds its middleware under these settings
    assert client.get(reverse("health")).status_code == 200
    redirected = client.get(reverse("login"))
    assert redirected.status_code == 301
    assert redirected["Location"].startswith("https://")
