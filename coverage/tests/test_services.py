"""Marking an overlap reviewed: only VRU staff, only for a real overlap, one review per exact set of projects."""

from datetime import date

import pytest
from simple_history.utils import get_history_manager_for_model

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from core.errors import PortalError
from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.models import OverlapReview, OverlapReviewStatus
from coverage.services import overlap_review_mark
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory
from programmes.models import InterventionType
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def pair_at(place, kind, *leads):
    return [
        ProjectFactory(lead_organisation=lead, places=[place], intervention_types=[kind])
        for lead in leads or (OrganisationFactory(), OrganisationFactory())
    ]


def mark(user, site, kind, projects, status=OverlapReviewStatus.COMPLEMENTARY, note="Different sessions."):
    return overlap_review_mark(
        user=user, site=site, intervention_type=kind, project_ids=[p.pk for p in projects], status=status, note=note
    )


def test_vru_staff_mark_an_overlap_and_the_review_records_who_when_and_the_exact_projects(
    programme_coordinator, estate, mentoring
):
    projects = pair_at(estate, mentoring)
    review = mark(programme_coordinator, Site(PLACE, estate.pk), mentoring, reversed(projects))
    assert review.project_ids == sorted(p.pk for p in projects)
    assert (review.place, review.borough, review.reviewed_by) == (estate, None, programme_coordinator)
    assert review.reviewed_at.date() == date.today()
    assert review.history.get().history_change_reason == "Overlap marked complementary: the projects add to each other"


def test_marking_the_same_overlap_again_updates_its_one_review_and_keeps_the_history(
    programme_manager, estate, mentoring
):
    projects = pair_at(estate, mentoring)
    mark(programme_manager, Site(PLACE, estate.pk), mentoring, projects)
    mark(programme_manager, Site(PLACE, estate.pk), mentoring, projects, OverlapReviewStatus.TO_BE_RESOLVED, "Merge.")
    review = OverlapReview.objects.get()
    assert (review.status, review.note) == (OverlapReviewStatus.TO_BE_RESOLVED, "Merge.")
    assert get_history_manager_for_model(OverlapReview).count() == 2


def test_a_youth_lead_cannot_mark_an_overlap(youth_lead, estate, mentoring):
    with pytest.raises(PortalError, match="Only VRU staff"):
        mark(youth_lead, Site(PLACE, estate.pk), mentoring, pair_at(estate, mentoring))
    assert not OverlapReview.objects.exists()


def test_projects_led_by_one_organisation_as_it_is_now_are_not_an_overlap(programme_manager, estate, mentoring):
    catalyst, peabody = Organisation.objects.get(name="Catalyst"), Organisation.objects.get(name="Peabody")
    with pytest.raises(PortalError, match="same lead organisation"):
        mark(programme_manager, Site(PLACE, estate.pk), mentoring, pair_at(estate, mentoring, catalyst, peabody))


def test_projects_that_do_not_cover_the_place_are_not_an_overlap_there(programme_manager, estate, mentoring):
    elsewhere = PlaceFactory(borough=estate.borough)
    with pytest.raises(PortalError, match="covers that place"):
        mark(programme_manager, Site(PLACE, elsewhere.pk), mentoring, pair_at(estate, mentoring))


def test_projects_not_delivering_the_type_are_not_an_overlap_of_it(programme_manager, estate, mentoring):
    safe_spaces = InterventionType.objects.get(slug="safe-spaces")
    with pytest.raises(PortalError, match="intervention type"):
        mark(programme_manager, Site(PLACE, estate.pk), safe_spaces, pair_at(estate, mentoring))


def test_an_overlap_of_whole_borough_projects_is_marked_against_the_borough(programme_manager, mentoring):
    brent = Borough.objects.get(name="Brent")
    projects = [
        ProjectFactory(boroughs=[brent], intervention_types=[mentoring], lead_organisation=OrganisationFactory())
        for _ in range(2)
    ]
    review = mark(programme_manager, Site(BOROUGH, brent.pk), mentoring, projects)
    assert (review.place, review.borough) == (None, brent)
    with pytest.raises(PortalError, match="covers that place"):
        mark(programme_manager, Site(BOROUGH, Borough.objects.get(name="Hackney").pk), mentoring, projects)


@pytest.mark.parametrize(
    ("status", "note", "message"),
    [("maybe", "A note.", "complementary or duplication"), (OverlapReviewStatus.COMPLEMENTARY, "  ", "Enter a note")],
)
def test_a_review_needs_a_judgement_and_a_note(programme_manager, estate, mentoring, status, note, message):
    with pytest.raises(PortalError, match=message):
        mark(programme_manager, Site(PLACE, estate.pk), mentoring, pair_at(estate, mentoring), status, note)


def test_an_overlap_needs_two_projects_that_exist(programme_manager, estate, mentoring):
    [first, _] = pair_at(estate, mentoring)
    with pytest.raises(PortalError, match="at least two"):
        mark(programme_manager, Site(PLACE, estate.pk), mentoring, [first])
    with pytest.raises(PortalError, match="no longer exists"):
        overlap_review_mark(
            user=programme_manager,
            site=Site(PLACE, estate.pk),
            intervention_type=mentoring,
            project_ids=[first.pk, 987654],
            status=OverlapReviewStatus.COMPLEMENTARY,
            note="x",
        )
