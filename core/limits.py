"""Rate limits and sign-in lockouts beyond django-axes, counted in the cache (Redis when REDIS_URL is set).

One table says what each page allows, per account and per address, in a fixed window (django-ratelimit's
counters): every POST to it counts. Failed sign-ins count apart (partners.signin counts them when Django
reports one), per account from any address and per address across accounts, with thresholds an office of
colleagues behind one address can live with; django-axes keeps its own lockout per account and address.
A request over any limit gets the 429 page saying when to try again.
"""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage


@dataclass(frozen=True)
class Limit:
    """At most `rate` (django-ratelimit's "20/h") requests per `key` ("ip", "user" or a function's path)."""

    key: str
    rate: str
    who: str  # Said on the 429 page: "this account", "this address".


ACCOUNT, ADDRESS, YOU = "this account", "your network address", "you"


def username_key(group, request) -> str:
    """The username a sign-in names, as the account it counts against (case folded, bounded)."""
    return request.POST.get("username", "").strip().casefold()[:150]


def email_key(group, request) -> str:
    return request.POST.get("email", "").strip().casefold()[:254]


USERNAME, EMAIL = "core.limits.username_key", "core.limits.email_key"

# Every POST to these pages (by URL name), failed or not. Generous for people, tight for scripts.
SIGN_IN_PAGES = ("login", "admin:login")
RATE_LIMITS = {
    **dict.fromkeys(SIGN_IN_PAGES, (Limit(USERNAME, "30/h", ACCOUNT), Limit("ip", "300/h", ADDRESS))),
    "password_reset": (Limit(EMAIL, "5/h", ACCOUNT), Limit("ip", "30/h", ADDRESS)),
    "partners:invitation-create": (Limit("user", "50/h", YOU), Limit("ip", "100/h", ADDRESS)),
    "jobs:import-start": (Limit("user", "30/h", YOU), Limit("ip", "100/h", ADDRESS)),
    "jobs:export-start": (Limit("user", "60/h", YOU), Limit("ip", "200/h", ADDRESS)),
}
# Failed sign-ins: an account tried from many addresses (credential stuffing), an address trying many
# accounts (password spraying). Twenty colleagues behind one office address can each mistype five times an hour.
FAILED_SIGN_IN_LIMITS = (Limit(USERNAME, "20/h", ACCOUNT), Limit("ip", "100/h", ADDRESS))
FAILED_SIGN_IN = "failed-sign-in"


def _over(request, group: str, limits, *, increment: bool) -> tuple[Limit, int] | None:
    """The first limit this request is over, and the seconds until its window ends; None if it is under all."""
    for limit in limits:
        usage = get_usage(request, group=group, key=limit.key, rate=limit.rate, method="POST", increment=increment)
        # Counting this request, over means past the limit; only looking (failures counted apart), reaching it.
        if usage is not None and (usage["should_limit"] or (not increment and usage["count"] >= usage["limit"])):
            return limit, max(usage["time_left"], 1)
    return None


def sign_in_failed(request) -> None:
    """Count a failed sign-in against its account and its address (called when Django reports one)."""
    for limit in FAILED_SIGN_IN_LIMITS:
        get_usage(request, group=FAILED_SIGN_IN, key=limit.key, rate=limit.rate, method="POST", increment=True)


def too_many(request, limit: Limit, seconds: int):
    """The 429 page: what was refused, for whom, and when to try again."""
    minutes = -(-seconds // 60)
    response = render(
        request,
        "429.html",
        {"who": limit.who, "minutes": minutes, "is_sign_in": request.resolver_match.view_name in SIGN_IN_PAGES},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


class RateLimitMiddleware:
    """Refuses a POST over its page's limits, or a sign-in for an account or from an address with too many
    failed sign-ins, before the view runs. Counts live in the cache named by RATELIMIT_USE_CACHE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not getattr(settings, "RATELIMIT_ENABLE", True):
            return None
        name = request.resolver_match.view_name
        if name in SIGN_IN_PAGES and (over := _over(request, FAILED_SIGN_IN, FAILED_SIGN_IN_LIMITS, increment=False)):
            return too_many(request, *over)
        if name in RATE_LIMITS and (over := _over(request, name, RATE_LIMITS[name], increment=True)):
            return too_many(request, *over)
        return None
