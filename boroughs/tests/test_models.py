"""The database refuses boroughs and places that break the partnership's rules."""

import pytest
from django.db import DataError, IntegrityError

from boroughs.models import Borough, Place, PlaceKind, PlaceLandlord
from boroughs.tests.factories import BoroughFactory, PlaceFactory
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["E0900000", "E090000055", "E08000005", "e09000005", "E09ABCDEF", ""])
def test_borough_gss_code_must_be_e09_and_six_digits(code):
    with pytest.raises((IntegrityError, DataError)):  # PostgreSQL refuses an over-long code as DataError
        Borough.objects.create(name="Nowhere", gss_code=code, grid_column=20, grid_row=20)


def test_a_well_formed_gss_code_is_accepted():
    assert Borough.objects.create(name="Somewhere", gss_code="E09000099", grid_column=20, grid_row=20).pk


def test_place_names_are_unique_within_a_borough_only():
    place = PlaceFactory(name="Chalkhill")
    PlaceFactory(name="Chalkhill", borough=BoroughFactory())
    with pytest.raises(IntegrityError):
        Place.objects.create(name="Chalkhill", kind=PlaceKind.ESTATE, borough=place.borough)


def test_place_ward_code_must_be_e05_and_six_digits():
    with pytest.raises(IntegrityError):
        PlaceFactory(ward_gss_code="E09000005")


def test_place_priority_is_within_the_scale():
    with pytest.raises(IntegrityError):
        PlaceFactory(priority=9)


def test_landlord_homes_cannot_be_negative():
    with pytest.raises(IntegrityError):
        PlaceLandlord.objects.create(place=PlaceFactory(), organisation=OrganisationFactory(), homes=-1)


def test_a_main_road_can_touch_other_boroughs():
    road = PlaceFactory(kind=PlaceKind.MAIN_ROAD)
    neighbour = BoroughFactory()
    road.also_in_boroughs.add(neighbour)
    assert list(neighbour.places_crossing_in.all()) == [road]
