"""Who may look at coverage and who may judge an overlap: `rules` predicates, enforced by
`core.permissions.PermissionMixin` on the views and re-checked by the service."""

import rules

from programmes.permissions import is_vru_staff, is_youth_lead

# VRU staff and youth leads (and administrators) see the partnership's coverage, overlaps and gaps.
can_view_coverage = rules.is_authenticated & (is_vru_staff | is_youth_lead | rules.is_superuser)


@rules.predicate
def can_review_overlap(user, overlap):
    """Only VRU staff judge whether an overlap is complementary or duplication to be resolved."""
    return user.is_authenticated and user.is_vru_staff
