"""The signed-in landing page: a youth lead goes to their organisation's page; VRU staff and administrators see
coverage first (gaps, overlaps to review, what changed), then the review queue."""

from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from core.roles import is_youth_lead
from programmes import permissions
from programmes.selectors.review import review_queue_projects, review_queue_returns

from ..forms.filters import period_value
from ..permissions import can_view_coverage
from ..selectors.overview import coverage_overview


class HomeView(TemplateView):
    """The signed-in landing page: a youth lead goes to their organisation's page; VRU staff see coverage and
    their queue."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        if is_youth_lead.test(request.user):
            return redirect(request.user.organisation)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"name": user.get_full_name() or user.username}
        if can_view_coverage.test(user):
            context |= coverage_context(user)
        if permissions.can_see_review_queue.test(user):
            context |= {
                "projects_waiting": review_queue_projects().count(),
                "returns_waiting": review_queue_returns().count(),
            }
        return super().get_context_data(**context, **kwargs)


def coverage_context(user) -> dict:
    """The coverage overview for today and the coverage pages' query for its quarter."""
    overview = coverage_overview(user, today=timezone.localdate())
    return {"coverage": overview, "coverage_query": f"period={period_value(overview.quarter)}"}
