"""Pages that need nothing of any app: the load balancer's health check and the browser's icon."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@login_not_required
@never_cache
@require_safe
def health(request):
    """The load balancer's health check and the load test's ceiling: no login, no database, just "ok"."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on their own, before any page names its icon: send them to the portal's."""
    return redirect(static("images/favicon.svg"))
