"""The expected-returns schedule follows projects' dates, and the queries over it match the quarter-by-quarter walk."""

from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partners.tests.factories import OrganisationFactory
from programmes.models import ExpectedReturn, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from programmes.periods import Quarter, quarters_between
from programmes.selectors.returns import (
    RECEIVED_RETURN_STATUSES,
    expected_returns_outstanding,
    overdue_returns,
    overdue_summary,
    returns_by_quarter,
)
from programmes.services.expected_returns import expected_returns_schedule
from programmes.services.returns import return_create, return_delete, return_submit
from programmes.services.review import return_send_back, return_verify
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def schedule_of(project):
    return list(project.expected_returns.order_by("period_start").values_list("period_start", "period_end", "due_date"))


def test_a_saved_project_expects_a_return_for_every_quarter_it_runs_through():
    project = ProjectFactory(start_date=date(2025, 5, 10), end_date=date(2025, 10, 1))
    assert schedule_of(project) == [
        (date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 30)),
        (date(2025, 7, 1), date(2025, 9, 30), date(2025, 10, 30)),
        (date(2025, 10, 1), date(2025, 12, 31), date(2026, 1, 30)),
    ]


def test_changing_the_dates_moves_the_schedule_and_keeps_the_quarters_that_still_fit():
    project = ProjectFactory(start_date=date(2025, 5, 10), end_date=date(2025, 10, 1))
    kept = project.expected_returns.get(period_start=date(2025, 7, 1)).pk
    project.start_date, project.end_date = date(2025, 8, 1), date(2026, 2, 1)
    project.save()
    assert [start for start, _, _ in schedule_of(project)] == [date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1)]
    assert project.expected_returns.get(period_start=date(2025, 7, 1)).pk == kept


def test_scheduling_twice_changes_nothing_and_mends_rows_written_around_it():
    project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2025, 9, 30))
    before = list(project.expected_returns.values_list("pk", "period_start"))
    expected_returns_schedule(project_ids=[project.pk])
    assert list(project.expected_returns.values_list("pk", "period_start")) == before
    # A bulk update sends no signal: scheduling every project puts the rows right.
    Project.objects.filter(pk=project.pk).update(end_date=date(2025, 6, 30))
    expected_returns_schedule()
    assert [start for start, _, _ in schedule_of(project)] == [date(2025, 4, 1)]


def test_a_status_change_decides_whether_a_project_owes_returns():
    project = ProjectFactory(status=ProjectStatus.DRAFT, start_date=date(2025, 4, 1), end_date=date(2025, 6, 30))
    today = date(2025, 12, 1)
    assert not expected_returns_outstanding(Project.objects.all(), today=today).exists()
    project.status = ProjectStatus.SUBMITTED
    project.save()
    assert expected_returns_outstanding(Project.objects.all(), today=today).count() == 1
    project.status = ProjectStatus.CANCELLED
    project.save()
    assert not expected_returns_outstanding(Project.objects.all(), today=today).exists()


def walked_outstanding(today: date) -> list[tuple[int, date, bool]]:
    """The calculation the schedule replaced: walk every counted project's ended quarters in Python."""
    received = set(
        MonitoringReturn.objects.filter(status__in=RECEIVED_RETURN_STATUSES).values_list("project_id", "period_start")
    )
    owed = []
    for project in Project.objects.counted().filter(start_date__lte=today).order_by("pk"):
        for quarter in quarters_between(project.start_date, min(project.end_date, today)):
            if quarter.end < today and (project.pk, quarter.start) not in received:
                owed.append((quarter.due_date, project.title, project.pk, quarter.start))
    return [(pk, start, today > due) for due, _, pk, start in sorted(owed)]


