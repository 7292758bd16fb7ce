"""An organisation's page: the projects it leads or joins, the returns it owes, and its people."""

from dataclasses import replace

from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import DetailView

from partners.models import Organisation
from partners.permissions import can_invite_people
from partners.selectors import people_in

from ..permissions import can_create_return, can_log_project_for, can_view_return
from ..selectors.organisations import organisation_projects_for
from ..selectors.returns import returns_owed

PROJECTS_PAGE_SIZE = 25
# The organisation page lists this many outstanding returns, earliest due first, and counts the rest.
OUTSTANDING_SHOWN = 100


class OrganisationDetailView(DetailView):
    """An organisation's page: the projects it leads or joins, the returns it owes, and its people."""

    template_name = "programmes/organisation_detail.html"
    context_object_name = "organisation"
    queryset = Organisation.objects.select_related("successor")

    def get_context_data(self, **kwargs):
        organisation, user = self.object, self.request.user
        projects = Paginator(organisation_projects_for(user, organisation), PROJECTS_PAGE_SIZE)
        owed = returns_owed(organisation=organisation, today=timezone.localdate(), shown=OUTSTANDING_SHOWN)
        return super().get_context_data(
            projects=projects.get_page(self.request.GET.get("page")),
            outstanding=[(_as_seen_by(user, item), can_create_return.test(user, item.project)) for item in owed.shown],
            outstanding_count=owed.count,
            overdue_count=owed.overdue_count,
            people=people_in(organisation),
            can_log_project=can_log_project_for.test(user, organisation),
            can_invite=can_invite_people.test(user),
            **kwargs,
        )


def _as_seen_by(user, item):
    """An outstanding quarter without its started return when the viewer may not see that return (another
    organisation's draft): the quarter is still owed, but not that a draft exists, nor its address."""
    if item.started is None or can_view_return.test(user, item.started):
        return item
    return replace(item, started=None)
