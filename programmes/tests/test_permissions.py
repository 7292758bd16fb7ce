"""Each permission predicate allows and denies exactly whom it should, role by role."""

import pytest

from programmes import permissions
from programmes.models import ProjectStatus, ReviewStatus
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    MonitoringReturnFactory,
    ProjectFactory,
    YouthVoiceSessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(programme_manager, programme_coordinator, youth_lead, other_youth_lead, administrator):
    return {
        "manager": programme_manager,
        "coordinator": programme_coordinator,
        "lead": youth_lead,
        "other lead": other_youth_lead,
        "administrator": administrator,
    }


def allowed(predicate, people, obj=None) -> set[str]:
    return {name for name, user in people.items() if (predicate.test(user, obj) if obj else predicate.test(user))}


def test_only_youth_leads_log_projects(people):
    assert allowed(permissions.can_create_project, people) == {"lead", "other lead"}


def test_only_vru_staff_see_the_review_queue(people):
    assert allowed(permissions.can_see_review_queue, people) == {"manager", "coordinator"}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ProjectStatus.DRAFT, {"lead"}),
        (ProjectStatus.RETURNED, {"lead"}),
        (ProjectStatus.VERIFIED, {"lead"}),
        (ProjectStatus.SUBMITTED, set()),
        (ProjectStatus.CANCELLED, set()),
    ],
)
def test_a_project_is_edited_by_its_own_organisation_unless_it_is_awaiting_review_or_cancelled(
    people, status, expected
):
    project = ProjectFactory(lead_organisation=people["lead"].organisation, status=status)
    assert allowed(permissions.can_edit_project, people, project) == expected


def test_a_consortium_member_edits_and_submits_but_does_not_delete_or_report(people):
    project = ProjectFactory(status=ProjectStatus.DRAFT)
    ConsortiumMemberFactory(project=project, organisation=people["lead"].organisation)
    assert allowed(permissions.can_edit_project, people, project) == {"lead"}
    assert allowed(permissions.can_submit_project, people, project) == {"lead"}
    assert allowed(permissions.can_delete_project, people, project) == {"manager", "coordinator"}
    project.status = ProjectStatus.VERIFIED
    assert allowed(permissions.can_create_return, people, project) == set()


@pytest.mark.parametrize(
    ("status", "expected"),
    [(ProjectStatus.DRAFT, set()), (ProjectStatus.SUBMITTED, {"manager", "coordinator"})],
)
def test_only_vru_staff_review_and_only_what_is_submitted(people, status, expected):
    project = ProjectFactory(lead_organisation=people["lead"].organisation, status=status)
    assert allowed(permissions.can_review_project, people, project) == expected
    monitoring_return = MonitoringReturnFactory(project=project, status=status)
    assert allowed(permissions.can_review_return, people, monitoring_return) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ProjectStatus.DRAFT, {"manager", "coordinator", "lead"}),
        (ProjectStatus.VERIFIED, set()),
    ],
)
def test_only_drafts_are_deleted_by_their_lead_organisation_or_the_vru(people, status, expected):
    project = ProjectFactory(lead_organisation=people["lead"].organisation, status=status)
    assert allowed(permissions.can_delete_project, people, project) == expected
    monitoring_return = MonitoringReturnFactory(project=project, status=status)
    assert allowed(permissions.can_delete_return, people, monitoring_return) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [(ProjectStatus.DRAFT, set()), (ProjectStatus.CANCELLED, set()), (ProjectStatus.RETURNED, {"lead"})],
)
def test_returns_are_made_by_the_lead_organisation_of_a_reporting_project(people, status, expected):
    project = ProjectFactory(lead_organisation=people["lead"].organisation, status=status)
    assert allowed(permissions.can_create_return, people, project) == expected


@pytest.mark.parametrize(
    ("status", "edit", "submit"),
    [
        (ReviewStatus.DRAFT, {"lead"}, {"lead"}),
        (ReviewStatus.RETURNED, {"lead"}, {"lead"}),
        (ReviewStatus.SUBMITTED, set(), set()),
        (ReviewStatus.VERIFIED, {"lead"}, set()),
    ],
)
def test_a_return_is_changed_and_submitted_by_its_projects_lead_organisation(people, status, edit, submit):
    monitoring_return = MonitoringReturnFactory(
        project=ProjectFactory(lead_organisation=people["lead"].organisation), status=status
    )
    assert allowed(permissions.can_edit_return, people, monitoring_return) == edit
    assert allowed(permissions.can_submit_return, people, monitoring_return) == submit


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ReviewStatus.DRAFT, {"manager", "coordinator", "administrator", "lead"}),
        (ReviewStatus.SUBMITTED, {"manager", "coordinator", "administrator", "lead", "other lead"}),
    ],
)
def test_a_draft_return_is_seen_by_its_lead_and_the_vru_and_a_sent_one_by_everyone(people, status, expected):
    monitoring_return = MonitoringReturnFactory(
        project=ProjectFactory(lead_organisation=people["lead"].organisation), status=status
    )
    assert allowed(permissions.can_view_return, people, monitoring_return) == expected


def test_a_youth_lead_logs_projects_from_their_own_organisations_page_only(people):
    own, other = people["lead"].organisation, people["other lead"].organisation
    assert allowed(permissions.can_log_project_for, people, own) == {"lead"}
    assert allowed(permissions.can_log_project_for, people, other) == {"other lead"}


def test_vru_staff_and_administrators_see_the_dashboard(people):
    assert allowed(permissions.can_view_dashboard, people) == {"manager", "coordinator", "administrator"}


def test_vru_staff_and_youth_leads_record_youth_voice_sessions(people):
    assert allowed(permissions.can_record_youth_voice_session, people) == {
        "manager",
        "coordinator",
        "lead",
        "other lead",
    }


def test_a_youth_voice_session_is_changed_by_vru_staff_or_an_organisation_involved(people, youth_lead):
    recorded = YouthVoiceSessionFactory(recorded_by_organisation=youth_lead.organisation)
    took_part = YouthVoiceSessionFactory(organisations=[youth_lead.organisation])
    for session in (recorded, took_part):
        assert allowed(permissions.can_edit_youth_voice_session, people, session) == {"manager", "coordinator", "lead"}
