"""Writes to projects: create, change, submit and delete, each checking the partnership's rules first."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from boroughs.models import Borough, Place
from core.errors import PortalError
from partners.models import Organisation

from .. import permissions, rules
from ..models import ConsortiumMember, InterventionType, Project, ProjectStatus
from ..selectors.areas import boroughs_of_places
from .changes import check_version, locked, require, save_change

# The project fields a youth lead sets through the portal (the lead organisation only when creating).
PROJECT_FIELDS = (
    "title",
    "description",
    "funding_programme",
    "funder",
    "funding_amount",
    "age_min",
    "age_max",
    "start_date",
    "end_date",
    "target_reach",
    "target_reach_note",
    "youth_involvement",
    "youth_involvement_detail",
)


def _check_project(
    *,
    user,
    lead: Organisation,
    fields: dict,
    boroughs: Iterable[Borough],
    places: Iterable[Place],
    consortium: list[tuple[Organisation, str]],
) -> None:
    """The partnership's rules on a project (rules.py), each refused with its message at its field."""
    members = [organisation for organisation, _ in consortium]
    rules.enforce(rules.lead_in_consortium(lead, members))
    rules.enforce(rules.organisation_not_involved(user.organisation, lead, members))
    outside = rules.places_outside(boroughs_of_places(places), {borough.pk for borough in boroughs})
    rules.enforce(rules.places_outside_message(outside), field="places")
    rules.enforce(rules.end_before_start(fields["start_date"], fields["end_date"]), field="end_date")
    rules.enforce(rules.ages_out_of_order(fields["age_min"], fields["age_max"]), field="age_max")
    rules.enforce_each(rules.negatives(fields))


def _write_project(
    project: Project,
    *,
    user,
    reason: str,
    fields: dict,
    boroughs: Iterable[Borough],
    places: Iterable[Place],
    intervention_types: Iterable[InterventionType],
    consortium: list[tuple[Organisation, str]],
) -> None:
    """Set a project's fields, relations and consortium, then save it once (one history record holds them all)."""
    _check_project(
        user=user,
        lead=project.lead_organisation,
        fields=fields,
        boroughs=boroughs,
        places=places,
        consortium=consortium,
    )
    for name in PROJECT_FIELDS:
        setattr(project, name, fields[name])
    if project.pk is None:
        project.save_without_historical_record()
    # Relations are set without their own history records: the save below snapshots them with the fields.
    project.skip_history_when_saving = True
    try:
        project.boroughs.set(boroughs)
        project.places.set(places)
        project.intervention_types.set(intervention_types)
    finally:
        del project.skip_history_when_saving
    _write_consortium(project, user=user, consortium=consortium)
    save_change(project, user=user, reason=reason)


def _write_consortium(project: Project, *, user, consortium: list[tuple[Organisation, str]]) -> None:
    """Add, re-role and remove consortium members so the project has exactly `consortium`, each change in history."""
    wanted = {organisation.pk: role for organisation, role in consortium}
    for member in project.consortium_members.all():
        member._history_user = user
        role = wanted.pop(member.organisation_id, None)
        if role is None:
            member.delete()
        elif role != member.role:
            member.role = role
            member.save()
    for organisation_id, role in wanted.items():
        member = ConsortiumMember(project=project, organisation_id=organisation_id, role=role)
        member._history_user = user
        member.save()


@transaction.atomic
def project_create(
    *,
    author,
    lead_organisation: Organisation,
    fields: dict,
    boroughs: Iterable[Borough],
    places: Iterable[Place],
    intervention_types: Iterable[InterventionType],
    consortium: list[tuple[Organisation, str]],
) -> Project:
    """Create a draft project; the author's organisation must lead it or be in its consortium."""
    if not permissions.can_create_project.test(author):
        raise PortalError("Only a youth lead of an organisation can log a project.")
    rules.enforce(
        rules.lead_of_another_organisation(lead_organisation, author.organisation, names_any_lead=author.is_vru_staff),
        field="lead_organisation",
    )
    project = Project(lead_organisation=lead_organisation, status=ProjectStatus.DRAFT)
    _write_project(
        project,
        user=author,
        reason="Created the project",
        fields=fields,
        boroughs=boroughs,
        places=places,
        intervention_types=intervention_types,
        consortium=consortium,
    )
    # The one record was written once the relations existed, so that it holds them; it is the creation.
    project.history.update(history_type="+")
    return project


@transaction.atomic
def project_update(
    *,
    editor,
    project: Project,
    version: int | None,
    fields: dict,
    boroughs: Iterable[Borough],
    places: Iterable[Place],
    intervention_types: Iterable[InterventionType],
    consortium: list[tuple[Organisation, str]],
) -> Project:
    """Change a project; a verified project that is changed goes back to the VRU (submitted) to check again."""
    project = locked(project, "lead_organisation")
    check_version(project, version, "project")
    require(permissions.can_edit_project, editor, project, "change", "project")
    reason = "Changed the project"
    if project.status == ProjectStatus.VERIFIED:
        project.status, project.submitted_at = ProjectStatus.SUBMITTED, timezone.now()
        reason = "Changed after verification, so sent back to the VRU"
    _write_project(
        project,
        user=editor,
        reason=reason,
        fields=fields,
        boroughs=boroughs,
        places=places,
        intervention_types=intervention_types,
        consortium=consortium,
    )
    return project


@transaction.atomic
def project_cancel(*, project: Project, user) -> Project:
    """Cancel a project in place of deleting it: it leaves coverage and reach, and stays, with its history."""
    project = locked(project)
    if project.status != ProjectStatus.CANCELLED:
        project.status = ProjectStatus.CANCELLED
        save_change(project, user=user, reason="Cancelled")
    return project


@transaction.atomic
def project_submit(*, project: Project, user, version: int | None) -> Project:
    """Send a draft or returned project to the VRU for verification."""
    project = locked(project)
    check_version(project, version, "project")
    require(permissions.can_submit_project, user, project, "submit", "project")
    project.status, project.submitted_at = ProjectStatus.SUBMITTED, timezone.now()
    save_change(project, user=user, reason="Submitted for verification")
    return project


@transaction.atomic
def project_delete(*, project: Project, user, version: int | None) -> None:
    """Delete a draft project; its history (and its consortium's) stays, ending in the deletion."""
    project = locked(project)
    check_version(project, version, "project")
    require(permissions.can_delete_project, user, project, "delete", "project")
    for member in project.consortium_members.all():
        member._history_user = user
        member.delete()
    project._history_user = user
    project._change_reason = "Deleted the draft"
    project.delete()
