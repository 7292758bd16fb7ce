"""Funding programmes: the list with how many projects each holds, and one programme's work and posts."""

from django.utils import timezone
from django.views.generic import DetailView, ListView

from ..models import FundingProgramme
from ..selectors.funding import funding_programmes_with_counts
from ..selectors.posts import funded_posts
from ..selectors.projects import projects_visible_to
from ..selectors.reach import reach_trajectory
from ..selectors.work import SHOWN, projects_running_on, work_summary


class FundingProgrammeListView(ListView):
    """Every funding programme with its funder and how many projects that count it holds."""

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return funding_programmes_with_counts()


class FundingProgrammeDetailView(DetailView):
    """One funding programme: reach against target, what runs under it, who does the work, the posts it pays for."""

    queryset = FundingProgramme.objects.select_related("funder")
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        projects = projects_visible_to(self.request.user).filter(funding_programme=self.object)
        return super().get_context_data(
            today=today,
            scope={"programme": self.object.pk},
            summary=work_summary(projects, on=today),
            trajectory=reach_trajectory(projects, today=today),
            running=projects_running_on(projects, on=today, limit=SHOWN),
            posts=funded_posts().filter(funding_programme=self.object),
            **kwargs,
        )
