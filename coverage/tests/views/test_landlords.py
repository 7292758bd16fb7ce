"""The landlord pages: a housing association's places lacking provision, its predecessors' too."""

import pytest
from django.urls import reverse

from boroughs.models import PlaceLandlord
from boroughs.tests.factories import PlaceFactory
from coverage.tests.factories import CoveringProjectFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory

from .helpers import YEAR, text

pytestmark = pytest.mark.django_db


def test_a_landlord_sees_its_places_lacking_provision_including_those_of_organisations_it_absorbed(
    youth_lead_client, brent, mentoring
):
    peabody, catalyst = Organisation.objects.get(name="Peabody"), Organisation.objects.get(name="Catalyst")
    own = PlaceFactory(name="Peabody Court", borough=brent)
    absorbed = PlaceFactory(name="Catalyst Gardens", borough=brent)
    provided = PlaceFactory(name="Provided Estate", borough=brent)
    PlaceLandlord.objects.create(place=own, organisation=peabody, homes=120)
    PlaceLandlord.objects.create(place=absorbed, organisation=catalyst, homes=80)
    PlaceLandlord.objects.create(place=provided, organisation=peabody)
    CoveringProjectFactory(lead_organisation=OrganisationFactory(), places=[provided], intervention_types=[mentoring])
    url = reverse("coverage:landlord", args=[peabody.pk])
    page = text(youth_lead_client.get(url, {**YEAR, "type": "mentoring"}))
    assert "Peabody Court" in page and "Catalyst Gardens" in page
    assert "Provided Estate" not in page
    assert "2 of the 3 places" in page
    recorded = text(youth_lead_client.get(url, {**YEAR, "type": "mentoring", "organisations": "recorded"}))
    assert "Catalyst Gardens" not in recorded


def test_the_landlord_page_is_only_for_housing_associations(programme_manager_client, partnership):
    vru = Organisation.objects.get(kind="vru")
    assert programme_manager_client.get(reverse("coverage:landlord", args=[vru.pk])).status_code == 404


def test_the_landlord_list_names_each_housing_association_and_what_it_became(youth_lead_client, partnership):
    page = text(youth_lead_client.get(reverse("coverage:landlord-list")))
    assert "Your organisation" in page
    assert "Merged into Peabody" in page
