"""The page every action on a project or return shares: confirm it (GET), do it (POST), show a refusal."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from core.errors import PortalError

from ..forms.actions import ConfirmForm


class ActionView(FormView):
    """Confirm (GET) and do (POST) one action on a project or return; refusals are shown, never a 500."""

    form_class = ConfirmForm
    template_name = "programmes/confirm_action.html"
    # What the page says: its heading, the button, and the message after success.
    heading = button = done = ""
    button_class = "govuk-button"

    def get_initial(self):
        return {"version": self.object.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.object, heading=self.heading, button=self.button, button_class=self.button_class, **kwargs
        )

    def form_valid(self, form):
        try:
            self.perform(form)
        except PortalError as error:
            if error.field in form.fields:
                form.add_error(error.field, error.message)
                return self.form_invalid(form)
            messages.error(self.request, error.message)
            return redirect(self.object)
        messages.success(self.request, self.done.format(subject=self.object))
        return redirect(self.success_url_for())

    def success_url_for(self):
        return self.object
