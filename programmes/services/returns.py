"""Writes to monitoring returns: start one for a quarter, change, submit and delete it."""

from django.db import transaction
from django.utils import timezone

from .. import permissions, rules
from ..models import MonitoringReturn, Project, ReviewStatus
from ..periods import Quarter
from .changes import check_version, locked, require, save_change

RETURN_FIELDS = ("young_people_reached", "sessions_delivered", "families_reached", "narrative")


def _set_figures(monitoring_return: MonitoringReturn, fields: dict) -> None:
    """Set a return's figures once the rule on counts holds."""
    rules.enforce_each(rules.negatives(fields))
    for name in RETURN_FIELDS:
        setattr(monitoring_return, name, fields[name])


@transaction.atomic
def return_create(*, author, project: Project, quarter: Quarter, fields: dict) -> MonitoringReturn:
    """Start a draft return for one quarter the project runs in, if it has none for that quarter yet."""
    project = locked(project)
    require(permissions.can_create_return, author, project, "make a return for", "project")
    period = rules.return_period_problem(
        quarter.start, quarter.end, project.start_date, project.end_date, today=timezone.localdate()
    )
    rules.enforce(period, field="quarter")
    if project.returns.filter(period_start=quarter.start).exists():
        rules.enforce(rules.quarter_taken_message(quarter), field="quarter")
    monitoring_return = MonitoringReturn(project=project, period_start=quarter.start, period_end=quarter.end)
    _set_figures(monitoring_return, fields)
    monitoring_return._history_user = author
    monitoring_return._change_reason = "Started the return"
    monitoring_return.save()
    return monitoring_return


@transaction.atomic
def return_update(
    *, editor, monitoring_return: MonitoringReturn, version: int | None, fields: dict
) -> MonitoringReturn:
    """Change a return's figures; a verified return that is changed goes back to the VRU (submitted)."""
    monitoring_return = locked(monitoring_return, "project")
    check_version(monitoring_return, version, "return")
    require(permissions.can_edit_return, editor, monitoring_return, "change", "return")
    _set_figures(monitoring_return, fields)
    reason = "Changed the return"
    if monitoring_return.status == ReviewStatus.VERIFIED:
        monitoring_return.status = ReviewStatus.SUBMITTED
        monitoring_return.submitted_at, monitoring_return.submitted_by = timezone.now(), editor
        reason = "Changed after verification, so sent back to the VRU"
    save_change(monitoring_return, user=editor, reason=reason)
    return monitoring_return


@transaction.atomic
def return_submit(*, monitoring_return: MonitoringReturn, user, version: int | None) -> MonitoringReturn:
    """Send a draft or returned monitoring return to the VRU for verification."""
    monitoring_return = locked(monitoring_return, "project")
    check_version(monitoring_return, version, "return")
    require(permissions.can_submit_return, user, monitoring_return, "submit", "return")
    monitoring_return.status = ReviewStatus.SUBMITTED
    monitoring_return.submitted_at, monitoring_return.submitted_by = timezone.now(), user
    save_change(monitoring_return, user=user, reason="Submitted for verification")
    return monitoring_return


@transaction.atomic
def return_delete(*, monitoring_return: MonitoringReturn, user, version: int | None) -> None:
    """Delete a draft monitoring return; its history stays."""
    monitoring_return = locked(monitoring_return, "project")
    check_version(monitoring_return, version, "return")
    require(permissions.can_delete_return, user, monitoring_return, "delete", "return")
    monitoring_return._history_user = user
    monitoring_return._change_reason = "Deleted the draft"
    monitoring_return.delete()
