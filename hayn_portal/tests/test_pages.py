"""Deny by default: every page needs a login except login, password reset and the accessibility statement."""

import pytest
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
