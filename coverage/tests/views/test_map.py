"""The coverage map page: every square agrees with the register, shading by kind of work or by gaps, bad periods."""

import re

import pytest
from django.urls import reverse

from boroughs.london import LONDON_SQUARED_CREDIT
from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from programmes.filters import ProjectFilter
from programmes.models import Project
from programmes.tests.factories import ProjectFactory, projects_running_in_three_boroughs

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(partnership):
    return projects_running_in_three_boroughs()


def _register_count(**params) -> int:
    filterset = ProjectFilter(data=params, queryset=Project.objects.all())
    assert filterset.is_valid()
    return filterset.qs.count()


def test_every_square_and_table_row_agrees_with_the_register(programme_manager_client, running):
    response = programme_manager_client.get(reverse("coverage:map"))
    squares = response.context["map"].squares
    assert len(squares) == 33
    today = running.isoformat()
    for square in squares:
        expected = _register_count(borough=square.borough.gss_code, counted=True, active_from=today, active_to=today)
        assert square.count == expected, square.borough
    by_name = {square.borough.name: square for square in squares}
    assert (by_name["Brent"].count, by_name["Hackney"].count, by_name["Sutton"].count) == (8, 3, 1)
    assert by_name["Brent"].band.index == 4
    assert by_name["Sutton"].band.index == 1
    assert by_name["Camden"].band.index == 0

    page = response.content.decode()
    table = page[page.index('id="table-heading"') :]
    rows = re.findall(
        r'<th scope="row"[^>]*><a[^>]*>([^<]+)</a></th>\s*<td[^>]*>(Yes|No)</td>\s*<td[^>]*>(.*?)</td>', table, re.S
    )
    assert len(rows) == 33
    for name, partnership_flag, cell in rows:
        shown = re.sub(r"<[^>]+>", "", re.sub(r'<span class="govuk-visually-hidden">.*?</span>', "", cell))
        assert shown.strip() == str(by_name[name].count), name
        assert (partnership_flag == "Yes") == by_name[name].borough.is_partnership_borough


def test_the_map_marks_partnership_boroughs_links_each_square_and_credits_the_grid(programme_manager_client, running):
    page = programme_manager_client.get(reverse("coverage:map")).content.decode()
    assert page.count("app-coverage-map__link--partnership") == 7
    assert page.count('class="app-coverage-map__square') == 33
    assert f'href="{reverse("programmes:borough-detail", args=["E09000005"])}"' in page
    assert LONDON_SQUARED_CREDIT in page
    assert '8<span class="govuk-visually-hidden"> projects running</span>' in page


def test_the_map_first_shows_its_default_shading_as_chosen(programme_manager_client, running):
    page = programme_manager_client.get(reverse("coverage:map")).content.decode()
    assert re.search(r'<input[^>]*value="projects"[^>]*checked', page)


def test_choosing_a_kind_of_work_shades_by_it(programme_manager_client, running):
    response = programme_manager_client.get(reverse("coverage:map"), {"intervention_type": "mentoring"})
    counts = {square.borough.name: square.count for square in response.context["map"].squares}
    assert (counts["Brent"], counts["Hackney"]) == (8, 0)
    assert "intervention_type=mentoring" in response.content.decode()


def test_a_period_that_ends_before_it_starts_is_an_error_not_a_crash(programme_manager_client, running):
    response = programme_manager_client.get(
        reverse("coverage:map"), {"active_from": "2026-05-01", "active_to": "2026-04-01"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"active_to": ["The end of the period must be on or after its start."]}


def test_the_map_can_shade_by_gaps_counting_each_borough_and_its_priority_places(programme_manager_client, running):
    brent = Borough.objects.get(gss_code="E09000005")
    PlaceFactory(borough=brent, priority=3)
    response = programme_manager_client.get(
        reverse("coverage:map"),
        {"intervention_type": "mentoring", "active_from": running.isoformat(), "shade": "gaps"},
    )
    counts = {square.borough.name: square.count for square in response.context["map"].squares}
    # Brent-wide mentoring covers Brent and its new priority place; every other partnership borough has a gap.
    assert counts["Brent"] == 0
    assert counts["Hackney"] == counts["Lambeth"] == 1
    assert counts["Sutton"] == 0  # not a partnership borough, no priority place
    assert sum(counts.values()) == 6
    page = response.content.decode()
    assert "Key: gaps in the borough and its priority places" in page


@pytest.mark.parametrize("count", [2, 20])
def test_the_map_shaded_by_gaps_makes_the_same_queries_whatever_the_number_of_projects(
    programme_manager_client, django_assert_max_num_queries, partnership, count
):
    brent = Borough.objects.get(gss_code="E09000005")
    for _ in range(count):
        ProjectFactory(places=[PlaceFactory(borough=brent, priority=1)])
    # The page's own eight (session and user, the form's kinds of work, the boroughs, the header, saving the
    # session) and the coverage analysis's seven.
    with django_assert_max_num_queries(15):
        assert programme_manager_client.get(reverse("coverage:map"), {"shade": "gaps"}).status_code == 200
