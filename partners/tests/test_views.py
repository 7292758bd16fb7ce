"""The organisation page and the signed-in home page."""

from datetime import date

import pytest
from django.urls import reverse

from partners.models import Organisation
from programmes.models import ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_youth_lead_lands_on_their_organisations_page(youth_lead_client, youth_lead):
    response = youth_lead_client.get(reverse("home"))
    assert response["Location"] == youth_lead.organisation.get_absolute_url()


def test_the_organisation_page_shows_its_projects_returns_owed_and_people(youth_lead_client, youth_lead):
    hyde = youth_lead.organisation
    ProjectFactory(lead_organisation=hyde, title="Hyde mentoring", start_date=date(2024, 4, 1))
    page = youth_lead_client.get(hyde.get_absolute_url()).content.decode()
    assert "Hyde mentoring" in page
    assert "One Flow – One Brent" in page  # Hyde is in its consortium
    assert "Overdue" in page and "2024–25 Q1" in page
    assert "lead.hyde" in page
    assert 'href="/programmes/projects/new/"' in page


def test_another_organisations_page_shows_no_draft_of_theirs_and_no_way_to_log_for_them(
    youth_lead_client, other_youth_lead
):
    clarion = other_youth_lead.organisation
    ProjectFactory(lead_organisation=clarion, title="Clarion draft", status=ProjectStatus.DRAFT)
    ProjectFactory(lead_organisation=clarion, title="Clarion verified")
    page = youth_lead_client.get(clarion.get_absolute_url()).content.decode()
    assert "Clarion verified" in page
    assert "Clarion draft" not in page
    assert "Log a project</a>" not in page.split("<main")[1]
    assert ">Start<" not in page


def test_vru_staff_land_on_a_page_with_the_queue_counts(programme_manager_client):
    ProjectFactory(status=ProjectStatus.SUBMITTED)
    page = programme_manager_client.get(reverse("home")).content.decode()
    assert "1 project to review" in page
    assert "0 monitoring returns to review" in page


def test_a_merged_organisation_says_what_it_became(youth_lead_client):
    catalyst = Organisation.objects.get(name="Catalyst")
    page = youth_lead_client.get(catalyst.get_absolute_url()).content.decode()
    assert "Merged into" in page and "Peabody" in page
