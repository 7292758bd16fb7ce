"""Project and return pages offer each action only to those who may take it, and show what happened."""

import pytest
from django.urls import reverse

from programmes.models import ProjectStatus
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db

ACTIONS = (
    "Submit for verification",
    "Review this project",
    "Change the project",
    "Make a monitoring return",
    "Delete the draft",
)


def offered(client, project) -> set[str]:
    page = client.get(project.get_absolute_url()).content.decode()
    return {action for action in ACTIONS if action in page}


def test_the_page_offers_a_youth_lead_only_their_own_organisations_actions(youth_lead_client, youth_lead):
    own_draft = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT)
    others_verified = ProjectFactory(status=ProjectStatus.VERIFIED)
    own_verified = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.VERIFIED)
    assert offered(youth_lead_client, own_draft) == {
        "Submit for verification",
        "Change the project",
        "Delete the draft",
    }
    assert offered(youth_lead_client, own_verified) == {"Change the project", "Make a monitoring return"}
    assert offered(youth_lead_client, others_verified) == set()


def test_the_page_offers_vru_staff_the_review(programme_manager_client):
    submitted = ProjectFactory(status=ProjectStatus.SUBMITTED)
    assert offered(programme_manager_client, submitted) == {"Review this project"}


def test_the_confirmation_pages_answer_before_anything_is_done(youth_lead_client, youth_lead):
    draft = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT)
    page = youth_lead_client.get(reverse("programmes:project-delete", args=[draft.pk])).content.decode()
    assert "Delete this draft project" in page
    draft_return = MonitoringReturnFactory(project=ProjectFactory(lead_organisation=youth_lead.organisation))
    assert youth_lead_client.get(reverse("programmes:return-delete", args=[draft_return.pk])).status_code == 200
    assert youth_lead_client.get(reverse("programmes:return-submit", args=[draft_return.pk])).status_code == 200


def test_deleting_a_draft_return_goes_back_to_its_project(youth_lead_client, youth_lead):
    draft_return = MonitoringReturnFactory(project=ProjectFactory(lead_organisation=youth_lead.organisation), version=1)
    response = youth_lead_client.post(reverse("programmes:return-delete", args=[draft_return.pk]), {"version": 1})
    assert response["Location"] == draft_return.project.get_absolute_url()


def test_the_history_shows_consortium_changes_and_who_made_them(youth_lead_client, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation)
    member = ConsortiumMemberFactory(project=project)
    member._history_user = youth_lead
    member.delete()
    page = youth_lead_client.get(project.get_absolute_url()).content.decode()
    assert f"Removed {member.organisation} from the consortium" in page
    assert "by lead.hyde, Hyde" in page
