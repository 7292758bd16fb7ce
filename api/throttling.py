"""How often a token and an address may call, counted on the Django cache (Redis when REDIS_URL is set)."""

from rest_framework.throttling import SimpleRateThrottle

from partners.signin import client_ip

from .models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    """Calls per personal token (rate `token`); sessions are counted by address only."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class AddressRateThrottle(SimpleRateThrottle):
    """Calls per client address (rate `address`), read as sign-in protection reads it (behind trusted proxies).

    Checked before authentication, so guessing tokens and anonymous calls are limited too."""

    scope = "address"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
