"""Who is calling: a personal API token (`Authorization: Bearer hayn_…`), or the signed-in session."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .tokens import token_for_secret, token_used


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    """A personal token in the Authorization header, as `Bearer <secret>`; the call acts as the token's user."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the token as: Authorization: Bearer <token>."))
        token = token_for_secret(header[1])
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This token is not valid: it is unknown, revoked or expired."))
        token_used(token)
        return token.user, token

    def authenticate_header(self, request):
        # Named, so that anonymous calls answer 401 (with this challenge) rather than 403.
        return f'{self.keyword} realm="api"'
