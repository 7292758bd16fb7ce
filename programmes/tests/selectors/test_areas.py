"""Where projects work: per-borough and per-place counts agree with the register's filters."""

from datetime import date

import pytest

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from programmes.filters import projects_covering_place, projects_in_borough
from programmes.models import Project
from programmes.selectors.areas import place_rows, project_counts_by_borough
from programmes.selectors.register import register_url
from programmes.selectors.work import work_summary
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_boroughs(partnership):
    return Borough.objects.get(gss_code="E09000005"), Borough.objects.get(gss_code="E09000028")


def test_a_project_counts_once_in_each_borough_it_names_or_has_a_place_in(two_boroughs):
    brent, southwark = two_boroughs
    estate = PlaceFactory(borough=brent)
    ProjectFactory(boroughs=[brent], places=[estate])  # names Brent and a place there: once
    ProjectFactory(places=[estate])  # only a place in Brent
    ProjectFactory(boroughs=[brent, southwark])
    counts = project_counts_by_borough(Project.objects.all())
    for borough in Borough.objects.all():
        assert counts[borough.pk] == Project.objects.filter(projects_in_borough(borough)).count(), borough
    assert (counts[brent.pk], counts[southwark.pk]) == (4, 1)  # with One Flow – One Brent


def test_place_counts_follow_the_registers_covering_rule(two_boroughs):
    brent, _ = two_boroughs
    estate, neighbour = PlaceFactory(borough=brent), PlaceFactory(borough=brent)
    ProjectFactory(places=[estate])
    ProjectFactory(boroughs=[brent])  # borough-wide: covers every place in Brent
    ProjectFactory(boroughs=[brent], places=[neighbour])
    day = date(2026, 1, 15)
    summary = work_summary(Project.objects.all(), on=day, borough=brent)
    for place in brent.places.all():
        covering = Project.objects.filter(projects_covering_place(place)).counted().active_between(day, day)
        assert summary.covering(place) == covering.count(), place


def test_each_place_row_links_to_its_own_page_and_its_projects_in_the_register(two_boroughs):
    brent, _ = two_boroughs
    places = [PlaceFactory(borough=brent) for _ in range(3)]
    ProjectFactory(places=[places[1]])
    day = date(2026, 1, 15)
    summary = work_summary(Project.objects.all(), on=day, borough=brent)
    rows = place_rows(brent.places.order_by("name"), summary, on=day)
    assert [row.place for row in rows] == list(brent.places.order_by("name"))
    for row in rows:
        assert row.url == row.place.get_absolute_url()
        assert row.register_url == register_url(place=row.place.pk, counted="on", active_from=day, active_to=day)
        assert row.covering == summary.covering(row.place)
    assert rows[[row.place for row in rows].index(places[1])].covering == 1


def test_a_project_counts_on_the_map_only_while_it_runs(two_boroughs):
    brent, _ = two_boroughs
    ProjectFactory(boroughs=[brent], start_date=date(2020, 1, 1), end_date=date(2020, 12, 31))
    running = Project.objects.counted().active_between(date(2020, 6, 1), date(2020, 6, 1))
    assert project_counts_by_borough(running)[brent.pk] == 1
