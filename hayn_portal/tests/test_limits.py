"""Lockouts and rate limits hit for real, through the real pages and the real cache (Redis when REDIS_URL is
set, as in CI's first pass): per account across addresses, per address across accounts, an office behind one
address unharmed, and password reset, invitations, imports and exports each stopped with the 429 page."""

import itertools

import pytest
from django.conf import settings
from django.urls import reverse

from core.limits import FAILED_SIGN_IN_LIMITS, RATE_LIMITS
from jobs.models import ExportJob, ImportJob
from partners.models import Organisation, User

pytestmark = pytest.mark.django_db

PASSWORD = "a-test-password-1"  # conftest.py's users' password
_addresses = (f"198.51.{n // 250}.{n % 250 + 1}" for n in itertools.count())


def sign_in(client, username: str, password: str, address: str):
    client.logout()
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def limit_of(limits, who: str) -> int:
    return next(int(limit.rate.split("/")[0]) for limit in limits if limit.who == who)


def test_the_cache_the_limits_count_in_is_redis_whenever_redis_url_is_set():
    expected = "RedisCache" if settings.REDIS_URL else "LocMemCache"
    assert settings.CACHES["default"]["BACKEND"].endswith(expected)


def test_an_account_tried_from_many_addresses_is_paused_for_everyone(client, youth_lead):
    """Credential stuffing: one failure from each of 20 addresses (axes, per account and address, never fires)."""
    allowed = limit_of(FAILED_SIGN_IN_LIMITS, "this account")
    for _ in range(allowed):
        assert sign_in(client, "lead.hyde", "wrong-guess", next(_addresses)).status_code == 200
    response = sign_in(client, "lead.hyde", PASSWORD, next(_addresses))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Too many attempts" in html and "this account" in html and "reset your password" in html
    assert not signed_in(client)
    # Another account is not held by it.
    User.objects.create_user(username="colleague", password=PASSWORD, organisation=youth_lead.organisation)
    assert sign_in(client, "colleague", PASSWORD, next(_addresses)).status_code == 302


def test_an_address_trying_many_accounts_is_paused_but_other_addresses_are_not(client, partnership):
    """Password spraying: one failure for each of 100 accounts from one address."""
    spraying = next(_addresses)
    for n in range(limit_of(FAILED_SIGN_IN_LIMITS, "your network address")):
        sign_in(client, f"someone.{n}", "wrong-guess", spraying)
    User.objects.create_user(
        username="real.person", password=PASSWORD, organisation=Organisation.objects.get(name="Hyde")
    )
    response = sign_in(client, "real.person", PASSWORD, spraying)
    assert response.status_code == 429
    assert "your network address" in response.content.decode()
    assert sign_in(client, "real.person", PASSWORD, next(_addresses)).status_code == 302


def test_twenty_colleagues_behind_one_office_address_each_mistyping_four_times_still_sign_in(client, partnership):
    office = next(_addresses)
    hyde = Organisation.objects.get(name="Hyde")
    for n in range(20):
        User.objects.create_user(username=f"colleague.{n}", password=PASSWORD, organisation=hyde)
        for _ in range(4):
            assert sign_in(client, f"colleague.{n}", "mistyped", office).status_code == 200
        assert sign_in(client, f"colleague.{n}", PASSWORD, office).status_code == 302


def test_password_reset_emails_are_limited_per_account(client, youth_lead, mailoutbox):
    youth_lead.email = "lead@hyde.example"
    youth_lead.save()
    allowed = limit_of(RATE_LIMITS["password_reset"], "this account")
    for _ in range(allowed):
        response = client.post(reverse("password_reset"), {"email": "LEAD@hyde.example"}, REMOTE_ADDR=next(_addresses))
        assert response.status_code == 302
    response = client.post(reverse("password_reset"), {"email": "lead@hyde.example"}, REMOTE_ADDR=next(_addresses))
    assert response.status_code == 429
    assert len(mailoutbox) == allowed


@pytest.mark.parametrize(
    ("url_name", "client_fixture", "data", "model"),
    [
        ("jobs:import-start", "youth_lead_client", {"kind": "projects"}, ImportJob),
        ("jobs:export-start", "youth_lead_client", {"kind": "register_csv"}, ExportJob),
        ("partners:invitation-create", "programme_manager_client", {"email": "x@example.org"}, User),
    ],
)
def test_imports_exports_and_invitations_are_limited_per_person(request, url_name, client_fixture, data, model):
    client = request.getfixturevalue(client_fixture)
    allowed = limit_of(RATE_LIMITS[url_name], "you")
    before = model.objects.count()
    for _ in range(allowed):
        assert client.post(reverse(url_name), data, REMOTE_ADDR=next(_addresses)).status_code != 429
    made = model.objects.count()
    response = client.post(reverse(url_name), data, REMOTE_ADDR=next(_addresses))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert model.objects.count() == made >= before


def test_sign_in_attempts_are_limited_per_address_whatever_accounts_they_name(client, partnership):
    """A script posting the sign-in form from one address (here without a password, so no sign-in fails)."""
    address = next(_addresses)
    for n in range(limit_of(RATE_LIMITS["login"], "your network address")):
        assert sign_in(client, f"anyone.{n}", "", address).status_code == 200
    User.objects.create_user(
        username="real.person", password=PASSWORD, organisation=Organisation.objects.get(name="Hyde")
    )
    assert sign_in(client, "real.person", PASSWORD, address).status_code == 429
    assert sign_in(client, "real.person", PASSWORD, next(_addresses)).status_code == 302
