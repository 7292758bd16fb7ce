"""Which projects a user sees: VRU staff and administrators all, a youth lead none of another's drafts."""

import pytest

from programmes.models import ProjectStatus
from programmes.selectors.projects import projects_visible_to
from programmes.tests.factories import ConsortiumMemberFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_vru_staff_see_every_project_including_drafts(programme_manager):
    draft = ProjectFactory(status=ProjectStatus.DRAFT)
    assert draft in projects_visible_to(programme_manager)


def test_a_youth_lead_sees_submitted_work_of_others_but_not_their_drafts(youth_lead):
    others_submitted = ProjectFactory(status=ProjectStatus.SUBMITTED)
    others_draft = ProjectFactory(status=ProjectStatus.DRAFT)
    visible = projects_visible_to(youth_lead)
    assert others_submitted in visible
    assert others_draft not in visible


def test_a_youth_lead_sees_drafts_their_organisation_leads_or_joins(youth_lead):
    led = ProjectFactory(status=ProjectStatus.DRAFT, lead_organisation=youth_lead.organisation)
    joined = ConsortiumMemberFactory(
        organisation=youth_lead.organisation, project=ProjectFactory(status=ProjectStatus.DRAFT)
    ).project
    visible = projects_visible_to(youth_lead)
    assert {led, joined} <= set(visible)
    assert visible.count() == visible.distinct().count()
