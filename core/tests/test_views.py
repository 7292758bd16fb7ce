"""The health check: "ok" without a login, the database or an HTTPS redirect; the browser's icon."""

import pytest
from django.contrib.staticfiles import finders
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


def test_favicon_ico_sends_a_signed_out_browser_to_the_portals_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("images/favicon.svg")
    with open(finders.find("images/favicon.svg"), encoding="utf-8") as icon:
        assert icon.read().startswith("<svg")
    page = client.get(reverse("login")).content.decode()
    assert 'rel="icon" href="/static/images/favicon.svg"' in page
