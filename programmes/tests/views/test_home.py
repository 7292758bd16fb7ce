"""The signed-in home page: a youth lead lands on their organisation's page, VRU staff on their queue counts."""

import pytest
from django.urls import reverse

from programmes.models import ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_youth_lead_lands_on_their_organisations_page(youth_lead_client, youth_lead):
    response = youth_lead_client.get(reverse("home"))
    assert response["Location"] == youth_lead.organisation.get_absolute_url()


def test_vru_staff_land_on_a_page_with_the_queue_counts(programme_manager_client):
    ProjectFactory(status=ProjectStatus.SUBMITTED)
    page = programme_manager_client.get(reverse("home")).content.decode()
    assert "1 project to review" in page
    assert "0 monitoring returns to review" in page
