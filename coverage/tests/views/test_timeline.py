"""A place's timeline page: when provision started and ended, bad filters explained, unknown places not found."""

import pytest
from django.urls import reverse

from boroughs.models import Place

from .helpers import text

pytestmark = pytest.mark.django_db


def test_the_timeline_shows_when_provision_started_and_ended_at_a_place(programme_manager_client, partnership):
    chalkhill = Place.objects.get(name="Chalkhill")
    page = text(programme_manager_client.get(reverse("coverage:place-timeline", args=[chalkhill.pk])))
    assert "Chalkhill over time" in page
    assert "One Flow – One Brent" in page
    assert "1 September 2021" in page and "31 August 2024" in page
    assert "No provision since 1 September 2024" in page
    assert '<svg class="app-timeline"' in page


def test_the_timeline_explains_bad_filters_and_shows_no_provision(programme_manager_client, partnership):
    chalkhill = Place.objects.get(name="Chalkhill")
    url = reverse("coverage:place-timeline", args=[chalkhill.pk])
    page = text(programme_manager_client.get(url, {"ages": "custom", "age_min": "20", "age_max": "10"}))
    assert "The oldest age must be the same as or above the youngest age." in page
    assert "spells of provision" not in page


def test_the_timeline_of_an_unknown_place_is_not_found(programme_manager_client, partnership):
    assert programme_manager_client.get(reverse("coverage:place-timeline", args=[987654])).status_code == 404
