"""Fixtures the coverage tests share: Brent, mentoring, and a high-priority estate in Brent."""

import pytest

from boroughs.models import Borough, Priority
from boroughs.tests.factories import PlaceFactory
from programmes.models import InterventionType


@pytest.fixture
def brent(partnership):
    return Borough.objects.get(name="Brent")


@pytest.fixture
def mentoring(partnership):
    return InterventionType.objects.get(slug="mentoring")


@pytest.fixture
def estate(brent):
    return PlaceFactory(name="Harrow Road Estate", borough=brent, priority=Priority.HIGH)
