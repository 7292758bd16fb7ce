"""Reads of VRU staff's overlap reviews: the one holding for an overlap, and all of them as plain data."""

from ..analysis.data import BOROUGH, PLACE, Site
from ..analysis.reviews import ReviewInfo, overlap_key
from ..models import OverlapReview


def overlap_review_current(*, site: Site, type_id: int, project_ids) -> OverlapReview | None:
    """The review that holds for exactly this overlap, if VRU staff have made one."""
    key = overlap_key(site, type_id, project_ids)
    return OverlapReview.objects.select_related("reviewed_by").filter(key=key).first()


def overlap_reviews() -> tuple[ReviewInfo, ...]:
    """Every overlap review, as plain data, in one query."""
    labels = dict(OverlapReview._meta.get_field("status").choices)
    return tuple(
        ReviewInfo(
            site=Site(PLACE, place_id) if place_id else Site(BOROUGH, borough_id),
            type_id=type_id,
            project_ids=frozenset(project_ids),
            status=status,
            status_label=labels[status],
            note=note,
            reviewed_by=(f"{first} {last}".strip() or username) if username else "",
            reviewed_at=reviewed_at,
        )
        for place_id, borough_id, type_id, project_ids, status, note, first, last, username, reviewed_at in (
            OverlapReview.objects.values_list(
                "place_id",
                "borough_id",
                "intervention_type_id",
                "project_ids",
                "status",
                "note",
                "reviewed_by__first_name",
                "reviewed_by__last_name",
                "reviewed_by__username",
                "reviewed_at",
            )
        )
    )
