"""Each portal permission predicate allows and denies the roles it should."""

import pytest

from hayn_portal.roles import Role
from partners.tests.factories import UserFactory
from programmes.permissions import can_edit_youth_voice_session, can_record_youth_voice_session, can_view_dashboard
from programmes.tests.factories import YouthVoiceSessionFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_is_for_vru_staff_and_administrators(
    programme_manager, programme_coordinator, administrator, youth_lead
):
    assert can_view_dashboard(programme_manager)
    assert can_view_dashboard(programme_coordinator)
    assert can_view_dashboard(administrator)
    assert not can_view_dashboard(youth_lead)


def test_vru_staff_and_youth_leads_record_sessions(programme_coordinator, youth_lead):
    assert can_record_youth_voice_session(programme_coordinator)
    assert can_record_youth_voice_session(youth_lead)


def test_an_account_that_is_neither_vru_staff_nor_a_youth_lead_records_nothing():
    bystander = UserFactory(role=Role.ADMINISTRATOR, organisation=None)
    assert not can_record_youth_voice_session(bystander)
    assert not can_view_dashboard(bystander)
    assert not can_edit_youth_voice_session(bystander, YouthVoiceSessionFactory())


def test_a_youth_lead_edits_sessions_their_organisation_recorded_or_took_part_in(youth_lead, other_youth_lead):
    recorded = YouthVoiceSessionFactory(recorded_by_organisation=youth_lead.organisation)
    took_part = YouthVoiceSessionFactory(organisations=[youth_lead.organisation])
    assert can_edit_youth_voice_session(youth_lead, recorded)
    assert can_edit_youth_voice_session(youth_lead, took_part)
    assert not can_edit_youth_voice_session(other_youth_lead, recorded)
    assert not can_edit_youth_voice_session(other_youth_lead, took_part)


def test_vru_staff_edit_any_session(programme_manager):
    assert can_edit_youth_voice_session(programme_manager, YouthVoiceSessionFactory())
