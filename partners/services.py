"""Writes about people: inviting someone to the portal (there is no public sign-up)."""

import logging

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.errors import PortalError
from core.roles import Role

from .models import Organisation, User
from .permissions import can_invite_people, roles_invitable_by

logger = logging.getLogger(__name__)


@transaction.atomic
def person_invite(
    *,
    invited_by,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    organisation: Organisation | None,
    job_title: str = "",
    site_url: str,
) -> User:
    """Create an account with no password and email its owner a link to set one.

    The account exists only if the email was handed to the mail backend: a failure rolls both back.
    The link is Django's password-reset token, so it stops working once used or after
    PASSWORD_RESET_TIMEOUT (three days by default).
    """
    if not can_invite_people.test(invited_by):
        raise PortalError("Only VRU staff and administrators can invite people.")
    if role not in roles_invitable_by(invited_by):
        raise PortalError("You cannot invite someone with that role.", field="role")
    if role == Role.YOUTH_LEAD and organisation is None:
        raise PortalError("Choose the organisation the youth lead works for.", field="organisation")
    email = email.strip().lower()
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise PortalError("There is already an account for this email address.", field="email")
    person = User(
        username=email,
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=role,
        organisation=organisation,
        job_title=job_title,
    )
    person.set_unusable_password()
    person.save()
    path = reverse(
        "partners:invitation-accept",
        args=[urlsafe_base64_encode(force_bytes(person.pk)), default_token_generator.make_token(person)],
    )
    context = {"person": person, "invited_by": invited_by, "link": site_url.rstrip("/") + path}
    send_mail(
        subject="You are invited to the HAYN Partnership Portal",
        message=render_to_string("partners/invitation_email.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    logger.info("Person %s invited by user %s with role %s", person.pk, invited_by.pk, role)
    return person
