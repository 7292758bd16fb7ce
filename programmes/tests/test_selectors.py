"""Reads are scoped to the user (nobody sees another organisation's drafts) and compute what pages show."""

from datetime import date

import pytest

from programmes.models import ProjectStatus
from programmes.selectors import (
    project_history,
    project_reach,
    projects_visible_to,
    quarters_awaiting_returns,
    returns_outstanding,
    returns_visible_to,
)
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory

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


def test_a_youth_lead_sees_only_their_own_organisations_draft_returns(youth_lead):
    own = MonitoringReturnFactory(project=ProjectFactory(lead_organisation=youth_lead.organisation), status="draft")
    others_draft = MonitoringReturnFactory(status="draft")
    others_submitted = MonitoringReturnFactory(status="submitted")
    assert set(returns_visible_to(youth_lead)) == {own, others_submitted}
    assert others_draft not in returns_visible_to(youth_lead)


class TestReturnsOutstanding:
    """A return is owed for each ended quarter a reporting project runs through, until one is submitted."""

    today = date(2025, 11, 15)

    def owed(self, organisation):
        return self.owed_on(organisation, self.today)

    def test_due_until_thirty_days_after_the_quarter_then_overdue(self):
        project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
        # Q1 (to 30 June) was due 30 July: overdue. Q2 (to 30 September) is due 30 October: overdue by 15 November.
        assert self.owed(project.lead_organisation) == [("2025–26 Q1", True), ("2025–26 Q2", True)]
        on_20_october = self.owed_on(project.lead_organisation, date(2025, 10, 20))
        assert on_20_october == [("2025–26 Q1", True), ("2025–26 Q2", False)]

    @staticmethod
    def owed_on(organisation, today):
        return [
            (str(item.quarter), item.is_overdue) for item in returns_outstanding(organisation=organisation, today=today)
        ]

    def test_a_submitted_or_verified_return_settles_its_quarter_but_a_draft_does_not(self):
        project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
        MonitoringReturnFactory(project=project, period_start=date(2025, 4, 1), status="submitted")
        draft = MonitoringReturnFactory(
            project=project, period_start=date(2025, 7, 1), period_end=date(2025, 9, 30), status="draft"
        )
        (item,) = returns_outstanding(organisation=project.lead_organisation, today=self.today)
        assert (str(item.quarter), item.started) == ("2025–26 Q2", draft)

    def test_drafts_cancelled_projects_and_consortium_members_owe_nothing(self):
        lead = ProjectFactory(status="draft").lead_organisation
        ProjectFactory(lead_organisation=lead, status="cancelled")
        member_of = ProjectFactory()
        ConsortiumMemberFactory(project=member_of, organisation=lead)
        assert self.owed(lead) == []

    def test_quarters_after_the_project_ends_are_not_owed(self):
        project = ProjectFactory(start_date=date(2025, 1, 10), end_date=date(2025, 5, 1))
        assert [quarter for quarter, _ in self.owed(project.lead_organisation)] == ["2024–25 Q4", "2025–26 Q1"]


def test_reach_adds_submitted_and_verified_returns_against_the_target():
    project = ProjectFactory(target_reach=200)
    MonitoringReturnFactory(project=project, period_start=date(2025, 4, 1), young_people_reached=50, status="verified")
    MonitoringReturnFactory(
        project=project,
        period_start=date(2025, 7, 1),
        period_end=date(2025, 9, 30),
        young_people_reached=90,
        status="draft",
    )
    MonitoringReturnFactory(
        project=project,
        period_start=date(2025, 10, 1),
        period_end=date(2025, 12, 31),
        young_people_reached=250,
        status="submitted",
    )
    rows = project_reach(project, list(project.returns.order_by("period_start")))
    assert [(str(row.quarter), row.cumulative, row.percent_of_target, row.bar) for row in rows] == [
        ("2025–26 Q1", 50, 25, 25),
        ("2025–26 Q3", 300, 150, 100),
    ]


def test_history_says_who_changed_which_field_from_what_to_what(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, title="Before", age_max=18)
    project.title, project.age_max = "After", 21
    project._history_user, project._change_reason = youth_lead, "Changed the project"
    project.save()
    newest = project_history(project)[0]
    assert newest.summary == "Changed the project"
    assert newest.who == "lead.hyde, Hyde"
    assert {(change.label, change.old, change.new) for change in newest.changes} == {
        ("Title", "Before", "After"),
        ("Oldest age served", "18", "21"),
    }


def test_returns_can_be_made_for_started_quarters_without_one():
    project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    MonitoringReturnFactory(project=project, period_start=date(2025, 4, 1))
    quarters = quarters_awaiting_returns(project, today=date(2025, 10, 2))
    assert [str(quarter) for quarter in quarters] == ["2025–26 Q2", "2025–26 Q3"]
