"""The matrix page: who sees it, each state in words, boroughs expanding to places, cells linking to the register."""

import pytest
from django.urls import reverse

from boroughs.models import Priority
from boroughs.tests.factories import PlaceFactory
from coverage.tests.factories import CoveringProjectFactory
from partners.models import Organisation

from .helpers import YEAR, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("client_name", ["programme_manager_client", "youth_lead_client", "admin_client"])
def test_vru_staff_youth_leads_and_administrators_see_the_matrix(request, client_name):
    response = request.getfixturevalue(client_name).get(reverse("coverage:matrix"))
    assert response.status_code == 200
    assert "Coverage by borough and kind of work" in text(response)


@pytest.mark.parametrize("client_name", ["programme_manager_client", "youth_lead_client"])
def test_the_coverage_item_appears_in_the_navigation_for_staff_and_youth_leads(request, client_name):
    page = text(request.getfixturevalue(client_name).get(reverse("home"), follow=True))
    assert f'href="{reverse("coverage:matrix")}">Coverage</a>' in page


def test_the_matrix_shows_each_state_in_words_and_expands_a_borough_into_its_places(
    programme_manager_client, brent, estate, mentoring
):
    hyde, peabody = Organisation.objects.get(name="Hyde"), Organisation.objects.get(name="Peabody")
    CoveringProjectFactory(lead_organisation=hyde, places=[estate], boroughs=[brent], intervention_types=[mentoring])
    CoveringProjectFactory(lead_organisation=peabody, places=[estate], boroughs=[brent], intervention_types=[mentoring])
    url = reverse("coverage:matrix")
    collapsed = text(programme_manager_client.get(url, {**YEAR, "type": "mentoring"}))
    assert "Harrow Road Estate" not in collapsed
    assert f"expand={brent.gss_code}" in collapsed
    page = text(programme_manager_client.get(url, {**YEAR, "type": "mentoring", "expand": brent.gss_code}))
    assert "Harrow Road Estate" in page
    assert "app-coverage-cell--overlap" in page
    assert "2 projects, 2 organisations" in page
    assert "Hyde and Peabody" in page
    assert "Never covered" in page  # Chalkhill, Church End and Stonebridge: One Flow ended in 2024


def test_a_borough_cell_counts_its_priority_places_with_gaps(programme_manager_client, brent, estate, mentoring):
    other = PlaceFactory(name="Kilburn Streets", borough=brent, priority=Priority.LOW)
    CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="Hyde"),
        places=[other],
        boroughs=[brent],
        intervention_types=[mentoring],
    )
    page = text(programme_manager_client.get(reverse("coverage:matrix"), {**YEAR, "type": "mentoring"}))
    assert "1 priority place with a gap" in page  # the high-priority estate


def test_each_cell_links_to_the_register_filtered_to_it_and_the_register_lists_its_projects(
    programme_manager_client, brent, estate, mentoring
):
    elsewhere = PlaceFactory(name="Elsewhere Estate", borough=brent)
    here = CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="Hyde"),
        places=[estate],
        boroughs=[brent],
        intervention_types=[mentoring],
    )
    there = CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="Hyde"),
        places=[elsewhere],
        boroughs=[brent],
        intervention_types=[mentoring],
    )
    query = {**YEAR, "type": "mentoring", "ages": "14-17", "expand": brent.gss_code}
    page = text(programme_manager_client.get(reverse("coverage:matrix"), query))
    register = reverse("programmes:project-list")
    dates = "active_from=2025-04-01&amp;active_to=2026-03-31&amp;counted=on&amp;age_min=14&amp;age_max=17"
    assert f"{register}?{dates}&amp;borough={brent.gss_code}&amp;intervention_type=mentoring" in page
    place_link = f"{register}?{dates}&amp;place={estate.pk}&amp;intervention_type=mentoring"
    assert place_link in page
    listed = text(programme_manager_client.get(place_link.replace("&amp;", "&")))
    assert here.title in listed
    assert there.title not in listed
