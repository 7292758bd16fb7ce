"""A landlord's homes: added up across the landlords merged into it, unknown when any count is."""

import pytest

from boroughs.models import PlaceLandlord
from boroughs.tests.factories import PlaceFactory
from coverage.selectors.landlords import landlord_homes
from partners.models import Organisation

pytestmark = pytest.mark.django_db


def test_landlord_places_add_up_homes_across_merged_landlords_and_say_when_unknown(partnership):
    catalyst, peabody = Organisation.objects.get(name="Catalyst"), Organisation.objects.get(name="Peabody")
    shared, unknown = PlaceFactory(), PlaceFactory()
    PlaceLandlord.objects.create(place=shared, organisation=catalyst, homes=40)
    PlaceLandlord.objects.create(place=shared, organisation=peabody, homes=60)
    PlaceLandlord.objects.create(place=unknown, organisation=peabody)
    successors = {catalyst.pk: peabody.pk, peabody.pk: None}
    landlords, homes = landlord_homes(organisation=peabody, successors=successors, as_now=True)
    assert (landlords, homes) == ({catalyst.pk, peabody.pk}, {shared.pk: 100, unknown.pk: None})
    assert landlord_homes(organisation=peabody, successors=successors, as_now=False)[1] == {
        shared.pk: 60,
        unknown.pk: None,
    }