PROJECT_DAYS = st.integers(min_value=0, max_value=1500)
PROJECTS = st.lists(
    st.tuples(
        PROJECT_DAYS,
        st.integers(min_value=0, max_value=700),
        st.sampled_from(list(ProjectStatus)),
        st.sampled_from(["Alpha", "Beta", "Gamma"]),
        st.lists(st.tuples(st.integers(min_value=0, max_value=8), st.sampled_from(list(ReviewStatus))), max_size=4),
    ),
    max_size=8,
)
# A project (by position), its new status, how many days its dates move, its first return's new status (None:
# deleted).
CHANGES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=7),
        st.sampled_from(list(ProjectStatus)),
        st.integers(min_value=-200, max_value=200),
        st.sampled_from([*ReviewStatus, None]),
    ),
    max_size=4,
)


@pytest.mark.generated
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    projects=PROJECTS,
    today_days=PROJECT_DAYS,
    boundary=st.sampled_from(["any day", "quarter end", "due date"]),
    changes=CHANGES,
)
def test_the_schedule_queries_match_the_quarter_walk_on_generated_projects(projects, today_days, boundary, changes):
    """Due and overdue read from the schedule equal the old walk for any projects, statuses, returns and day,
    the days a quarter ends and a return falls due included, and still do after projects' dates and status
    change and their returns are submitted, verified, sent back or deleted."""
    origin = date(2023, 1, 1)
    today = origin + timedelta(days=today_days)
    quarter = Quarter.containing(today)
    today = {"any day": today, "quarter end": quarter.end, "due date": quarter.due_date}[boundary]
    with transaction.atomic():
        lead = OrganisationFactory()
        for start_days, length, status, title, returns in projects:
            start = origin + timedelta(days=start_days)
            project = ProjectFactory(
                lead_organisation=lead, status=status, title=title, start_date=start, end_date=start + timedelta(length)
            )
            quarters = quarters_between(project.start_date, project.end_date)
            for index, return_status in {index: s for index, s in returns if index < len(quarters)}.items():
                MonitoringReturnFactory(project=project, quarter=quarters[index], status=return_status)
        assert_the_queries_match_the_walk(today)
        for index, status, shift, return_status in changes:
            change_a_project_and_its_first_return(index, status, shift, return_status)
        assert_the_queries_match_the_walk(today)
        transaction.set_rollback(True)


def change_a_project_and_its_first_return(index: int, status: str, shift: int, return_status: str | None) -> None:
    """Move a project's dates and status as its page would, then change or delete its first return."""
    projects = list(Project.objects.order_by("pk"))
    if not projects:
        return
    project = projects[index % len(projects)]
    project.status = status
    project.start_date += timedelta(days=shift)
    project.end_date += timedelta(days=shift)
    project.save()
    monitoring_return = project.returns.order_by("period_start").first()
    if monitoring_return is None:
        return
    if return_status is None:
        monitoring_return.delete()
    else:
        monitoring_return.status = return_status
        monitoring_return.save()


def assert_the_queries_match_the_walk(today: date) -> None:
    """Outstanding, overdue, the dashboard's summary and the chart by quarter agree with the walk, and every row's
    flags with the projects and returns as they are now."""
    walked = walked_outstanding(today)
    queried = [
        (row.project_id, row.period_start, today > row.due_date)
        for row in expected_returns_outstanding(Project.objects.all(), today=today)
    ]
    assert queried == walked
    overdue = [(pk, start) for pk, start, is_overdue in walked if is_overdue]
    assert [(row.project_id, row.period_start) for row in overdue_returns(None, today=today)] == overdue
    summary = overdue_summary(None, today=today, shown=3)
    assert (summary.count, summary.project_count) == (len(overdue), len({pk for pk, _ in overdue}))
    assert [item.project_id for item in summary.longest_overdue] == list(dict.fromkeys(pk for pk, _ in overdue))[:3]
    assert sum(row.outstanding for row in returns_by_quarter(None, today=today).quarters) == len(walked)
    assert ExpectedReturn.objects.count() == sum(
        len(quarters_between(p.start_date, p.end_date)) for p in Project.objects.all()
    )
    assert flags_of_every_row() == flags_from_scratch()


def flags_of_every_row() -> dict[tuple[int, date], tuple[bool, bool]]:
    return {
        (pk, start): (owed, received)
        for pk, start, owed, received in ExpectedReturn.objects.values_list(
            "project_id", "period_start", "owed", "received"
        )
    }


