"""Overlap reviews read as plain data, with the reviewer's name and the site reviewed."""

import pytest

from boroughs.tests.factories import PlaceFactory
from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.models import OverlapReviewStatus
from coverage.selectors.reviews import overlap_reviews
from coverage.tests.factories import OverlapReviewFactory
from programmes.models import InterventionType

pytestmark = pytest.mark.django_db


def test_overlap_reviews_arrive_as_plain_data_with_the_reviewers_name(programme_manager):
    place = PlaceFactory()
    OverlapReviewFactory(
        place=place,
        intervention_type=InterventionType.objects.get(slug="mentoring"),
        project_ids=[3, 1],
        status=OverlapReviewStatus.TO_BE_RESOLVED,
        note="Merge them.",
        reviewed_by=programme_manager,
    )
    [review] = overlap_reviews()
    assert (review.site, review.project_ids, review.reviewed_by) == (Site(PLACE, place.pk), {1, 3}, "pm")
    assert review.status_label == "Duplication to be resolved"


def test_a_review_of_whole_borough_projects_arrives_against_the_borough_and_keeps_its_key(partnership):
    made = OverlapReviewFactory(at_borough=True)
    [review] = overlap_reviews()
    assert (review.site, review.reviewed_by) == (Site(BOROUGH, made.borough.pk), "")
    assert review.key == made.key
