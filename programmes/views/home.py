"""The signed-in landing page: a youth lead goes to their organisation's page; VRU staff see their queue."""

from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.roles import is_youth_lead

from .. import permissions
from ..selectors.review import review_queue_projects, review_queue_returns


class HomeView(TemplateView):
    """The signed-in landing page: a youth lead goes to their organisation's page; VRU staff see their queue."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        if is_youth_lead.test(request.user):
            return redirect(request.user.organisation)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"name": user.get_full_name() or user.username}
        if permissions.can_see_review_queue.test(user):
            context |= {
                "projects_waiting": review_queue_projects().count(),
                "returns_waiting": review_queue_returns().count(),
            }
        return super().get_context_data(**context, **kwargs)
