"""Funded posts: the list, filterable by filled or vacant, host, programme and date, and one post."""

from django.views.generic import DetailView
from django_filters.views import FilterView

from ..filters import FundedPostFilter
from ..selectors.posts import funded_posts


class FundedPostListView(FilterView):
    """The posts the partnership pays for, filterable by filled or vacant, host, programme and date."""

    filterset_class = FundedPostFilter
    template_name = "programmes/post_list.html"
    paginate_by = 25

    def get_queryset(self):
        return funded_posts()


class FundedPostDetailView(DetailView):
    """One funded post: who hosts and pays for it, its dates and cost, and whether it is filled."""

    template_name = "programmes/post_detail.html"
    context_object_name = "post"

    def get_queryset(self):
        return funded_posts()
