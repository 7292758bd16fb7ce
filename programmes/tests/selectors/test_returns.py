"""Which returns a user sees, which quarters a return can be made for, and which are owed or overdue."""

from datetime import date

import pytest

from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.periods import Quarter
from programmes.selectors.returns import (
    overdue_counts,
    overdue_returns,
    overdue_summary,
    quarters_awaiting_returns,
    returns_by_quarter,
    returns_owed,
    returns_visible_to,
)
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 15)  # 2026–27 Q1; 2025–26 Q4 (January to March) fell due on 30 April.


def test_a_youth_lead_sees_only_their_own_organisations_draft_returns(youth_lead):
    own = MonitoringReturnFactory(project=ProjectFactory(lead_organisation=youth_lead.organisation), status="draft")
    others_draft = MonitoringReturnFactory(status="draft")
    others_submitted = MonitoringReturnFactory(status="submitted")
    assert set(returns_visible_to(youth_lead)) == {own, others_submitted}
    assert others_draft not in returns_visible_to(youth_lead)


def test_returns_can_be_made_for_started_quarters_without_one():
    project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    MonitoringReturnFactory(project=project, period_start=date(2025, 4, 1))
    quarters = quarters_awaiting_returns(project, today=date(2025, 10, 2))
    assert [str(quarter) for quarter in quarters] == ["2025–26 Q2", "2025–26 Q3"]


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
            (str(item.quarter), item.is_overdue)
            for item in returns_owed(organisation=organisation, today=today, shown=100).shown
        ]

    def test_a_submitted_or_verified_return_settles_its_quarter_but_a_draft_does_not(self):
        project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
        MonitoringReturnFactory(project=project, period_start=date(2025, 4, 1), status="submitted")
        draft = MonitoringReturnFactory(
            project=project, period_start=date(2025, 7, 1), period_end=date(2025, 9, 30), status="draft"
        )
        owed = returns_owed(organisation=project.lead_organisation, today=self.today, shown=100)
        (item,) = owed.shown
        assert (owed.count, owed.overdue_count) == (1, 1)
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


def test_a_quarter_is_overdue_once_due_until_a_return_is_submitted():
    # Runs from mid-August 2025: Q2, Q3 and Q4 of 2025–26 are due by 15 May 2026; Q1 2026–27 is not.
    project = ProjectFactory(title="Mentoring", start_date=date(2025, 8, 20), end_date=date(2027, 3, 31))
    MonitoringReturnFactory(project=project, quarter=Quarter.containing(date(2025, 7, 1)), status=ReviewStatus.VERIFIED)
    # Sent back for changes: still owed.
    MonitoringReturnFactory(
        project=project, quarter=Quarter.containing(date(2025, 10, 1)), status=ReviewStatus.RETURNED
    )
    # Not submitted: still owed.
    MonitoringReturnFactory(project=project, quarter=Quarter.containing(date(2026, 1, 1)), status=ReviewStatus.DRAFT)
    overdue = overdue_returns(Project.objects.all(), today=TODAY)
    assert [(item.project_title, str(item.quarter), item.due_date) for item in overdue] == [
        ("Mentoring", "2025–26 Q3", date(2026, 1, 30)),
        ("Mentoring", "2025–26 Q4", date(2026, 4, 30)),
    ]
    assert overdue_counts(overdue) == (2, 1)


def test_overdue_returns_come_oldest_first_then_by_title_and_skip_projects_that_do_not_count():
    ProjectFactory(title="Zebra crossing", start_date=date(2025, 10, 1), end_date=date(2025, 12, 31))
    ProjectFactory(title="Apple", start_date=date(2026, 1, 5), end_date=date(2026, 3, 1))
    ProjectFactory(title="Aardvark", start_date=date(2025, 11, 1), end_date=date(2026, 2, 1))
    ProjectFactory(title="Draft", status=ProjectStatus.DRAFT, start_date=date(2025, 10, 1))
    ProjectFactory(title="Cancelled", status=ProjectStatus.CANCELLED, start_date=date(2025, 10, 1))
    ProjectFactory(title="Starts later", start_date=date(2026, 4, 1))
    overdue = overdue_returns(Project.objects.all(), today=TODAY)
    assert [(item.project_title, str(item.quarter)) for item in overdue] == [
        ("Aardvark", "2025–26 Q3"),
        ("Zebra crossing", "2025–26 Q3"),
        ("Aardvark", "2025–26 Q4"),
        ("Apple", "2025–26 Q4"),
    ]
    assert [item.project_title for item in overdue[1:3]] == ["Zebra crossing", "Aardvark"]


def test_no_projects_means_no_overdue_returns():
    assert len(overdue_returns(Project.objects.all(), today=TODAY)) == 0


# Returns received against expected, quarter by quarter --------------------------------------------------


def _expected_and_received(today):
    whole_year = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    summer = ProjectFactory(start_date=date(2025, 5, 15), end_date=date(2025, 8, 31))
    ProjectFactory(status=ProjectStatus.DRAFT, start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    ProjectFactory(start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))  # not started by then
    first, second = Quarter(date(2025, 4, 1)), Quarter(date(2025, 7, 1))
    MonitoringReturnFactory(project=whole_year, quarter=first, status=ReviewStatus.VERIFIED)
    MonitoringReturnFactory(project=whole_year, quarter=second, status=ReviewStatus.DRAFT)
    MonitoringReturnFactory(project=summer, quarter=first, status=ReviewStatus.SUBMITTED)
    MonitoringReturnFactory(project=summer, quarter=second, status=ReviewStatus.RETURNED)
    return returns_by_quarter(Project.objects.all(), today=today)


