"""Sign-in protection: the username and address django-axes records for each failed sign-in, and the count of
failed sign-ins per account and per address that core.limits refuses sign-in on."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from core.limits import sign_in_failed


def axes_username(request, credentials: dict | None = None) -> str | None:
    """The username tried, cut to the longest any account can have: axes stores it in a 255-character
    column, so a longer one would otherwise end the sign-in in a database error."""
    username = credentials.get("username") if credentials else request.POST.get("username")
    if username is None:
        return None
    return username[: get_user_model()._meta.get_field("username").max_length]


def client_ip(request) -> str:
    """The address a sign-in came from: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the
    outermost one saw, counted from the right of X-Forwarded-For so a client cannot choose it."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


@receiver(user_login_failed, dispatch_uid="partners.signin.count_failed_sign_in")
def count_failed_sign_in(sender, credentials, request=None, **kwargs) -> None:
    """Each failed sign-in through a page counts against its account and its address (core.limits)."""
    if request is not None and request.method == "POST":
        sign_in_failed(request)
