"""Factories for coverage: projects running through the year the tests ask about, and overlap reviews."""

import random
from datetime import date, timedelta

import factory
from django.utils import timezone

from boroughs.models import Borough, Priority
from boroughs.tests.factories import BoroughFactory, PlaceFactory
from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.analysis.reviews import overlap_key
from coverage.models import OverlapReview, OverlapReviewStatus
from partners.tests.factories import OrganisationFactory
from programmes.models import InterventionType, ProjectStatus
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


def generated_partnership(seed: int, *, projects: int = 40) -> None:
    """A sparse random partnership from a seed, on top of the real facts: priority places in four partnership
    boroughs and in Newham (outside the partnership), a main road crossing from Islington into Hackney, and
    projects of four lead organisations naming places or whole boroughs, some drafts, some ended, some not yet
    started, across ages; sparse enough that gaps, thin provision and overlaps all come up."""
    chance = random.Random(seed)  # noqa: S311 - test data, not security
    boroughs = {code: Borough.objects.get(gss_code=code) for code in GENERATED_BOROUGHS}
    places = [
        PlaceFactory(name=f"Place {code[-2:]}-{n}", borough=borough, priority=chance.choice(PRIORITIES))
        for code, borough in boroughs.items()
        for n in range(chance.randint(1, 3))
    ]
    road = PlaceFactory(name="Balls Pond Road", borough=boroughs["E09000019"], priority=Priority.MEDIUM)
    road.also_in_boroughs.set([boroughs["E09000012"]])
    places.append(road)
    leads = [OrganisationFactory(name=f"Lead {n}") for n in range(4)]
    kinds = list(InterventionType.objects.order_by("pk"))
    for n in range(projects):
        start = date(2024, 10, 1) + timedelta(days=chance.randint(0, 600))
        youngest = chance.randint(8, 20)
        named = chance.sample(places, chance.randint(0, 2))
        CoveringProjectFactory(
            title=f"Generated {n}",
            lead_organisation=chance.choice(leads),
            start_date=start,
            end_date=start + timedelta(days=chance.randint(30, 400)),
            age_min=youngest,
            age_max=youngest + chance.randint(0, 8),
            status=chance.choice(STATUSES),
            places=named,
            boroughs=[place.borough for place in named] or [chance.choice(list(boroughs.values()))],
            intervention_types=chance.sample(kinds, chance.randint(1, 2)),
        )


# Brent, Hackney, Islington, Lambeth and Newham (not a partnership borough).
GENERATED_BOROUGHS = ("E09000005", "E09000012", "E09000019", "E09000022", "E09000025")
PRIORITIES = (Priority.NONE, Priority.LOW, Priority.MEDIUM, Priority.HIGH)
STATUSES = (ProjectStatus.VERIFIED,) * 4 + (ProjectStatus.SUBMITTED, ProjectStatus.DRAFT, ProjectStatus.CANCELLED)
