"""Factories for coverage: projects running through the year the tests ask about, and overlap reviews."""

from datetime import date

import factory
from django.utils import timezone

from boroughs.tests.factories import BoroughFactory, PlaceFactory
from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.analysis.reviews import overlap_key
from coverage.models import OverlapReview, OverlapReviewStatus
from programmes.models import ProjectStatus
from programmes.tests.factories import InterventionTypeFactory, ProjectFactory


class CoveringProjectFactory(ProjectFactory):
    """A verified project running through the 2025–26 financial year, the year the coverage pages are asked about;
    `draft` makes it a draft."""

    start_date = date(2025, 4, 1)
    end_date = date(2026, 3, 31)

    class Params:
        draft = factory.Trait(status=ProjectStatus.DRAFT)


def _site(review: OverlapReview) -> Site:
    return Site(PLACE, review.place.pk) if review.place else Site(BOROUGH, review.borough.pk)


class OverlapReviewFactory(factory.django.DjangoModelFactory):
    """VRU staff's review of an overlap at a place, keyed as the service keys it; `at_borough` reviews one of
    whole-borough projects instead."""

    class Meta:
        model = OverlapReview

    place = factory.SubFactory(PlaceFactory)
    borough = None
    intervention_type = factory.SubFactory(InterventionTypeFactory)
    project_ids = factory.LazyFunction(lambda: [1, 2])
    status = OverlapReviewStatus.COMPLEMENTARY
    note = "Different sessions."
    reviewed_by = None
    reviewed_at = factory.LazyFunction(timezone.now)
    key = factory.LazyAttribute(
        lambda review: overlap_key(_site(review), review.intervention_type.pk, review.project_ids)
    )

    class Params:
        at_borough = factory.Trait(place=None, borough=factory.SubFactory(BoroughFactory))
