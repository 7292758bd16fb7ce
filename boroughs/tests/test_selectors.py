"""The places a form offers: all of them while few, else those of the chosen borough and those already chosen."""

import pytest

from boroughs.models import Borough
from boroughs.selectors import places_to_offer
from boroughs.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_boroughs(partnership):
    return Borough.objects.get(gss_code="E09000005"), Borough.objects.get(gss_code="E09000028")


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
