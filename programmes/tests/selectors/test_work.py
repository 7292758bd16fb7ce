"""What a borough, place or programme page summarises: who does the work and which kinds of work run."""

from datetime import date

import pytest

from programmes.models import Project, ProjectStatus
from programmes.selectors.work import organisations_working_on, work_summary
from programmes.tests.factories import ConsortiumMemberFactory, InterventionTypeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


DAY = date(2026, 1, 15)


def test_an_organisation_counts_each_project_once_whether_lead_or_partner():
    led = ProjectFactory()
    lead = led.lead_organisation
    ConsortiumMemberFactory(project=led, organisation=lead)  # listed in its own consortium as well
    ConsortiumMemberFactory(organisation=lead)
    partner = ConsortiumMemberFactory(project=led).organisation
    counts = dict(organisations_working_on(Project.objects.all()))
    assert counts[lead] == 2
    assert counts[partner] == 1


def test_the_summary_counts_running_work_by_kind_and_reach_over_projects_that_count():
    mentoring = InterventionTypeFactory(slug="mentoring")
    ProjectFactory(intervention_types=[mentoring], start_date=DAY, end_date=DAY, target_reach=40)
    ProjectFactory(intervention_types=[mentoring], start_date=date(2020, 1, 1), end_date=date(2020, 2, 1))
    ProjectFactory(intervention_types=[mentoring], status=ProjectStatus.DRAFT, start_date=DAY, end_date=DAY)
    summary = work_summary(Project.objects.all(), on=DAY)
    assert summary.active == 1
    assert dict(summary.intervention_types)[mentoring] == 1
    assert (summary.reach.projects, summary.reach.target) == (2, 140)
    assert sum(count for _, count in summary.organisations) == 1
