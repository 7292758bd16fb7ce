"""Factories for boroughs and places."""

import factory

from boroughs.models import Borough, Place, PlaceKind


class BoroughFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Borough
        django_get_or_create = ["gss_code"]

    name = factory.Sequence(lambda n: f"Test borough {n}")
    gss_code = factory.Sequence(lambda n: f"E09{900000 + n:06d}")
    grid_column = factory.Sequence(lambda n: 10 + n)
    grid_row = 10


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Test estate {n}")
    kind = PlaceKind.ESTATE
    borough = factory.SubFactory(BoroughFactory)
