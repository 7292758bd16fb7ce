"""The dashboard shows its figures with links into each."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.periods import Quarter
from programmes.selectors.dashboard import dashboard_for
from programmes.selectors.reach import reach_of
from programmes.tests.factories import FundedPostFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_the_figures_with_links_into_each(programme_manager_client):
    today = timezone.localdate()
    waiting = ProjectFactory(
        title="Waiting to be verified",
        status=ProjectStatus.SUBMITTED,
        start_date=today - timedelta(days=200),
        end_date=today + timedelta(days=200),
    )
    returned = MonitoringReturnFactory(
        project=waiting, quarter=Quarter.containing(today - timedelta(days=120)), status=ReviewStatus.SUBMITTED
    )
    response = programme_manager_client.get(reverse("programmes:dashboard"))
    page = response.content.decode()
    dashboard = response.context["dashboard"]
    assert dashboard.partnership_reach == reach_of(Project.objects.all())
    assert dashboard.projects_waiting_count == 1
    assert dashboard.returns_waiting_count == 1
    assert waiting.get_absolute_url() in page
    assert returned.get_absolute_url() in page
    assert f"active_from={today.isoformat()}" in page
    assert reverse("programmes:overdue-returns") in page


def test_posts_whose_filling_is_not_known_are_counted_apart_and_open_their_list(programme_manager_client):
    FundedPostFactory(running=True, is_filled=True)
    FundedPostFactory(running=True, is_filled=None, fte=None)
    FundedPostFactory(running=True, is_filled=None, fte=None)
    response = programme_manager_client.get(reverse("programmes:dashboard"))
    posts = response.context["dashboard"].posts
    assert (posts.filled, posts.vacant, posts.not_known) == (1, 0, 2)
    link = f"{reverse('programmes:post-list')}?state=not_known&amp;running_on={timezone.localdate().isoformat()}"
    assert link in response.content.decode()
    listed = programme_manager_client.get(link.replace("&amp;", "&")).context["page_obj"].paginator.count
    assert listed == posts.not_known


def test_the_dashboard_lists_each_overdue_project_once_with_its_overdue_quarters(programme_manager_client):
    first = Quarter.containing(timezone.localdate() - timedelta(days=300))
    second = first.next()
    behind = ProjectFactory(title="Two quarters behind", start_date=first.start, end_date=second.end)
    response = programme_manager_client.get(reverse("programmes:dashboard"))
    overdue = response.context["dashboard"].overdue
    (shown,) = [item for item in overdue.longest_overdue if item.project_id == behind.pk]
    assert shown.quarters == [first, second]
    assert overdue.count == sum(len(item.quarters) for item in overdue.longest_overdue)
    page = response.content.decode()
    assert f'<td class="govuk-table__cell">{first}, {second}</td>' in page
    assert f"{first.due_date.day} {first.due_date:%b %Y}" in page


def _projects_owing_and_behind(size: int) -> None:
    """Running projects with targets, overdue returns, one verified and one waiting return each."""
    today = timezone.localdate()
    for project in ProjectFactory.create_batch(
        size, status=ProjectStatus.VERIFIED, start_date=today - timedelta(days=400), end_date=today + timedelta(days=90)
    ):
        quarters = [Quarter.containing(today - timedelta(days=days)) for days in (370, 280)]
        MonitoringReturnFactory(project=project, quarter=quarters[0], status=ReviewStatus.VERIFIED)
        MonitoringReturnFactory(project=project, quarter=quarters[1], status=ReviewStatus.SUBMITTED)


@pytest.mark.parametrize("size", [3, 30])
def test_the_dashboards_figures_take_the_same_queries_whatever_the_number_of_projects(
    programme_manager, django_assert_num_queries, size
):
    """Running by status 1, the review queue 4, reach by programme 3, furthest behind 2, posts 1, overdue 3."""
    _projects_owing_and_behind(size)
    with django_assert_num_queries(14):
        dashboard = dashboard_for(programme_manager, today=timezone.localdate(), shown=10)
    assert dashboard.overdue.project_count == size
    assert len(dashboard.furthest_behind) == min(size, 10)


def test_the_dashboard_page_takes_the_same_queries_whatever_the_number_of_projects(programme_manager_client):
    counts = []
    for size in (3, 27):
        _projects_owing_and_behind(size)
        programme_manager_client.get(reverse("programmes:dashboard"))  # the coverage overview kept for this version
        with CaptureQueriesContext(connection) as captured:
            programme_manager_client.get(reverse("programmes:dashboard"))
        counts.append(len(captured))
    assert counts[0] == counts[1]
