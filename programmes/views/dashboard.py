"""The full list of overdue returns the VRU's dashboard links to (the dashboard itself is coverage's: it leads
with coverage, which programmes cannot import)."""

from django.utils import timezone
from django.views.generic import ListView

from core.permissions import PermissionMixin

from .. import permissions
from ..selectors.projects import projects_visible_to
from ..selectors.returns import overdue_counts, overdue_returns


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
