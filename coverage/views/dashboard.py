"""The VRU's dashboard: coverage first (gaps, overlaps to review, what changed since last quarter), then the
programmes' figures (reach, posts, returns, the review queue) from programmes' dashboard selector."""

from django.utils import timezone
from django.views.generic import TemplateView

from core.permissions import PermissionMixin
from programmes import permissions
from programmes.selectors.charts import partnership_charts_for
from programmes.selectors.dashboard import dashboard_for

from .home import coverage_context

SHOWN = 10


class DashboardView(PermissionMixin, TemplateView):
    """The VRU's morning view: coverage, running projects, reach against targets, posts, overdue returns, the
    review queue."""

    permission = permissions.can_view_dashboard
    template_name = "programmes/dashboard.html"

    def get_context_data(self, **kwargs):
        user, today = self.request.user, timezone.localdate()
        return super().get_context_data(
            dashboard=dashboard_for(user, today=today, shown=SHOWN),
            charts=partnership_charts_for(user, today=today),
            **coverage_context(user),
            **kwargs,
        )
