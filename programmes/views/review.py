"""The VRU's review: deciding on a submitted project or return, and the queue of work waiting."""

from django.core.paginator import Paginator
from django.views.generic import TemplateView

from core.permissions import PermissionMixin

from .. import permissions
from ..forms.review import ReviewForm
from ..selectors.review import review_queue_projects, review_queue_returns
from ..services.review import project_send_back, project_verify, return_send_back, return_verify
from .actions import ActionView
from .projects import ProjectObjectMixin
from .returns import ReturnObjectMixin

QUEUE_PAGE_SIZE = 50


class ReviewView(ActionView):
    """The VRU's decision on a submitted project or return."""

    form_class = ReviewForm
    template_name = "programmes/review_form.html"

    def perform(self, form):
        verify = form.cleaned_data["decision"] == ReviewForm.VERIFY
        self.done = "“{subject}” is verified." if verify else "“{subject}” is returned to its organisation."
        (self.verify if verify else self.send_back)(
            reviewer=self.request.user, version=form.cleaned_data["version"], comment=form.cleaned_data["comment"]
        )


class ProjectReviewView(ProjectObjectMixin, ReviewView):
    permission = permissions.can_review_project
    heading = "Review this project"

    def verify(self, **decision):
        project_verify(project=self.object, **decision)

    def send_back(self, **decision):
        project_send_back(project=self.object, **decision)


class ReturnReviewView(ReturnObjectMixin, ReviewView):
    permission = permissions.can_review_return
    heading = "Review this return"

    def verify(self, **decision):
        return_verify(monitoring_return=self.object, **decision)

    def send_back(self, **decision):
        return_send_back(monitoring_return=self.object, **decision)


class ReviewQueueView(PermissionMixin, TemplateView):
    """Projects and returns waiting for the VRU, longest waiting first, each list paged on its own."""

    permission = permissions.can_see_review_queue
    template_name = "programmes/review_queue.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET
        projects = Paginator(review_queue_projects(), QUEUE_PAGE_SIZE).get_page(query.get("projects_page"))
        returns = Paginator(review_queue_returns(), QUEUE_PAGE_SIZE).get_page(query.get("returns_page"))
        return super().get_context_data(projects=projects, returns=returns, **kwargs)
