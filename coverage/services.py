"""Writes for coverage: VRU staff's judgement of an overlap."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from simple_history.utils import update_change_reason

from core.errors import PortalError
from programmes.models import InterventionType

from .analysis.data import PLACE, Site
from .analysis.overlaps import overlap_refusal
from .analysis.reviews import overlap_key
from .models import OverlapReview, OverlapReviewStatus
from .permissions import can_review_overlap
from .selectors.partnership import overlap_partnership


@transaction.atomic
def overlap_review_mark(
    *,
    user,
    site: Site,
    intervention_type: InterventionType,
    project_ids: Iterable[int],
    status: str,
    note: str,
) -> OverlapReview:
    """Record VRU staff's judgement of an overlap; it holds while the overlap keeps exactly these projects."""
    if not can_review_overlap.test(user):
        raise PortalError("Only VRU staff can mark an overlap reviewed.")
    if status not in OverlapReviewStatus.values:
        raise PortalError("Choose whether the projects are complementary or duplication to resolve.", field="status")
    if not note.strip():
        raise PortalError("Enter a note saying why.", field="note")
    ids = sorted(set(project_ids))
    refusal = overlap_refusal(overlap_partnership(user=user, project_ids=ids), site, intervention_type.pk, ids)
    if refusal:
        raise PortalError(refusal)
    review, _ = OverlapReview.objects.update_or_create(
        key=overlap_key(site, intervention_type.pk, ids),
        defaults={
            "place_id": site.id if site.kind == PLACE else None,
            "borough_id": None if site.kind == PLACE else site.id,
            "intervention_type": intervention_type,
            "project_ids": ids,
            "status": status,
            "note": note.strip(),
            "reviewed_by": user,
            "reviewed_at": timezone.now(),
        },
    )
    update_change_reason(review, f"Overlap marked {review.get_status_display().lower()}")
    return review
