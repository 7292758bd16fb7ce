"""Pages about organisations and people: the organisation page and the invitation flow."""

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.generic import DetailView, FormView

from hayn_portal.errors import PortalError
from hayn_portal.permissions import PermissionMixin
from programmes import selectors as programme_selectors
from programmes.permissions import can_create_return, can_log_project_for

from . import services
from .forms import InvitationForm
from .models import Organisation
from .permissions import can_invite_people
from .selectors import people_in

PROJECTS_PAGE_SIZE = 25
# The organisation page lists this many outstanding returns, earliest due first, and counts the rest.
OUTSTANDING_SHOWN = 100


class OrganisationDetailView(DetailView):
    """An organisation's page: the projects it leads or joins, the returns it owes, and its people."""

    template_name = "partners/organisation_detail.html"
    context_object_name = "organisation"
    queryset = Organisation.objects.select_related("successor")

    def get_context_data(self, **kwargs):
        organisation, user = self.object, self.request.user
        projects = Paginator(programme_selectors.organisation_projects_for(user, organisation), PROJECTS_PAGE_SIZE)
        outstanding = programme_selectors.returns_outstanding(organisation=organisation, today=timezone.localdate())
        return super().get_context_data(
            projects=projects.get_page(self.request.GET.get("page")),
            outstanding=[
                (item, can_create_return.test(user, item.project)) for item in outstanding[:OUTSTANDING_SHOWN]
            ],
            outstanding_count=len(outstanding),
            overdue_count=sum(item.is_overdue for item in outstanding),
            people=people_in(organisation),
            can_log_project=can_log_project_for.test(user, organisation),
            can_invite=can_invite_people.test(user),
            **kwargs,
        )


class InvitationCreateView(PermissionMixin, FormView):
    """VRU staff and administrators invite someone by email; they set their own password from the link."""

    permission = can_invite_people
    form_class = InvitationForm
    template_name = "partners/invitation_form.html"

    def get_initial(self):
        return {"organisation": self.request.GET.get("organisation")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inviter": self.request.user}

    def form_valid(self, form):
        try:
            person = services.person_invite(
                invited_by=self.request.user, site_url=self.request.build_absolute_uri("/"), **form.cleaned_data
            )
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(self.request, f"We have emailed {person.email} a link to set their password.")
        return redirect(person.organisation or "home")


class InvitationAcceptView(PasswordResetConfirmView):
    """The invited person sets their password from the emailed link (which works once)."""

    template_name = "partners/invitation_accept.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        messages.success(self.request, "Your password is set. Sign in with your email address and new password.")
        return super().form_valid(form)
