"""Pages that belong to the portal as a whole rather than to one app."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from programmes.permissions import can_see_review_queue
from programmes.selectors import review_queue_projects, review_queue_returns


class HomeView(TemplateView):
    """The signed-in landing page: a youth lead goes to their organisation's page; VRU staff see their queue."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        if request.user.is_youth_lead:
            return redirect(request.user.organisation)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"name": user.get_full_name() or user.username}
        if can_see_review_queue.test(user):
            context |= {
                "projects_waiting": review_queue_projects().count(),
                "returns_waiting": review_queue_returns().count(),
            }
        return super().get_context_data(**context, **kwargs)


@login_not_required
@never_cache
@require_safe
def health(request):
    """The load balancer's health check and the load test's ceiling: no login, no database, just "ok"."""
    return HttpResponse("ok", content_type="text/plain")
