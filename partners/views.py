"""Pages about people: inviting someone and accepting an invitation."""

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.generic import FormView

from core.errors import PortalError
from core.permissions import PermissionMixin

from . import services
from .forms import InvitationForm
from .permissions import can_invite_people


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
