"""Sign-in protection: the username django-axes records for each failed sign-in."""

from django.contrib.auth import get_user_model


def axes_username(request, credentials: dict | None = None) -> str | None:
    """The username tried, cut to the longest any account can have: axes stores it in a 255-character
    column, so a longer one would otherwise end the sign-in in a database error."""
    username = credentials.get("username") if credentials else request.POST.get("username")
    if username is None:
        return None
    return username[: get_user_model()._meta.get_field("username").max_length]
