"""The coverage map's read: how many projects run (or how many gaps there are) in each London borough."""

from collections import Counter
from datetime import date

from boroughs.models import Borough
from programmes.models import InterventionType
from programmes.selectors.areas import project_counts_by_borough
from programmes.selectors.projects import projects_visible_to

from ..analysis.data import Criteria
from ..analysis.figures import gap_counts_by_borough
from ..map import CoverageMap, bands_for, squares_for
from .partnership import COUNTED_STATUSES, coverage_analysis, coverage_reference


def coverage_map(
    user, *, start: date, end: date, intervention_type: InterventionType | None = None, gaps: bool = False
) -> CoverageMap:
    """Every London borough with how many projects that count run there in the period (of one kind of work,
    if chosen), shaded in bands, in the London Squared layout: four queries. With `gaps`, the count is
    instead the coverage analysis's gaps there (the borough's own and its priority places')."""
    if gaps:
        counts = _gap_counts(user, start=start, end=end, intervention_type=intervention_type)
    else:
        projects = projects_visible_to(user).counted().active_between(start, end)
        if intervention_type is not None:
            projects = projects.filter(intervention_types=intervention_type)
        counts = project_counts_by_borough(projects)
    boroughs = list(Borough.objects.order_by("grid_row", "grid_column"))
    bands = bands_for(max((counts[borough.pk] for borough in boroughs), default=0))
    return CoverageMap(squares_for(boroughs, counts, bands), bands, start, end, intervention_type, gaps)


def _gap_counts(user, *, start: date, end: date, intervention_type: InterventionType | None) -> Counter:
    """The coverage analysis's gaps in each borough for the period and kind of work, all ages, counted statuses."""
    criteria = Criteria(
        start=start,
        end=end,
        statuses=COUNTED_STATUSES,
        type_ids=None if intervention_type is None else frozenset({intervention_type.pk}),
    )
    analysis = coverage_analysis(user=user, criteria=criteria, reference=coverage_reference())
    return Counter(gap_counts_by_borough(analysis))
