"""Sign-in protection: the username and address django-axes records for each failed sign-in."""

from django.conf import settings
from django.contrib.auth import get_user_model


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
