"""The VRU's review through the API: verify submitted work, or send it back with a comment."""

from drf_spectacular.utils import extend_schema

from programmes import permissions
from programmes.forms.review import ReviewForm
from programmes.selectors.projects import project_pages_for
from programmes.selectors.returns import return_pages_for
from programmes.services.review import project_send_back, project_verify, return_send_back, return_verify

from ..concurrency import version_matched
from ..errors import WRITE_ERRORS
from ..forms_data import form_errors
from ..serializers import MonitoringReturnSerializer, ProjectSerializer, ReviewInputSerializer
from .base import PortalAPIView, allowed, body_of, changed, valid, visible
from .projects import IF_MATCH, project_response
from .returns import return_response


def review_comment(request, decision: str) -> str:
    """The comment, checked by the review page's form (sending back needs one, with the page's message)."""
    form = ReviewForm({"decision": decision, "comment": body_of(request).get("comment") or ""})
    valid([] if form.is_valid() else form_errors(form))
    return form.cleaned_data["comment"]


class ReviewView(PortalAPIView):
    """A decision on submitted work (VRU staff), as its review page makes it: a subclass names the work, who may
    review it, the services that verify it and send it back, and the keyword those services take it by."""

    decision = ReviewForm.VERIFY
    permission = None
    verify = send_back = None
    work = ""

    def reviewed(self, request, pages, pk):
        """The work once decided: visible to this user, theirs to review, at the version they saw."""
        work = visible(pages, pk)
        allowed(self.permission, request.user, work)
        version_matched(request, work)
        comment = review_comment(request, self.decision)
        decide = self.verify if self.decision == ReviewForm.VERIFY else self.send_back
        return changed(
            request, work, self.permission, decide, **{self.work: work}, reviewer=request.user, comment=comment
        )


class ProjectReviewView(ReviewView):
    """A decision on a submitted project, as the project's review page makes it."""

    serializer_class = ProjectSerializer
    permission = permissions.can_review_project
    verify = staticmethod(project_verify)
    send_back = staticmethod(project_send_back)
    work = "project"

    @extend_schema(
        request=ReviewInputSerializer, parameters=[IF_MATCH], responses={200: ProjectSerializer, **WRITE_ERRORS}
    )
    def post(self, request, pk):
        return project_response(request, self.reviewed(request, project_pages_for(request.user), pk))


class ReturnReviewView(ReviewView):
    """A decision on a submitted monitoring return, as the return's review page makes it."""

    serializer_class = MonitoringReturnSerializer
    permission = permissions.can_review_return
    verify = staticmethod(return_verify)
    send_back = staticmethod(return_send_back)
    work = "monitoring_return"

    @extend_schema(
        request=ReviewInputSerializer,
        parameters=[IF_MATCH],
        responses={200: MonitoringReturnSerializer, **WRITE_ERRORS},
    )
    def post(self, request, pk):
        return return_response(request, self.reviewed(request, return_pages_for(request.user), pk))
