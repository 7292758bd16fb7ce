"""What every coverage page shares: sign-in, filters explained at their field, the few queries each makes."""

import pytest
from django.urls import reverse

from boroughs.models import Place, PlaceLandlord, Priority
from boroughs.tests.factories import PlaceFactory
from coverage.tests.factories import CoveringProjectFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory

from .helpers import YEAR, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["coverage:matrix", "coverage:gap-list", "coverage:overlap-list", "coverage:landlord-list"]
)
def test_coverage_pages_send_anonymous_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_filters_that_do_not_make_sense_are_explained_at_the_field_and_nothing_is_shown(programme_manager_client):
    response = programme_manager_client.get(
        reverse("coverage:matrix"), {"ages": "custom", "age_min": "15", "age_max": "12"}
    )
    page = text(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<title>Error:" in page
    assert "The oldest age must be the same as or above the youngest age." in page
    assert 'value="15"' in page
    assert "Coverage by borough and kind of work" not in page


def test_an_unknown_period_is_refused_at_the_field(programme_manager_client):
    page = text(programme_manager_client.get(reverse("coverage:matrix"), {"period": "fy1999-q9"}))
    assert "Select a valid choice" in page


def test_a_csv_asked_for_with_bad_filters_sends_the_user_to_the_list_to_see_why(programme_manager_client):
    response = programme_manager_client.get(reverse("coverage:gap-csv"), {"ages": "custom"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("coverage:gap-list"))


def many_projects(count, *, brent, mentoring):
    organisations = [OrganisationFactory() for _ in range(3)]
    places = [PlaceFactory(borough=brent, priority=Priority.MEDIUM) for _ in range(3)]
    for i in range(count):
        CoveringProjectFactory(
            lead_organisation=organisations[i % 3],
            places=[places[i % 3]],
            boroughs=[brent],
            intervention_types=[mentoring],
        )


# Session and user, four reference lists, projects, their links, reviews, the header's organisation, and
# saving the session (a savepoint, the update, its release).
MATRIX_QUERIES = 13
# The matrix page also reads the nightly snapshots for its trend.
TREND_QUERIES = 1


@pytest.mark.parametrize("count", [2, 20])
@pytest.mark.parametrize("name", ["coverage:matrix", "coverage:gap-list", "coverage:overlap-list"])
def test_each_coverage_page_makes_the_same_few_queries_whatever_the_number_of_projects(
    programme_manager_client, django_assert_max_num_queries, brent, mentoring, name, count
):
    many_projects(count, brent=brent, mentoring=mentoring)
    extra = {"coverage:matrix": TREND_QUERIES, "coverage:gap-list": 1}.get(name, 0)  # the trend; the evidence
    with django_assert_max_num_queries(MATRIX_QUERIES + extra):
        response = programme_manager_client.get(reverse(name), {**YEAR, "expand": brent.gss_code})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_a_gaps_next_step_makes_the_same_few_queries_whatever_the_number_of_projects(
    programme_manager_client, django_assert_max_num_queries, brent, mentoring, count
):
    many_projects(count, brent=brent, mentoring=mentoring)
    place = Place.objects.get(name="Chalkhill")
    with django_assert_max_num_queries(MATRIX_QUERIES + 1):  # the landlords there
        response = programme_manager_client.get(
            reverse("coverage:gap-next-step", args=["place", place.pk, "safe-spaces"]), YEAR
        )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_the_landlord_and_timeline_pages_make_the_same_few_queries_whatever_the_size(
    programme_manager_client, django_assert_max_num_queries, brent, mentoring, count
):
    many_projects(count, brent=brent, mentoring=mentoring)
    hyde = Organisation.objects.get(name="Hyde")
    for place in Place.objects.filter(borough=brent):
        PlaceLandlord.objects.create(place=place, organisation=hyde)
    with django_assert_max_num_queries(MATRIX_QUERIES + 2):  # the organisation and its landlordships
        assert programme_manager_client.get(reverse("coverage:landlord", args=[hyde.pk]), YEAR).status_code == 200
    place = Place.objects.get(name="Chalkhill")
    with django_assert_max_num_queries(MATRIX_QUERIES):  # the place instead of the reviews
        assert programme_manager_client.get(reverse("coverage:place-timeline", args=[place.pk])).status_code == 200
