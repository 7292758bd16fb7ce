"""Accounts: lockout after repeated failures, invitations by email, password reset, sessions that expire."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from partners.models import Organisation, User

pytestmark = pytest.mark.django_db

PASSWORD = "a-test-password-1"


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_that_username_from_that_address_with_a_clear_message(client, youth_lead):
    for _ in range(4):
        assert sign_in(client, "lead.hyde", "wrong").status_code == 200
    locked = sign_in(client, "lead.hyde", "wrong")
    page = locked.content.decode()
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in page
    assert "You can try again in 30 minutes" in page
    # Even the right password is refused while locked.
    assert sign_in(client, "lead.hyde", PASSWORD).status_code == 429


def test_a_lockout_does_not_spread_to_colleagues_at_the_same_address_or_to_the_user_elsewhere(
    client, youth_lead, other_youth_lead
):
    for _ in range(5):
        sign_in(client, "lead.hyde", "wrong", address="10.0.0.1")
    assert sign_in(client, "lead.clarion", PASSWORD, address="10.0.0.1").status_code == 302
    client.logout()
    assert sign_in(client, "lead.hyde", PASSWORD, address="10.9.9.9").status_code == 302


def test_after_the_cool_off_the_user_can_sign_in_again(client, youth_lead):
    for _ in range(5):
        sign_in(client, "lead.hyde", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert sign_in(client, "lead.hyde", PASSWORD).status_code == 302


def test_sessions_end_after_two_hours_without_a_request(youth_lead_client):
    response = youth_lead_client.get(reverse("password_change"))
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 2 * 60 * 60


def test_a_password_reset_is_emailed_through_the_mail_backend(client, youth_lead):
    youth_lead.email = "lead@hyde.example"
    youth_lead.save()
    client.post(reverse("password_reset"), {"email": "lead@hyde.example"})
    (message,) = mail.outbox
    assert message.to == ["lead@hyde.example"]
    assert "/accounts/reset/" in message.body


def invite(client, **overrides):
    data = {
        "email": "New.Lead@Hyde.example",
        "first_name": "Ana",
        "last_name": "Silva",
        "role": Role.YOUTH_LEAD,
        "organisation": Organisation.objects.get(name="Hyde").pk,
        "job_title": "Youth engagement lead",
    }
    return client.post(reverse("partners:invitation-create"), {**data, **overrides})


def test_an_invited_person_sets_a_password_from_the_emailed_link_and_signs_in(client, programme_manager):
    client.force_login(programme_manager)
    assert invite(client).status_code == 302
    person = User.objects.get(email="new.lead@hyde.example")
    assert (person.role, person.organisation.name, person.has_usable_password()) == (Role.YOUTH_LEAD, "Hyde", False)
    (message,) = mail.outbox
    link = next(line for line in message.body.splitlines() if "/partners/invitations/" in line)
    client.logout()

    form_page = client.get(link.replace("http://testserver", ""), follow=True)
    assert "Set your password" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": "estate-mentoring-2026", "new_password2": "estate-mentoring-2026"}
    )
    assert done.status_code == 302
    assert sign_in(client, "new.lead@hyde.example", "estate-mentoring-2026").status_code == 302
    # The link works once.
    client.logout()
    assert "This link does not work" in client.get(link.replace("http://testserver", ""), follow=True).content.decode()


def test_inviting_an_address_that_already_has_an_account_is_refused_at_the_email(client, programme_manager):
    client.force_login(programme_manager)
    invite(client)
    response = invite(client, email="new.lead@hyde.example")
    assert response.status_code == 200
    assert "There is already an account for this email address." in response.content.decode()
    assert len(mail.outbox) == 1


def test_vru_staff_cannot_make_an_administrator_even_by_a_crafted_post(client, programme_manager):
    client.force_login(programme_manager)
    response = invite(client, role=Role.ADMINISTRATOR)
    assert response.status_code == 200
    assert not User.objects.filter(email="new.lead@hyde.example").exists()
    assert mail.outbox == []


def test_a_youth_lead_needs_an_organisation(client, programme_manager):
    client.force_login(programme_manager)
    response = invite(client, organisation="")
    assert "Choose the organisation the youth lead works for." in response.content.decode()


def test_youth_leads_cannot_invite_anyone_and_nobody_can_sign_up(youth_lead_client, client):
    assert youth_lead_client.get(reverse("partners:invitation-create")).status_code == 403
    assert invite(youth_lead_client).status_code == 403
    assert not User.objects.filter(email="new.lead@hyde.example").exists()
    youth_lead_client.logout()
    assert client.get("/accounts/signup/").status_code in (302, 404)


def test_an_administrator_invited_by_the_first_one_uses_the_admin_and_reads_the_vru_pages(client, partnership):
    """The first administrator comes from `createsuperuser`; the next is invited and has the role alone."""
    founder = User.objects.create_superuser("founder", "founder@example.org", PASSWORD)
    assert founder.role == Role.ADMINISTRATOR
    client.force_login(founder)
    assert invite(client, role=Role.ADMINISTRATOR, organisation="", email="admin2@example.org").status_code == 302
    invited = User.objects.get(email="admin2@example.org")
    assert (invited.role, invited.is_staff, invited.is_superuser) == (Role.ADMINISTRATOR, False, False)
    invited.set_password(PASSWORD)
    invited.save()
    client.logout()

    signed_in = client.post(reverse("admin:login"), {"username": "admin2@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302
    for name in ("admin:index", "admin:programmes_project_changelist", "programmes:dashboard", "coverage:matrix"):
        assert client.get(reverse(name)).status_code == 200, name
    nav = client.get(reverse("home")).content.decode()
    assert reverse("programmes:dashboard") in nav and reverse("coverage:matrix") in nav


def test_the_admin_refuses_everyone_but_administrators_even_signed_in(client, programme_manager, youth_lead):
    for person in (programme_manager, youth_lead):
        client.force_login(person)
        assert client.get(reverse("admin:index")).status_code == 302
        assert client.get(reverse("admin:programmes_project_changelist")).status_code == 302
    client.logout()
    refused = client.post(reverse("admin:login"), {"username": programme_manager.username, "password": PASSWORD})
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
