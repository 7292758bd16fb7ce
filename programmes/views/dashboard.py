"""The VRU's dashboard and the full list of overdue returns it links to."""

from django.utils import timezone
from django.views.generic import ListView, TemplateView

from core.permissions import PermissionMixin

from .. import permissions
from ..selectors.dashboard import dashboard_for
from ..selectors.projects import projects_visible_to
from ..selectors.returns import overdue_counts, overdue_returns

SHOWN = 10


class DashboardView(PermissionMixin, TemplateView):
    """The VRU's morning view: running projects, reach against targets, posts, overdue returns, the review queue."""

    permission = permissions.can_view_dashboard
    template_name = "programmes/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dashboard=dashboard_for(self.request.user, today=timezone.localdate(), shown=SHOWN), **kwargs
        )


class OverdueReturnListView(PermissionMixin, ListView):
    """Every overdue monitoring return, the longest overdue first."""

    permission = permissions.can_view_dashboard
    template_name = "programmes/overdue_return_list.html"
    paginate_by = 50
    context_object_name = "overdue"

    def get_queryset(self):
        return overdue_returns(projects_visible_to(self.request.user), today=timezone.localdate())

    def get_context_data(self, **kwargs):
        _, projects_overdue = overdue_counts(self.object_list)
        return super().get_context_data(projects_overdue=projects_overdue, **kwargs)
