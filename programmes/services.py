"""Writes to projects and monitoring returns.

Each service locks the row it changes, checks the version the user's form was made from (so a second
person saving an older copy is told rather than overwriting the first), re-checks the permission
predicate against the locked row, and saves once with `save()` so django-simple-history keeps one
record per change, with the user and the reason.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from boroughs.models import Borough, Place
from core.errors import PortalError
from core.formatting import date_range
from partners.models import Organisation

from . import permissions
from .models import ConsortiumMember, InterventionType, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from .periods import Quarter

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
RETURN_FIELDS = ("young_people_reached", "sessions_delivered", "families_reached", "narrative")


def _locked(obj, *related):
    """The object's row, locked until the transaction ends, as it is now in the database."""
    return type(obj).objects.select_for_update(of=("self",)).select_related(*related).get(pk=obj.pk)


def _check_version(obj, version: int | None, noun: str) -> None:
    if obj.version != version:
        raise PortalError(
            f"Someone else changed this {noun} after you opened it, so your changes have not been saved. "
            f"Open the {noun} again to see the latest version, then make your changes again."
        )


def _require(predicate, user, obj, verb: str, noun: str) -> None:
    if not predicate.test(user, obj):
        raise PortalError(f"You cannot {verb} this {noun} now: it is {obj.get_status_display().lower()}.")


def _save(obj, *, user, reason: str) -> None:
    """Save a changed object once, raising its version and recording who changed it and why."""
    obj.version += 1
    obj._history_user = user
    obj._change_reason = reason
    obj.save()


def _check_consortium(*, user, lead: Organisation, consortium: list[tuple[Organisation, str]]) -> None:
    members = [organisation for organisation, _ in consortium]
    if lead in members:
        raise PortalError(f"{lead} leads the project, so it cannot also be a consortium member: remove it.")
    if user.organisation_id != lead.pk and user.organisation not in members:
        raise PortalError(
            f"Your organisation, {user.organisation}, must lead this project or be a member of its consortium."
        )


def _check_places(*, boroughs: Iterable[Borough], places: Iterable[Place]) -> None:
    chosen = {borough.pk for borough in boroughs}
    outside = [
        place
        for place in Place.objects.filter(pk__in=[place.pk for place in places])
        .select_related("borough")
        .prefetch_related("also_in_boroughs")
        if place.borough_id not in chosen and not chosen & {borough.pk for borough in place.also_in_boroughs.all()}
    ]
    if outside:
        names = ", ".join(str(place) for place in outside)
        raise PortalError(
            f"{names} {'is' if len(outside) == 1 else 'are'} not in the boroughs you chose: "
            "choose the borough too, or remove the place.",
            field="places",
        )


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
    _check_consortium(user=user, lead=project.lead_organisation, consortium=consortium)
    _check_places(boroughs=boroughs, places=places)
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
    _save(project, user=user, reason=reason)


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
    project = _locked(project, "lead_organisation")
    _check_version(project, version, "project")
    _require(permissions.can_edit_project, editor, project, "change", "project")
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
def project_submit(*, project: Project, user, version: int | None) -> Project:
    """Send a draft or returned project to the VRU for verification."""
    project = _locked(project)
    _check_version(project, version, "project")
    _require(permissions.can_submit_project, user, project, "submit", "project")
    project.status, project.submitted_at = ProjectStatus.SUBMITTED, timezone.now()
    _save(project, user=user, reason="Submitted for verification")
    return project


def _review(obj, *, reviewer, version: int | None, predicate, noun: str, status: str, comment: str, reason: str):
    obj = _locked(obj)
    _check_version(obj, version, noun)
    _require(predicate, reviewer, obj, "review", noun)
    obj.status, obj.review_comment = status, comment
    obj.reviewed_at, obj.reviewed_by = timezone.now(), reviewer
    _save(obj, user=reviewer, reason=reason)
    return obj


def _comment_required(comment: str) -> None:
    if not comment.strip():
        raise PortalError("Say what needs to change before you return it.", field="comment")


@transaction.atomic
def project_verify(*, project: Project, reviewer, version: int | None, comment: str = "") -> Project:
    """The VRU confirms a submitted project."""
    return _review(
        project,
        reviewer=reviewer,
        version=version,
        predicate=permissions.can_review_project,
        noun="project",
        status=ProjectStatus.VERIFIED,
        comment=comment,
        reason="Verified by the VRU",
    )


@transaction.atomic
def project_send_back(*, project: Project, reviewer, version: int | None, comment: str) -> Project:
    """The VRU returns a submitted project to its organisation with a comment saying what to change."""
    _comment_required(comment)
    return _review(
        project,
        reviewer=reviewer,
        version=version,
        predicate=permissions.can_review_project,
        noun="project",
        status=ProjectStatus.RETURNED,
        comment=comment,
        reason="Returned for changes by the VRU",
    )


