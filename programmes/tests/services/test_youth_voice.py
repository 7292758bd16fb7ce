"""Recording and updating youth voice sessions: the rules on them, and who may change them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from boroughs.models import Borough, Place
from boroughs.tests.factories import PlaceFactory
from core.errors import PortalError
from programmes.models import FollowUpStatus, ProjectStatus, YouthVoiceSession
from programmes.services.youth_voice import (
    YouthVoiceSessionDetails,
    youth_voice_session_record,
    youth_voice_session_update,
)
from programmes.tests.factories import BRENT, ProjectFactory, YouthVoiceSessionFactory

pytestmark = pytest.mark.django_db

SOUTHWARK = "E09000028"


def _details(**changes) -> YouthVoiceSessionDetails:
    values = {
        "title": "Stonebridge youth forum",
        "date": date(2026, 3, 27),
        "borough": Borough.objects.get(gss_code=BRENT),
        "young_people": 14,
        "you_said": "Somewhere warm to meet on winter evenings.",
        **changes,
    }
    return YouthVoiceSessionDetails(**values)


def test_recording_keeps_the_recorders_organisation_and_the_links(youth_lead):
    stonebridge = Place.objects.get(name="Stonebridge")
    one_flow = ProjectFactory(title="Linked work")
    session = youth_voice_session_record(
        recorded_by=youth_lead,
        details=_details(places=(stonebridge,), organisations=(youth_lead.organisation,), projects=(one_flow,)),
    )
    assert session.recorded_by == youth_lead
    assert session.recorded_by_organisation == youth_lead.organisation
    assert list(session.places.all()) == [stonebridge]
    assert list(session.projects.all()) == [one_flow]
    assert session.history.first().history_change_reason == "Recorded"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": timezone.localdate() + timedelta(days=1)}, "date"),
        ({"follow_up_date": date(2026, 3, 1)}, "follow_up_date"),
        ({"follow_up_status": FollowUpStatus.REPORTED_BACK, "we_did": "  "}, "we_did"),
    ],
)
def test_a_session_breaking_a_rule_is_refused_at_its_field(programme_manager, changes, field):
    with pytest.raises(PortalError) as refused:
        youth_voice_session_record(recorded_by=programme_manager, details=_details(**changes))
    assert refused.value.field == field
    assert not YouthVoiceSession.objects.exists()


def test_places_must_be_in_the_borough_or_cross_into_it(programme_manager):
    southwark = Borough.objects.get(gss_code=SOUTHWARK)
    elsewhere = PlaceFactory(borough=southwark, name="Walworth Road")
    with pytest.raises(PortalError) as refused:
        youth_voice_session_record(recorded_by=programme_manager, details=_details(places=(elsewhere,)))
    assert refused.value.field == "places"
    elsewhere.also_in_boroughs.add(Borough.objects.get(gss_code=BRENT))
    assert youth_voice_session_record(recorded_by=programme_manager, details=_details(places=(elsewhere,))).pk


def test_an_update_keeps_links_to_projects_the_editor_cannot_see(youth_lead, other_youth_lead):
    hidden = ProjectFactory(status=ProjectStatus.DRAFT, lead_organisation=other_youth_lead.organisation)
    session = YouthVoiceSessionFactory(
        borough=Borough.objects.get(gss_code=BRENT), projects=[hidden], organisations=[youth_lead.organisation]
    )
    youth_voice_session_update(
        session=session,
        changed_by=youth_lead,
        details=_details(we_did="A winter club opened.", follow_up_status=FollowUpStatus.REPORTED_BACK),
    )
    session.refresh_from_db()
    assert session.we_did == "A winter club opened."
    assert list(session.projects.all()) == [hidden]


def test_the_service_refuses_an_update_from_an_organisation_not_involved(other_youth_lead):
    session = YouthVoiceSessionFactory(borough=Borough.objects.get(gss_code=BRENT))
    with pytest.raises(PortalError):
        youth_voice_session_update(session=session, changed_by=other_youth_lead, details=_details())
