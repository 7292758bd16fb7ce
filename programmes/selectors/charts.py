"""The partnership over time, as the dashboard draws it: reach against target and returns received by quarter."""

from dataclasses import dataclass
from datetime import date

from core.roles import sees_everything

from .projects import projects_visible_to
from .reach import ReachTrajectory, reach_trajectory
from .returns import ReturnsByQuarter, returns_by_quarter


@dataclass(frozen=True)
class PartnershipCharts:
    """The dashboard's pictures, each with the figures its table gives."""

    reach: ReachTrajectory
    returns: ReturnsByQuarter


def partnership_charts_for(user, *, today: date) -> PartnershipCharts:
    """Reach by quarter against target, and returns received against expected, over the projects the user sees."""
    projects = projects_visible_to(user)
    # Someone who sees every project reads the returns from the expected returns' index alone.
    everyone = sees_everything.test(user)
    return PartnershipCharts(
        reach=reach_trajectory(projects, today=today),
        returns=returns_by_quarter(None if everyone else projects, today=today),
    )