@transaction.atomic
def project_delete(*, project: Project, user, version: int | None) -> None:
    """Delete a draft project; its history (and its consortium's) stays, ending in the deletion."""
    project = _locked(project)
    _check_version(project, version, "project")
    _require(permissions.can_delete_project, user, project, "delete", "project")
    for member in project.consortium_members.all():
        member._history_user = user
        member.delete()
    project._history_user = user
    project._change_reason = "Deleted the draft"
    project.delete()


@transaction.atomic
def return_create(*, author, project: Project, quarter: Quarter, fields: dict) -> MonitoringReturn:
    """Start a draft return for one quarter the project runs in, if it has none for that quarter yet."""
    project = _locked(project)
    _require(permissions.can_create_return, author, project, "make a return for", "project")
    if quarter.end < project.start_date or quarter.start > project.end_date:
        raise PortalError(
            f"{quarter} is outside the project's dates ({date_range(project.start_date, project.end_date)}): "
            "choose a quarter the project runs in.",
            field="quarter",
        )
    if quarter.start > timezone.localdate():
        raise PortalError(f"{quarter} has not started yet: make its return once it has.", field="quarter")
    if project.returns.filter(period_start=quarter.start).exists():
        raise PortalError(f"This project already has a return for {quarter}: change that one instead.", field="quarter")
    monitoring_return = MonitoringReturn(project=project, period_start=quarter.start, period_end=quarter.end)
    for name in RETURN_FIELDS:
        setattr(monitoring_return, name, fields[name])
    monitoring_return._history_user = author
    monitoring_return._change_reason = "Started the return"
    monitoring_return.save()
    return monitoring_return


@transaction.atomic
def return_update(
    *, editor, monitoring_return: MonitoringReturn, version: int | None, fields: dict
) -> MonitoringReturn:
    """Change a return's figures; a verified return that is changed goes back to the VRU (submitted)."""
    monitoring_return = _locked(monitoring_return, "project")
    _check_version(monitoring_return, version, "return")
    _require(permissions.can_edit_return, editor, monitoring_return, "change", "return")
    reason = "Changed the return"
    if monitoring_return.status == ReviewStatus.VERIFIED:
        monitoring_return.status = ReviewStatus.SUBMITTED
        monitoring_return.submitted_at, monitoring_return.submitted_by = timezone.now(), editor
        reason = "Changed after verification, so sent back to the VRU"
    for name in RETURN_FIELDS:
        setattr(monitoring_return, name, fields[name])
    _save(monitoring_return, user=editor, reason=reason)
    return monitoring_return


@transaction.atomic
def return_submit(*, monitoring_return: MonitoringReturn, user, version: int | None) -> MonitoringReturn:
    """Send a draft or returned monitoring return to the VRU for verification."""
    monitoring_return = _locked(monitoring_return, "project")
    _check_version(monitoring_return, version, "return")
    _require(permissions.can_submit_return, user, monitoring_return, "submit", "return")
    monitoring_return.status = ReviewStatus.SUBMITTED
    monitoring_return.submitted_at, monitoring_return.submitted_by = timezone.now(), user
    _save(monitoring_return, user=user, reason="Submitted for verification")
    return monitoring_return


@transaction.atomic
def return_verify(
    *, monitoring_return: MonitoringReturn, reviewer, version: int | None, comment: str = ""
) -> MonitoringReturn:
    """The VRU confirms a submitted monitoring return."""
    return _review(
        monitoring_return,
        reviewer=reviewer,
        version=version,
        predicate=permissions.can_review_return,
        noun="return",
        status=ReviewStatus.VERIFIED,
        comment=comment,
        reason="Verified by the VRU",
    )


@transaction.atomic
def return_send_back(
    *, monitoring_return: MonitoringReturn, reviewer, version: int | None, comment: str
) -> MonitoringReturn:
    """The VRU returns a submitted monitoring return to its organisation with a comment."""
    _comment_required(comment)
    return _review(
        monitoring_return,
        reviewer=reviewer,
        version=version,
        predicate=permissions.can_review_return,
        noun="return",
        status=ReviewStatus.RETURNED,
        comment=comment,
        reason="Returned for changes by the VRU",
    )


@transaction.atomic
def return_delete(*, monitoring_return: MonitoringReturn, user, version: int | None) -> None:
    """Delete a draft monitoring return; its history stays."""
    monitoring_return = _locked(monitoring_return, "project")
    _check_version(monitoring_return, version, "return")
    _require(permissions.can_delete_return, user, monitoring_return, "delete", "return")
    monitoring_return._history_user = user
    monitoring_return._change_reason = "Deleted the draft"
    monitoring_return.delete()
