"""Helpers the portal-wide tests share."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partners.models import User


def password_reset_args(username: str) -> tuple[str, str]:
    """The uid and token of a fresh password reset link for this user, as the email would carry them."""
    user = User.objects.get(username=username)
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)
