"""The VRU's review of submitted projects and returns: verify them, or send them back with a comment."""

from django.db import transaction
from django.utils import timezone

from .. import permissions, rules
from ..models import MonitoringReturn, Project, ProjectStatus, ReviewStatus
from .changes import check_version, locked, require, save_change


def _review(obj, *, reviewer, version: int | None, predicate, noun: str, status: str, comment: str, reason: str):
    obj = locked(obj)
    check_version(obj, version, noun)
    require(predicate, reviewer, obj, "review", noun)
    obj.status, obj.review_comment = status, comment
    obj.reviewed_at, obj.reviewed_by = timezone.now(), reviewer
    save_change(obj, user=reviewer, reason=reason)
    return obj


def _comment_required(comment: str) -> None:
    rules.enforce(rules.send_back_without_comment(comment), field="comment")


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
