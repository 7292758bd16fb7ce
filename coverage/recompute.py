"""Working out the coverage pages' default views again after a change, so their next reader pays nothing."""

from django.http import QueryDict
from django.utils import timezone

from .analysis.data import Criteria
from .cache import EVERYONE, analysis_store
from .forms.filters import CoverageFilterForm
from .selectors.partnership import COUNTED_STATUSES, coverage_reference, partnership_coverage_compute


def default_criteria() -> tuple[Criteria, ...]:
    """The questions asked most: the coverage pages with no filters (this quarter, all ages, every kind of
    work, organisations as they are now, projects that count) and today's, which the snapshot asks."""
    today = timezone.localdate()
    form = CoverageFilterForm(QueryDict(), reference=coverage_reference(), today=today)
    form.is_valid()
    return form.criteria(), Criteria(start=today, end=today, statuses=COUNTED_STATUSES)


def coverage_defaults_recompute() -> int:
    """Work out and keep the default views for the current version unless kept already; how many were worked out."""
    return sum(
        analysis_store(criteria=criteria, audience=EVERYONE, compute=lambda c=criteria: partnership_coverage_compute(c))
        for criteria in default_criteria()
    )
