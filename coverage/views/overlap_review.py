"""One overlap's projects side by side, and VRU staff's judgement of it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.errors import PortalError
from programmes.models import InterventionType

from ..analysis.data import PLACE
from ..analysis.overlaps import common_ground
from ..forms.overlap_review import OverlapIdentityForm, OverlapReviewForm
from ..permissions import can_review_overlap
from ..selectors.compare import project_details
from ..selectors.partnership import overlap_partnership
from ..selectors.reviews import overlap_review_current
from ..services import overlap_review_mark
from ..tables.overlaps import comparison_rows, project_cells, shared_ages, shared_dates
from .mixins import CoverageAccessMixin


class OverlapReviewView(CoverageAccessMixin, TemplateView):
    """One overlap's projects side by side with what they share, and (for VRU staff) the form to judge it."""

    template_name = "coverage/overlap_review.html"
    identity_names = {"site": "site", "type": "overlap_type", "projects": "projects"}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        identity = OverlapIdentityForm({key: request.GET.get(name) for key, name in self.identity_names.items()})
        if not identity.is_valid():
            raise Http404("No such overlap.")
        self.site = identity.site_value()
        self.project_ids = identity.project_ids()
        self.intervention_type = get_object_or_404(InterventionType, slug=identity.cleaned_data["type"])

    def back(self) -> str:
        """The overlap list with the filters the user came from."""
        query = self.request.GET.copy()
        for name in self.identity_names.values():
            query.pop(name, None)
        return f"{reverse('coverage:overlap-list')}?{query.urlencode()}"

    def get_context_data(self, **kwargs):
        data = overlap_partnership(user=self.request.user, project_ids=self.project_ids)
        places = {place.id: place for place in data.places}
        sites = places if self.site.kind == PLACE else {borough.id: borough for borough in data.boroughs}
        if len(data.projects) != len(self.project_ids) or self.site.id not in sites:
            raise Http404("No such overlap.")
        projects = sorted(data.projects, key=lambda project: project.id)
        shared = common_ground(projects)
        cells = project_cells(projects, organisations=data.organisations, places=places)
        details = project_details(user=self.request.user, project_ids=self.project_ids)
        return super().get_context_data(
            where=sites[self.site.id].name,
            is_place=self.site.kind == PLACE,
            intervention_type=self.intervention_type,
            projects=cells,
            comparison=comparison_rows(
                cells, projects, details, organisations=data.organisations, successors=data.successors
            ),
            shared_ages=shared_ages(shared),
            shared_dates=shared_dates(shared),
            review=self.review,
            can_review=can_review_overlap.test(self.request.user),
            back=self.back(),
            **kwargs,
        )

    def current_review(self):
        return overlap_review_current(site=self.site, type_id=self.intervention_type.pk, project_ids=self.project_ids)

    def get(self, request, *args, **kwargs):
        self.review = self.current_review()
        initial = {"status": self.review.status, "note": self.review.note} if self.review else None
        return self.render_to_response(self.get_context_data(form=OverlapReviewForm(initial=initial)))

    def post(self, request, *args, **kwargs):
        if not can_review_overlap.test(request.user):
            raise PermissionDenied
        form = OverlapReviewForm(request.POST)
        if form.is_valid():
            try:
                overlap_review_mark(
                    user=request.user,
                    site=self.site,
                    intervention_type=self.intervention_type,
                    project_ids=self.project_ids,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                )
            except PortalError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, "The overlap is marked reviewed.")
                return redirect(self.back())
        self.review = self.current_review()
        return self.render_to_response(self.get_context_data(form=form))
