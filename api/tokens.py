"""Making, finding and revoking personal API tokens: secrets are random, shown once, and kept only as a hash."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from core.errors import PortalError
from core.roles import is_administrator

from .models import ApiToken

# Every secret starts with this, so a leaked one is recognisable (and secret scanners can look for it).
TOKEN_START = "hayn_"  # noqa: S105  # nosec B105: a marker, not a secret
PREFIX_LENGTH = 8


def secret_hash(secret: str) -> str:
    """The SHA-256 of a secret: the secret is 256 random bits, so a fast hash is enough and a lookup is one query."""
    return hashlib.sha256(secret.encode()).hexdigest()


def can_revoke_token(user, token: ApiToken) -> bool:
    """Anyone revokes their own tokens; administrators revoke anyone's."""
    return token.user_id == user.pk or is_administrator.test(user)


def tokens_of(user):
    """The user's own tokens, newest first."""
    return ApiToken.objects.filter(user=user)


def tokens_revocable_by(user):
    """The tokens the user may see and revoke: their own, or everyone's for an administrator."""
    tokens = ApiToken.objects.select_related("user", "user__organisation", "revoked_by")
    return tokens if is_administrator.test(user) else tokens.filter(user=user)


def token_for_secret(secret: str) -> ApiToken | None:
    """The usable token with this secret (not revoked, not expired), with its user; None for any other secret."""
    if not secret.startswith(TOKEN_START):
        return None
    return ApiToken.objects.usable().select_related("user").filter(secret_hash=secret_hash(secret)).first()


@transaction.atomic
def token_create(*, user, name: str, expires_on=None) -> tuple[ApiToken, str]:
    """A new token for the user; returns it with its secret, which is never stored and cannot be shown again."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    secret = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    if expires_on is not None and expires_on < timezone.localdate():
        raise PortalError("The expiry date must be today or in the future", field="expires_on")
    token = ApiToken(user=user, name=name, prefix=f"{TOKEN_START}{prefix}", secret_hash=secret_hash(secret))
    token.expires_on = expires_on
    token._history_user = user
    token._change_reason = "Created the token"
    token.save()
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, user) -> ApiToken:
    """Revoke a token at once: the next call with it is refused. Revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not can_revoke_token(user, token):
        raise PortalError("You cannot revoke this token.")
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by = timezone.now(), user
        token._history_user = user
        token._change_reason = "Revoked the token" if token.user_id == user.pk else "Revoked by an administrator"
        token.save()
    return token


def token_used(token: ApiToken) -> None:
    """Note when a token was last used, at most once a minute, without a history record each call."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
