"""Project services change projects only when the rules allow, and record who, when and why."""

from datetime import date

import pytest

from boroughs.models import Borough, Place
from core.errors import PortalError
from partners.models import Organisation
from programmes import rules
from programmes.models import ConsortiumMember, ConsortiumRole, InterventionType, Project, ProjectStatus
from programmes.services.projects import project_cancel, project_create, project_delete, project_submit, project_update
from programmes.tests.factories import ConsortiumMemberFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def details(**overrides):
    fields = {
        "title": "Estate mentoring",
        "description": "",
        "funding_programme": None,
        "funder": None,
        "funding_amount": None,
        "age_min": 11,
        "age_max": 18,
        "start_date": date(2025, 4, 1),
        "end_date": date(2026, 3, 31),
        "target_reach": 50,
        "target_reach_note": "",
        "youth_involvement": "consulted",
        "youth_involvement_detail": "",
    }
    brent = Borough.objects.get(name="Brent")
    return {
        "fields": {**fields, **overrides.pop("fields", {})},
        "boroughs": [brent],
        "places": [Place.objects.get(name="Chalkhill")],
        "intervention_types": [InterventionType.objects.get(slug="mentoring")],
        "consortium": [],
        **overrides,
    }


def test_creating_a_project_writes_one_creation_record_holding_its_places_with_its_author(youth_lead):
    project = project_create(author=youth_lead, lead_organisation=youth_lead.organisation, **details())
    (record,) = project.history.all()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        youth_lead,
        "Created the project",
    )
    assert [row.place.name for row in record.historicalproject_places_set.all()] == ["Chalkhill"]


def test_an_edit_is_one_history_record_with_the_fields_and_relations_and_consortium_changes_are_recorded(youth_lead):
    project = project_create(author=youth_lead, lead_organisation=youth_lead.organisation, **details())
    mtvh = Organisation.objects.get(name="MTVH")
    project_update(
        editor=youth_lead,
        project=project,
        version=project.version,
        **details(
            fields={"title": "Estate mentoring and boxing"},
            places=[Place.objects.get(name="Stonebridge")],
            consortium=[(mtvh, ConsortiumRole.HOUSING_PARTNER)],
        ),
    )
    latest = project.history.first()
    assert project.history.count() == 2
    assert (latest.title, latest.history_user, latest.history_change_reason) == (
        "Estate mentoring and boxing",
        youth_lead,
        "Changed the project",
    )
    assert [row.place.name for row in latest.historicalproject_places_set.all()] == ["Stonebridge"]
    member_record = project.consortium_members.get().history.get()
    assert (member_record.history_type, member_record.history_user) == ("+", youth_lead)


def test_editing_a_verified_project_sends_it_back_to_the_vru(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.VERIFIED, version=4)
    updated = project_update(editor=youth_lead, project=project, version=4, **details())
    assert (updated.status, updated.version) == (ProjectStatus.SUBMITTED, 5)
    assert updated.submitted_at is not None
    assert project.history.first().history_change_reason == "Changed after verification, so sent back to the VRU"


def test_a_project_cannot_be_submitted_twice(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT, version=1)
    project_submit(project=project, user=youth_lead, version=1)
    with pytest.raises(PortalError, match="You cannot submit this project now: it is submitted."):
        project_submit(project=project, user=youth_lead, version=2)


def test_deleting_a_draft_keeps_its_history_and_its_consortium_history(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT, version=1)
    ConsortiumMemberFactory(project=project, organisation=Organisation.objects.get(name="MTVH"))
    project_id = project.pk
    project_delete(project=project, user=youth_lead, version=1)
    assert not Project.objects.filter(pk=project_id).exists()
    deletion = Project.history.filter(id=project_id).first()
    assert (deletion.history_type, deletion.history_user, deletion.history_change_reason) == (
        "-",
        youth_lead,
        "Deleted the draft",
    )
    assert Project.history.model.objects.filter(id=project_id).count() == 2
    member_deletion = ConsortiumMember.history.filter(project_id=project_id, history_type="-").get()
    assert member_deletion.history_user == youth_lead


def test_the_service_refuses_another_organisation_as_the_lead_whatever_route_calls_it(youth_lead):
    """A crafted caller of project_create (an API, a script) meets the lead rule as the form does."""
    peabody = Organisation.objects.get(name="Peabody")
    with pytest.raises(PortalError) as refused:
        project_create(
            author=youth_lead,
            lead_organisation=peabody,
            **details(consortium=[(youth_lead.organisation, ConsortiumRole.DELIVERY_PARTNER)]),
        )
    assert refused.value.field == "lead_organisation"
    assert refused.value.message == rules.lead_of_another_organisation(peabody, "Hyde", names_any_lead=False)
    assert not Project.objects.filter(title="Estate mentoring").exists()


def test_cancelling_keeps_the_project_and_records_it_once_even_when_run_twice(programme_manager):
    project = ProjectFactory(status=ProjectStatus.VERIFIED, version=2)
    project_cancel(project=project, user=programme_manager)
    project_cancel(project=project, user=programme_manager)
    project.refresh_from_db()
    assert (project.status, project.version) == (ProjectStatus.CANCELLED, 3)
    assert [r.history_change_reason for r in project.history.all()][:1] == ["Cancelled"]
    assert project.history.filter(history_change_reason="Cancelled").count() == 1


def test_a_verified_project_is_never_deleted(programme_manager):
    project = ProjectFactory(status=ProjectStatus.VERIFIED, version=1)
    with pytest.raises(PortalError, match="it is verified"):
        project_delete(project=project, user=programme_manager, version=1)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"start_date": date(2025, 4, 1), "end_date": date(2025, 3, 31)},
            "end_date",
            "The end date must be the same as or after the start date",
        ),
        ({"age_min": 19, "age_max": 11}, "age_max", "The oldest age must be the same as or above the youngest age"),
        ({"target_reach": -1}, "target_reach", "The target cannot be negative"),
    ],
    ids=["end before start", "ages reversed", "negative target"],
)
def test_the_service_refuses_what_the_form_refuses_at_the_same_field(youth_lead, fields, field, message):
    """Rules hold for every caller (an import, a task), not only behind the form."""
    with pytest.raises(PortalError) as refused:
        project_create(author=youth_lead, lead_organisation=youth_lead.organisation, **details(fields=fields))
    assert (refused.value.field, refused.value.message) == (field, message)
    assert not Project.objects.filter(title="Estate mentoring").exists()