def test_returns_expected_are_one_per_ended_quarter_a_counted_project_ran_in_and_received_are_submitted_or_verified():
    by_quarter = _expected_and_received(today=date(2025, 11, 15))
    # Two quarters have ended; July to September fell due on 30 October, so its two missing returns are overdue.
    assert [
        (str(row.quarter), row.expected, row.received, row.outstanding, row.overdue) for row in by_quarter.quarters
    ] == [("2025–26 Q1", 2, 2, 0, 0), ("2025–26 Q2", 2, 0, 2, 2)]
    assert sum(row.overdue for row in by_quarter.quarters) == len(
        overdue_returns(Project.objects.all(), today=date(2025, 11, 15))
    )
    chart = by_quarter.chart
    assert [(bar.name, bar.category, bar.value) for bar in chart.bars] == [
        ("Expected", "2025–26 Q1", 2),
        ("Expected", "2025–26 Q2", 2),
        ("Received", "2025–26 Q1", 2),
        ("Received", "2025–26 Q2", 0),
    ]


def test_returns_of_an_ended_quarter_are_outstanding_not_overdue_until_they_fall_due():
    by_quarter = _expected_and_received(today=date(2025, 10, 15))
    second = by_quarter.quarters[1]
    assert (second.expected, second.received, second.outstanding, second.overdue, second.past_due) == (
        2,
        0,
        2,
        0,
        False,
    )
    assert not overdue_returns(Project.objects.all(), today=date(2025, 10, 15))


def test_no_ended_quarter_means_no_figures():
    ProjectFactory(start_date=date(2025, 4, 1))
    assert returns_by_quarter(Project.objects.all(), today=date(2025, 5, 1)).quarters == []


def test_a_project_whose_dates_are_assumed_owes_no_return_on_them():
    """One Flow's dates are the loader's guess: its quarters are neither overdue nor owed until real dates are set."""
    guessed = ProjectFactory(
        title="Guessed", start_date=date(2025, 4, 1), end_date=date(2026, 3, 31), dates_assumed=True
    )
    ProjectFactory(title="Known", start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    assert {item.project_title for item in overdue_returns(Project.objects.all(), today=TODAY)} == {"Known"}
    assert returns_owed(organisation=guessed.lead_organisation, today=TODAY, shown=10).count == 0
    guessed.dates_assumed = False
    guessed.save()
    assert returns_owed(organisation=guessed.lead_organisation, today=TODAY, shown=10).count == 4


def test_a_project_whose_dates_are_assumed_is_expected_in_no_quarter_of_the_returns_chart():
    ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31), dates_assumed=True)
    known = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 3, 31))
    by_quarter = returns_by_quarter(Project.objects.all(), today=date(2025, 11, 15))
    assert [row.expected for row in by_quarter.quarters] == [1, 1]
    assert sum(row.overdue for row in by_quarter.quarters) == len(
        overdue_returns(Project.objects.filter(pk=known.pk), today=date(2025, 11, 15))
    )


def test_the_organisation_page_counts_every_return_owed_and_shows_the_earliest_due():
    project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2026, 12, 31))
    owed = returns_owed(organisation=project.lead_organisation, today=TODAY, shown=2)
    # 2025–26 Q1 to Q4 have ended; Q4 fell due on 30 April, so all four are overdue.
    assert (owed.count, owed.overdue_count) == (4, 4)
    assert [str(item.quarter) for item in owed.shown] == ["2025–26 Q1", "2025–26 Q2"]


def test_the_dashboard_groups_overdue_returns_by_project_longest_overdue_first():
    later = ProjectFactory(title="Later", start_date=date(2025, 10, 1), end_date=date(2026, 3, 31))
    earlier = ProjectFactory(title="Earlier", start_date=date(2025, 7, 1), end_date=date(2025, 12, 31))
    ProjectFactory(title="Third", start_date=date(2026, 1, 1), end_date=date(2026, 3, 31))
    MonitoringReturnFactory(
        project=earlier, quarter=Quarter.containing(date(2025, 7, 1)), status=ReviewStatus.SUBMITTED
    )
    summary = overdue_summary(Project.objects.all(), today=TODAY, shown=2)
    assert (summary.count, summary.project_count) == (4, 3)
    assert [
        (item.project_id, item.project_title, [str(q) for q in item.quarters], item.first_due_date)
        for item in summary.longest_overdue
    ] == [
        (earlier.pk, "Earlier", ["2025–26 Q3"], date(2026, 1, 30)),
        (later.pk, "Later", ["2025–26 Q3", "2025–26 Q4"], date(2026, 1, 30)),
    ]
    assert summary.longest_overdue[0].lead_organisation == earlier.lead_organisation.name


def test_the_longest_overdue_reads_on_past_projects_that_fill_many_quarters():
    """Two projects overdue in seven quarters each fill more rows than the first read: the third is still found."""
    first = ProjectFactory(title="Alpha", start_date=date(2024, 4, 1), end_date=date(2026, 3, 31))
    second = ProjectFactory(title="Beta", start_date=date(2024, 4, 1), end_date=date(2026, 3, 31))
    third = ProjectFactory(title="Gamma", start_date=date(2026, 1, 1), end_date=date(2026, 3, 31))
    for shown in (1, 3):
        everyone = overdue_summary(None, today=TODAY, shown=shown)
        assert [item.project_id for item in everyone.longest_overdue] == [first.pk, second.pk, third.pk][:shown]
        assert everyone == overdue_summary(Project.objects.all(), today=TODAY, shown=shown)
    assert (everyone.count, everyone.project_count) == (17, 3)
    assert [len(item.quarters) for item in everyone.longest_overdue] == [8, 8, 1]
