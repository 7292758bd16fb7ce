"""Pages that belong to the portal as a whole rather than to one app."""

from django.views.generic import TemplateView


class HomeView(TemplateView):
    """The signed-in landing page."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(name=self.request.user.get_full_name() or self.request.user.username, **kwargs)
