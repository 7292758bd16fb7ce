"""Deny by default: every page needs a login except login, password reset and the accessibility statement."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["login", "password_reset", "accessibility"])
def test_public_pages_answer_anonymous_visitors(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert b"HAYN Partnership Portal" in response.content


@pytest.mark.parametrize("name", ["home", "password_change"])
def test_other_pages_send_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_base_page_shows_the_user_their_organisation_and_the_statement_link(youth_lead_client):
    page = youth_lead_client.get(reverse("home"), follow=True).content.decode()
    assert 'href="#main-content"' in page
    assert "Hyde" in page
    assert reverse("accessibility") in page


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_a_wrong_password_is_reported_at_the_top_of_the_form_and_keeps_the_username(client, youth_lead):
    response = client.post(reverse("login"), {"username": "lead.hyde", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'value="lead.hyde"' in page
    assert "<title>Error:" in page


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
