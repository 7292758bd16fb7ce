"""The VRU's dashboard: every figure on it, in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from ..models import MonitoringReturn, Project, ProjectStatus
from .posts import PostCounts, funded_post_counts
from .projects import projects_active_on, projects_visible_to
from .reach import ProgrammeReach, Reach, projects_furthest_behind_target, reach_by_programme
from .returns import OverdueSummary, overdue_summary
from .review import review_queue_projects, review_queue_returns


@dataclass(frozen=True)
class Dashboard:
    """The VRU's morning view of the partnership."""

    today: date
    active_by_status: list[tuple[str, str, int]]
    partnership_reach: Reach
    reach_by_programme: list[ProgrammeReach]
    furthest_behind: list[Project]
    posts: PostCounts
    overdue: OverdueSummary
    projects_waiting: list[Project]
    projects_waiting_count: int
    returns_waiting: list[MonitoringReturn]
    returns_waiting_count: int
    shown: int

    @property
    def active_total(self) -> int:
        return sum(count for _, _, count in self.active_by_status)


def dashboard_for(user, *, today: date, shown: int = 10) -> Dashboard:
    """Everything on the dashboard, in a fixed number of queries whatever the number of projects."""
    projects = projects_visible_to(user)
    counts = dict(
        projects_active_on(projects, today)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    # The review queue's own lists, and overdue returns over every project (from their index alone): the
    # dashboard is for VRU staff, who see every project.
    projects_waiting = review_queue_projects()
    returns_waiting = review_queue_returns()
    by_programme = reach_by_programme(projects)
    return Dashboard(
        today=today,
        active_by_status=[
            (status.value, status.label, counts.get(status.value, 0))
            for status in ProjectStatus
            if status not in (ProjectStatus.DRAFT, ProjectStatus.CANCELLED)
        ],
        partnership_reach=Reach.total(row.reach for row in by_programme),
        reach_by_programme=by_programme,
        furthest_behind=projects_furthest_behind_target(projects, on=today, limit=shown),
        posts=funded_post_counts(on=today),
        overdue=overdue_summary(None, today=today, shown=shown),
        projects_waiting=list(projects_waiting[:shown]),
        projects_waiting_count=projects_waiting.count(),
        returns_waiting=list(returns_waiting[:shown]),
        returns_waiting_count=returns_waiting.count(),
        shown=shown,
    )
