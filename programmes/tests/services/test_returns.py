"""Return services: a whole quarter, who submitted it, and an edit after verification goes back to the VRU."""

from datetime import date

import pytest

from core.errors import PortalError
from programmes.models import ReviewStatus
from programmes.periods import Quarter
from programmes.services.returns import return_create, return_submit, return_update
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_return_records_who_submitted_it_and_an_edit_after_verification_goes_back(youth_lead):
    monitoring_return = MonitoringReturnFactory(
        project=ProjectFactory(lead_organisation=youth_lead.organisation), status=ReviewStatus.DRAFT, version=1
    )
    submitted = return_submit(monitoring_return=monitoring_return, user=youth_lead, version=1)
    assert (submitted.status, submitted.submitted_by) == (ReviewStatus.SUBMITTED, youth_lead)

    submitted.status = ReviewStatus.VERIFIED
    submitted.save()
    fields = {"young_people_reached": 31, "sessions_delivered": 4, "families_reached": 0, "narrative": ""}
    changed = return_update(editor=youth_lead, monitoring_return=submitted, version=2, fields=fields)
    assert (changed.status, changed.young_people_reached) == (ReviewStatus.SUBMITTED, 31)


def test_a_return_is_made_for_the_whole_quarter(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation)
    fields = {"young_people_reached": 5, "sessions_delivered": 1, "families_reached": 0, "narrative": ""}
    made = return_create(
        author=youth_lead, project=project, quarter=Quarter.containing(date(2025, 11, 5)), fields=fields
    )
    assert (made.period_start, made.period_end, made.status) == (date(2025, 10, 1), date(2025, 12, 31), "draft")
    assert made.history.get().history_user == youth_lead


def test_a_negative_figure_is_refused_at_its_field(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation)
    fields = {"young_people_reached": 5, "sessions_delivered": -1, "families_reached": 0, "narrative": ""}
    with pytest.raises(PortalError) as refused:
        return_create(author=youth_lead, project=project, quarter=Quarter.containing(date(2025, 4, 1)), fields=fields)
    assert (refused.value.field, refused.value.message) == (
        "sessions_delivered",
        "Sessions delivered cannot be negative",
    )
    assert not project.returns.exists()