def flags_from_scratch() -> dict[tuple[int, date], tuple[bool, bool]]:
    """Each quarter of each project: owed when the project counts on known dates, received when a return arrived."""
    received = set(
        MonitoringReturn.objects.filter(status__in=RECEIVED_RETURN_STATUSES).values_list("project_id", "period_start")
    )
    counting = set(Project.objects.counted().filter(dates_assumed=False).values_list("pk", flat=True))
    return {
        (project.pk, quarter.start): (project.pk in counting, (project.pk, quarter.start) in received)
        for project in Project.objects.all()
        for quarter in quarters_between(project.start_date, project.end_date)
    }


def test_quarters_in_the_schedule_are_the_periods_quarters():
    project = ProjectFactory(start_date=date(2026, 1, 15), end_date=date(2026, 2, 1))
    (row,) = project.expected_returns.all()
    assert row.quarter == Quarter(date(2026, 1, 1))


def received_of(project) -> list[bool]:
    return list(project.expected_returns.order_by("period_start").values_list("received", flat=True))


FIGURES = {"young_people_reached": 5, "sessions_delivered": 1, "families_reached": 0, "narrative": ""}


def test_a_quarter_is_received_while_its_return_is_submitted_or_verified(youth_lead, programme_manager):
    """Through the return services: submitted and verified returns are received; sent back or deleted, not."""
    project = ProjectFactory(
        lead_organisation=youth_lead.organisation, start_date=date(2025, 4, 1), end_date=date(2025, 9, 30)
    )
    made = return_create(author=youth_lead, project=project, quarter=Quarter(date(2025, 4, 1)), fields=FIGURES)
    assert received_of(project) == [False, False]
    made = return_submit(monitoring_return=made, user=youth_lead, version=made.version)
    assert received_of(project) == [True, False]
    made = return_send_back(monitoring_return=made, reviewer=programme_manager, version=made.version, comment="Why?")
    assert received_of(project) == [False, False]
    made = return_submit(monitoring_return=made, user=youth_lead, version=made.version)
    made = return_verify(monitoring_return=made, reviewer=programme_manager, version=made.version)
    assert received_of(project) == [True, False]
    # Deleted in the admin (the portal deletes only drafts): the quarter is owed again.
    made.delete()
    assert received_of(project) == [False, False]
    draft = return_create(author=youth_lead, project=project, quarter=Quarter(date(2025, 7, 1)), fields=FIGURES)
    return_delete(monitoring_return=draft, user=youth_lead, version=draft.version)
    assert received_of(project) == [False, False]


def test_a_return_moved_to_another_project_leaves_the_first_owing_and_the_second_received():
    first, second = (ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2025, 6, 30)) for _ in range(2))
    arrived = MonitoringReturnFactory(project=first, quarter=Quarter(date(2025, 4, 1)), status=ReviewStatus.VERIFIED)
    moved = MonitoringReturn.objects.get(pk=arrived.pk)  # as the admin reads it
    moved.project = second
    moved.save()
    assert (received_of(first), received_of(second)) == ([False], [True])


def test_a_quarter_added_back_by_new_dates_finds_its_return_and_a_mend_puts_bulk_updates_right():
    project = ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2025, 6, 30))
    arrived = MonitoringReturnFactory(project=project, quarter=Quarter(date(2025, 4, 1)), status=ReviewStatus.VERIFIED)
    project.start_date = date(2025, 7, 1)
    project.end_date = date(2025, 9, 30)
    project.save()
    project.start_date = date(2025, 4, 1)
    project.save()
    assert received_of(project) == [True, False]
    # A bulk update sends no signal: scheduling every project puts the flags right.
    MonitoringReturn.objects.filter(pk=arrived.pk).update(status=ReviewStatus.RETURNED)
    Project.objects.filter(pk=project.pk).update(dates_assumed=True)
    expected_returns_schedule()
    assert list(project.expected_returns.values_list("owed", "received")) == [(False, False), (False, False)]
