"""Funded posts: the list with its relations, and how many are filled or vacant on a day."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from ..models import FundedPost


@dataclass(frozen=True)
class PostCounts:
    filled: int
    vacant: int
    not_known: int


def funded_post_counts(*, on: date) -> PostCounts:
    """Funded posts running on a day, filled, vacant and not known, in one query."""
    counts = FundedPost.objects.filter(start_date__lte=on, end_date__gte=on).aggregate(
        filled=Count("pk", filter=Q(is_filled=True)),
        vacant=Count("pk", filter=Q(is_filled=False)),
        not_known=Count("pk", filter=Q(is_filled__isnull=True)),
    )
    return PostCounts(**counts)


def funded_posts() -> QuerySet[FundedPost]:
    """Funded posts with their host, funder and programme."""
    return FundedPost.objects.select_related("host_organisation", "funder", "funding_programme").order_by("title", "pk")
