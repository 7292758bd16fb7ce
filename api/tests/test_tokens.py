"""Personal API tokens: a secret shown once and kept only as a hash, acting as its user, refused once revoked or
expired; anonymous calls get 401; the tokens page and administrators' revocation, with history."""

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import ApiToken
from api.tokens import token_create, token_revoke

from .conftest import client_with_token

pytestmark = pytest.mark.django_db

PROJECTS = reverse("api:project-list")


def bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_only_a_hash_and_a_short_prefix_of_the_secret_are_kept(youth_lead):
    token, secret = token_create(user=youth_lead, name="Case system")
    assert secret.startswith(token.prefix + "_") and len(secret) > 50
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in str(stored)


def test_anonymous_calls_get_401_in_the_one_shape():
    response = APIClient().get(PROJECTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {"errors": [{"field": None, "message": "Authentication credentials were not provided."}]}


def test_a_token_acts_as_its_user_and_notes_when_it_was_used(youth_lead):
    token, secret = token_create(user=youth_lead, name="Case system")
    assert bearer(secret).get(PROJECTS).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("secret", ["hayn_0000_wrong", "not-even-ours", ""])
def test_an_unknown_token_is_a_401(secret, partnership):
    assert bearer(secret).get(PROJECTS).status_code == 401


def test_a_revoked_token_is_refused_at_once(youth_lead):
    token, secret = token_create(user=youth_lead, name="Case system")
    token_revoke(token=token, user=youth_lead)
    response = bearer(secret).get(PROJECTS)
    assert response.status_code == 401
    assert "revoked" in response.json()["errors"][0]["message"]


def test_a_token_works_to_its_last_day_and_not_after(youth_lead):
    today = timezone.localdate()
    token, secret = token_create(user=youth_lead, name="Until today", expires_on=today)
    assert bearer(secret).get(PROJECTS).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_on=today - timedelta(days=1))
    assert bearer(secret).get(PROJECTS).status_code == 401


def test_a_deactivated_persons_token_is_refused(youth_lead):
    client = client_with_token(youth_lead)
    youth_lead.is_active = False
    youth_lead.save()
    assert client.get(PROJECTS).status_code == 401


def test_the_tokens_page_makes_a_token_and_shows_its_secret_once(youth_lead_client, youth_lead):
    page = youth_lead_client.post(reverse("api:token-list"), {"name": "Case system"})
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    token = ApiToken.objects.get(user=youth_lead)
    secret = page.context["new_secret"]
    assert f'value="{secret}"' in page.content.decode()
    assert bearer(secret).get(PROJECTS).status_code == 200
    again = youth_lead_client.get(reverse("api:token-list")).content.decode()
    assert secret not in again and token.prefix in again and "Case system" in again


def test_the_tokens_page_refuses_a_missing_name_or_a_past_expiry_at_the_field(youth_lead_client, youth_lead):
    page = youth_lead_client.post(
        reverse("api:token-list"),
        {"name": "", "expires_on_0": "1", "expires_on_1": "1", "expires_on_2": "2020"},
    )
    assert page.context["form"].errors == {"name": ["Enter a name for the token"]}
    page = youth_lead_client.post(
        reverse("api:token-list"),
        {"name": "Old", "expires_on_0": "1", "expires_on_1": "1", "expires_on_2": "2020"},
    )
    assert page.context["form"].errors == {"expires_on": ["The expiry date must be today or in the future"]}
    assert not ApiToken.objects.exists()


def test_a_person_revokes_their_own_token_and_the_history_says_who(youth_lead_client, youth_lead):
    token, _ = token_create(user=youth_lead, name="Case system")
    response = youth_lead_client.post(reverse("api:token-revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == youth_lead
    record = token.history.first()
    assert record.history_user == youth_lead and record.history_change_reason == "Revoked the token"


def test_another_persons_token_is_a_404_to_a_youth_lead(other_youth_lead_client, youth_lead):
    token, _ = token_create(user=youth_lead, name="Case system")
    assert other_youth_lead_client.get(reverse("api:token-revoke", args=[token.pk])).status_code == 404
    assert other_youth_lead_client.post(reverse("api:token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_administrators_list_and_revoke_anyones_tokens(admin_client, administrator, youth_lead, other_youth_lead):
    mine, _ = token_create(user=youth_lead, name="Hyde case system")
    theirs, _ = token_create(user=other_youth_lead, name="Clarion monitoring")
    page = admin_client.get(reverse("api:token-all")).content.decode()
    assert "Hyde case system" in page and "Clarion monitoring" in page
    admin_client.post(reverse("api:token-revoke", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.revoked_by == administrator
    assert mine.history.first().history_change_reason == "Revoked by an administrator"


def test_only_administrators_see_everyones_tokens(youth_lead_client, programme_manager_client):
    assert youth_lead_client.get(reverse("api:token-all")).status_code == 403
    assert programme_manager_client.get(reverse("api:token-all")).status_code == 403


def test_the_tokens_page_needs_a_signed_in_person(client, partnership):
    assert client.get(reverse("api:token-list")).status_code == 302


def test_the_admin_lists_tokens_and_revokes_them_with_history(admin_client, administrator, youth_lead):
    token, _ = token_create(user=youth_lead, name="Case system")
    assert admin_client.get(reverse("admin:api_apitoken_changelist")).status_code == 200
    admin_client.post(reverse("admin:api_apitoken_changelist"), {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_by == administrator
    assert admin_client.get(reverse("admin:api_apitoken_history", args=[token.pk])).status_code == 200
