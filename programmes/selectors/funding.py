"""Funding programmes with how many projects that count each holds."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ..models import FundingProgramme, Project


def funding_programmes_with_counts() -> QuerySet[FundingProgramme]:
    """Funding programmes with their funder and how many projects that count each holds, in one query."""
    counted = (
        Project.objects.counted()
        .filter(funding_programme=OuterRef("pk"))
        .order_by()
        .values("funding_programme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return FundingProgramme.objects.select_related("funder").annotate(
        projects_counted=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    )
