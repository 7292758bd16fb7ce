"""Return reminders: once per return per stage, to youth leads only, recorded once sent; the task runs twice safely."""

from datetime import date

import pytest
from django.core import mail
from django.db import OperationalError

from core.roles import Role
from core.tasks import MAX_ATTEMPTS
from partners.models import Organisation
from partners.tests.factories import UserFactory
from programmes import tasks
from programmes.models import Project, ReminderStage, ReturnReminder, ReviewStatus
from programmes.reminders import reminders_send
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leads_with_returns_due(partnership):
    """Hyde and Peabody each lead a project whose 2025–26 Q1 return (due 30 July 2025) is outstanding."""
    hyde, peabody = Organisation.objects.get(name="Hyde"), Organisation.objects.get(name="Peabody")
    for organisation in (hyde, peabody):
        UserFactory(organisation=organisation, role=Role.YOUTH_LEAD, email=f"lead@{organisation.pk}.example")
        ProjectFactory(lead_organisation=organisation, start_date=date(2025, 4, 1), end_date=date(2025, 9, 30))
    return hyde, peabody


def test_reminders_are_not_sent_twice(leads_with_returns_due):
    first = reminders_send(today=date(2025, 7, 20))  # Due within 14 days.
    assert (first.emails, first.reminders) == (2, 2)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"lead@{organisation.pk}.example" for organisation in leads_with_returns_due
    )
    assert "Due within 14 days" in mail.outbox[0].body
    again = reminders_send(today=date(2025, 7, 20))
    assert (again.emails, len(mail.outbox)) == (0, 2)
    assert ReturnReminder.objects.filter(stage=ReminderStage.DUE_SOON).count() == 2


def test_an_overdue_return_gets_one_more_reminder_at_the_next_stage(leads_with_returns_due):
    reminders_send(today=date(2025, 7, 20))
    overdue = reminders_send(today=date(2025, 8, 1))
    assert overdue.emails == 2
    assert "Overdue" in mail.outbox[-1].body
    assert reminders_send(today=date(2025, 8, 2)).emails == 0


def test_submitted_returns_and_projects_without_youth_leads_get_no_reminder(leads_with_returns_due):
    hyde, _ = leads_with_returns_due
    MonitoringReturnFactory(project=Project.objects.get(lead_organisation=hyde), status=ReviewStatus.SUBMITTED)
    ProjectFactory(start_date=date(2025, 4, 1))  # Its lead has no youth lead to tell.
    report = reminders_send(today=date(2025, 7, 20))
    assert (report.emails, report.reminders) == (1, 1)
    assert not ReturnReminder.objects.filter(project__lead_organisation=hyde).exists()


def test_a_reminder_that_could_not_be_sent_is_not_recorded(monkeypatch, leads_with_returns_due):
    def down(self, fail_silently=False):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", down)
    with pytest.raises(ConnectionError):
        reminders_send(today=date(2025, 7, 20))
    assert not ReturnReminder.objects.exists()
    monkeypatch.undo()
    assert reminders_send(today=date(2025, 7, 20)).emails == 2


# The task --------------------------------------------------------------------------------------------


def test_the_reminder_task_acknowledges_late_and_retries_transient_failures_with_backoff():
    task = tasks.reminders_send_task
    assert task.name == "programmes.reminders_send"
    assert task.acks_late and task.reject_on_worker_lost, task.name
    assert OperationalError in task.autoretry_for and ConnectionError in task.autoretry_for
    assert task.retry_backoff and task.max_retries == MAX_ATTEMPTS - 1


def test_the_reminder_task_is_safe_to_run_twice(monkeypatch, leads_with_returns_due):
    monkeypatch.setattr("programmes.reminders.timezone.localdate", lambda: date(2025, 7, 20))
    tasks.reminders_send_task.delay()
    tasks.reminders_send_task.delay()
    assert len(mail.outbox) == 2
    assert ReturnReminder.objects.count() == 2
