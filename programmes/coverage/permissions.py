"""Who may look at coverage and who may judge an overlap: pure predicates on the user."""


def can_view_coverage(user) -> bool:
    """VRU staff and youth leads (and administrators) see the partnership's coverage, overlaps and gaps."""
    return bool(user.is_authenticated and (user.is_vru_staff or user.is_youth_lead or user.is_superuser))


def can_review_overlap(user, overlap) -> bool:
    """Only VRU staff judge whether an overlap is complementary or duplication to be resolved."""
    return bool(user.is_authenticated and user.is_vru_staff)
