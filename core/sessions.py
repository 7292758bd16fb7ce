"""Keeping a signed-in session alive without writing it on every request.

Sessions end SESSION_COOKIE_AGE after the last request. Rather than save the session on every request
(an UPDATE per page), it is saved when it changes or when its expiry was last pushed back more than
SESSION_REFRESH_SECONDS ago; so a session ends between SESSION_COOKIE_AGE minus that and SESSION_COOKIE_AGE
after the last request.
"""

import time

from django.conf import settings

REFRESHED = "_refreshed_at"


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
