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


class ProjectReviewView(PortalAPIView):
    """A decision on a submitted project (VRU staff), as the project's review page makes it."""

    serializer_class = ProjectSerializer
    decision = ReviewForm.VERIFY

    def decide(self, **arguments):
        if self.decision == ReviewForm.VERIFY:
            return project_verify(**arguments)
        return project_send_back(**arguments)

    @extend_schema(
        request=ReviewInputSerializer, parameters=[IF_MATCH], responses={200: ProjectSerializer, **WRITE_ERRORS}
    )
    def post(self, request, pk):
        project = visible(project_pages_for(request.user), pk)
        allowed(permissions.can_review_project, request.user, project)
        version_matched(request, project)
        comment = review_comment(request, self.decision)
        project = changed(
            request,
            project,
            permissions.can_review_project,
            self.decide,
            project=project,
            reviewer=request.user,
            comment=comment,
        )
        return project_response(request, project)


class ReturnReviewView(PortalAPIView):
    """A decision on a submitted monitoring return (VRU staff), as the return's review page makes it."""

    serializer_class = MonitoringReturnSerializer
    decision = ReviewForm.VERIFY

    def decide(self, **arguments):
        if self.decision == ReviewForm.VERIFY:
            return return_verify(**arguments)
        return return_send_back(**arguments)

    @extend_schema(
        request=ReviewInputSerializer,
        parameters=[IF_MATCH],
        responses={200: MonitoringReturnSerializer, **WRITE_ERRORS},
    )
    def post(self, request, pk):
        monitoring_return = visible(return_pages_for(request.user), pk)
        allowed(permissions.can_review_return, request.user, monitoring_return)
        version_matched(request, monitoring_return)
        comment = review_comment(request, self.decision)
        monitoring_return = changed(
            request,
            monitoring_return,
            permissions.can_review_return,
            self.decide,
            monitoring_return=monitoring_return,
            reviewer=request.user,
            comment=comment,
        )
        return return_response(request, monitoring_return)
