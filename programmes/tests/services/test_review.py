"""The VRU's review services: only VRU staff, only on the version they saw, and a reason when work goes back."""

import pytest

from core.errors import PortalError
from programmes.models import ProjectStatus
from programmes.services.review import project_send_back, project_verify
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_reviewer_acting_on_an_old_copy_is_told(programme_manager):
    project = ProjectFactory(status=ProjectStatus.SUBMITTED, version=2)
    with pytest.raises(PortalError, match="Someone else changed this project"):
        project_verify(project=project, reviewer=programme_manager, version=1)
    project.refresh_from_db()
    assert project.status == ProjectStatus.SUBMITTED


def test_the_vru_must_say_why_when_it_returns_work(programme_manager):
    project = ProjectFactory(status=ProjectStatus.SUBMITTED, version=1)
    with pytest.raises(PortalError) as refusal:
        project_send_back(project=project, reviewer=programme_manager, version=1, comment="")
    assert refusal.value.field == "comment"


def test_a_youth_lead_cannot_verify_even_through_the_service(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.SUBMITTED, version=1)
    with pytest.raises(PortalError):
        project_verify(project=project, reviewer=youth_lead, version=1)
