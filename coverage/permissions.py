"""Who may look at coverage and who may judge an overlap: `rules` predicates.

`core.permissions.PermissionMixin` enforces them on the views, and the service checks again.
"""

import rules

from core.roles import is_vru_staff, is_youth_lead, sees_everything

# VRU staff and youth leads (and administrators, who read) see the partnership's coverage, overlaps and gaps.
can_view_coverage = sees_everything | is_youth_lead


@rules.predicate
def can_review_overlap(user, overlap):
    """Only VRU staff judge whether an overlap is complementary or duplication to be resolved."""
    return is_vru_staff.test(user)
