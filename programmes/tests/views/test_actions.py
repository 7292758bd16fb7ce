"""The confirmation pages of actions on projects and returns answer before anything is done."""

import pytest
from django.urls import reverse

from programmes.models import ProjectStatus
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_confirmation_pages_answer_before_anything_is_done(youth_lead_client, youth_lead):
    draft = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT)
    page = youth_lead_client.get(reverse("programmes:project-delete", args=[draft.pk])).content.decode()
    assert "Delete this draft project" in page
    draft_return = MonitoringReturnFactory(project=ProjectFactory(lead_organisation=youth_lead.organisation))
    assert youth_lead_client.get(reverse("programmes:return-delete", args=[draft_return.pk])).status_code == 200
    assert youth_lead_client.get(reverse("programmes:return-submit", args=[draft_return.pk])).status_code == 200
