"""Sessions: kept in the database, read through the cache, and not written on every request.

The engine (SESSION_ENGINE = "core.sessions") is Django's `cached_db`, whose cache can fail without failing the
page: an unreachable cache is logged and the database read or written instead. A session stays in the cache for at
most SESSION_REFRESH_SECONDS, so one signed out while the cache could not be reached (its cached copy not deleted)
lives on there for at most that long, and only for a cookie the browser no longer has.

Sessions end SESSION_COOKIE_AGE after the last request. Rather than save the session on every request
(an UPDATE per page), it is saved when it changes or when its expiry was last pushed back more than
SESSION_REFRESH_SECONDS ago; so a session ends between SESSION_COOKIE_AGE minus that and SESSION_COOKIE_AGE
after the last request.
"""

import logging
import time

from django.conf import settings
from django.contrib.sessions.backends import cached_db

REFRESHED = "_refreshed_at"

logger = logging.getLogger(__name__)


class _ForgivingCache:
    """The session cache's four calls, each logged and answered with nothing when the cache cannot be reached."""

    def __init__(self, cache):
        self._cache = cache

    def get(self, key):
        return self._call("get", key)

    def set(self, key, value, timeout):
        self._call("set", key, value, min(timeout, settings.SESSION_REFRESH_SECONDS))

    def delete(self, key):
        self._call("delete", key)

    def __contains__(self, key):
        return bool(self._call("has_key", key))

    def _call(self, method, *args):
        try:
            return getattr(self._cache, method)(*args)
        except Exception:
            logger.warning("The session cache could not be reached (%s); using the database", method, exc_info=True)
            return None


class SessionStore(cached_db.SessionStore):
    """Django's cached_db sessions, read from the database whenever the cache fails."""

    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _ForgivingCache(self._cache)


class SessionRefreshMiddleware:
    """Marks the session for saving (which pushes its expiry back) when it was last saved long enough ago."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if session.modified or now - session.get(REFRESHED, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED] = now
        return response
