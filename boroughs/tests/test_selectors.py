"""Where projects work: per-borough and per-place counts agree with the register's filters; map bands."""

from datetime import date

import pytest

from boroughs.models import Borough
from boroughs.selectors import bands_for, place_project_counts, places_to_offer, project_counts_by_borough
from boroughs.tests.factories import PlaceFactory
from programmes.filters import projects_covering_place, projects_in_borough
from programmes.models import Project
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
    counts = place_project_counts(Project.objects.all(), borough=brent)
    for place in brent.places.all():
        assert counts[place.pk] == Project.objects.filter(projects_covering_place(place)).count(), place


@pytest.mark.parametrize(
    ("highest", "labels"),
    [
        (0, ["None"]),
        (1, ["None", "1"]),
        (3, ["None", "1", "2", "3"]),
        (10, ["None", "1 to 3", "4 to 6", "7 to 9", "10"]),
        (2000, ["None", "1 to 500", "501 to 1,000", "1,001 to 1,500", "1,501 to 2,000"]),
    ],
)
def test_bands_cover_every_count_from_none_to_the_highest(highest, labels):
    bands = bands_for(highest)
    assert [band.label for band in bands] == labels
    assert all(any(band.low <= count <= band.high for band in bands) for count in range(highest + 1))


def test_a_long_place_list_waits_for_a_borough(two_boroughs, monkeypatch):
    brent, southwark = two_boroughs
    monkeypatch.setattr("boroughs.selectors.CHOICES_AT_ONCE", 2)
    kept = PlaceFactory(borough=southwark)
    places, waits = places_to_offer(borough=None, keep=[kept.pk])
    assert waits
    assert list(places) == [kept]
    places, waits = places_to_offer(borough=brent, keep=[kept.pk])
    assert not waits
    assert set(places) == set(brent.places.all()) | {kept}


def test_a_project_counts_on_the_map_only_while_it_runs(two_boroughs):
    brent, _ = two_boroughs
    ProjectFactory(boroughs=[brent], start_date=date(2020, 1, 1), end_date=date(2020, 12, 31))
    running = Project.objects.counted().active_between(date(2020, 6, 1), date(2020, 6, 1))
    assert project_counts_by_borough(running)[brent.pk] == 1
