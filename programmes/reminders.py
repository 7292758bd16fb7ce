"""Return reminders: youth leads are emailed about returns due within 14 days or overdue, once per return per stage."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.roles import Role
from partners.models import User
from partners.selectors import organisation_now_map
from programmes.selectors.returns import OutstandingReturn, expected_returns_outstanding, outstanding_returns_from

from .models import Project, ReminderStage, ReturnReminder

REMINDER_DAYS_AHEAD = 14
REMINDER_LINES_PER_STAGE = 50


@dataclass(frozen=True)
class _Due:
    """An outstanding return at the stage it has reached today."""

    outstanding: OutstandingReturn
    stage: str

    @property
    def key(self) -> tuple[int, date, str]:
        return self.outstanding.project.pk, self.outstanding.quarter.start, self.stage


def _reminder_recipients() -> dict[int, list[str]]:
    """Each organisation's youth leads' addresses, including those of the organisation it merged into."""
    now = organisation_now_map()
    people: dict[int, list[str]] = defaultdict(list)
    for organisation_id, email in (
        User.objects.filter(role=Role.YOUTH_LEAD, is_active=True, organisation__isnull=False)
        .exclude(email="")
        .values_list("organisation_id", "email")
    ):
        people[organisation_id].append(email)
    return {
        organisation_id: sorted(set(people.get(organisation_id, []) + people.get(now[organisation_id], [])))
        for organisation_id in now
        if people.get(organisation_id) or people.get(now[organisation_id])
    }


def _due_returns(today: date, recipients: dict[int, list[str]]) -> dict[int, list[_Due]]:
    """By lead organisation, its outstanding returns (as the portal's pages count them) that are due within the
    reminder window or overdue and have not been reminded about at that stage."""
    horizon = today + timedelta(days=REMINDER_DAYS_AHEAD)
    rows = expected_returns_outstanding(
        Project.objects.filter(lead_organisation__in=list(recipients)), today=today
    ).filter(due_date__lte=horizon)
    due: dict[int, list[_Due]] = defaultdict(list)
    for item in outstanding_returns_from(rows, today=today):
        due[item.project.lead_organisation_id].append(
            _Due(item, ReminderStage.OVERDUE if item.is_overdue else ReminderStage.DUE_SOON)
        )
    project_ids = {item.outstanding.project.pk for items in due.values() for item in items}
    reminded = set(
        ReturnReminder.objects.filter(project__in=project_ids).values_list("project_id", "period_start", "stage")
    )
    return {
        organisation_id: fresh
        for organisation_id, items in due.items()
        if (fresh := [item for item in items if item.key not in reminded])
    }


def _reminder_email(items: list[_Due], recipients: list[str]) -> EmailMessage:
    lines = ["Hello,", "", "These monitoring returns are not yet submitted on the HAYN Partnership Portal.", ""]
    for stage in (ReminderStage.OVERDUE, ReminderStage.DUE_SOON):
        staged = [item.outstanding for item in items if item.stage == stage]
        if not staged:
            continue
        lines.append(f"{stage.label}:")
        lines += [
            f"- {o.project.title}, {o.quarter}: due {o.due_date.day} {o.due_date:%B %Y}"
            for o in staged[:REMINDER_LINES_PER_STAGE]
        ]
        if len(staged) > REMINDER_LINES_PER_STAGE:
            lines.append(f"- and {len(staged) - REMINDER_LINES_PER_STAGE} more.")
        lines.append("")
    lines += ["Sign in to the portal to complete and submit them.", "", "HAYN Partnership Portal"]
    overdue = sum(item.stage == ReminderStage.OVERDUE for item in items)
    subject = f"Monitoring returns: {overdue} overdue, {len(items) - overdue} due within {REMINDER_DAYS_AHEAD} days"
    return EmailMessage(subject=subject, body="\n".join(lines), to=recipients)


@dataclass
class ReminderReport:
    """What one run sent: emails (one per organisation) and the reminders they carried (one per return)."""

    emails: int = 0
    reminders: int = 0


def reminders_send(*, today: date | None = None) -> ReminderReport:
    """Email each organisation's youth leads about returns due within 14 days or overdue, once per return per stage.

    Each organisation's reminders are recorded and its email sent in one transaction: if sending fails nothing
    is recorded (so the next run tries again), and a run that restarts, or runs twice, finds them recorded.
    """
    today = today or timezone.localdate()
    recipients = _reminder_recipients()
    report = ReminderReport()
    for lead_id, items in _due_returns(today, recipients).items():
        try:
            with transaction.atomic():
                ReturnReminder.objects.bulk_create(
                    [
                        ReturnReminder(
                            project_id=project_id,
                            period_start=period_start,
                            stage=stage,
                            recipients="\n".join(recipients[lead_id]),
                        )
                        for project_id, period_start, stage in (item.key for item in items)
                    ]
                )
                _reminder_email(items, recipients[lead_id]).send()
        except IntegrityError:
            continue  # Another run recorded (and sent) these first.
        report.emails += 1
        report.reminders += len(items)
    return report
