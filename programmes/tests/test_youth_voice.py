"""The youth voice log: recording "you said, we did" sessions, the rules on them, and who may change them."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from boroughs.models import Borough, Place
from boroughs.tests.factories import PlaceFactory
from core.errors import PortalError
from programmes.models import FollowUpStatus, ProjectStatus, YouthVoiceSession
from programmes.portal_services import YouthVoiceSessionDetails, youth_voice_session_record, youth_voice_session_update
from programmes.tests.factories import ProjectFactory, YouthVoiceSessionFactory

pytestmark = pytest.mark.django_db

BRENT, SOUTHWARK = "E09000005", "E09000028"


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


def _form_data(**changes) -> dict:
    return {
        "title": "Church End co-design day",
        "date_0": "14",
        "date_1": "2",
        "date_2": "2026",
        "borough": str(Borough.objects.get(gss_code=BRENT).pk),
        "places": [str(Place.objects.get(name="Church End").pk)],
        "young_people": "22",
        "you_said": "Longer opening hours at the youth centre.",
        "follow_up_status": FollowUpStatus.NOT_STARTED,
        **changes,
    }


def test_a_youth_lead_records_a_session_through_the_form(youth_lead_client, youth_lead):
    response = youth_lead_client.post(reverse("programmes:youth-voice-create"), _form_data())
    session = YouthVoiceSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session.get_absolute_url()
    assert session.recorded_by_organisation == youth_lead.organisation
    assert session.date == date(2026, 2, 14)
    assert [place.name for place in session.places.all()] == ["Church End"]


def test_a_bad_answer_is_shown_at_its_field_and_the_rest_is_kept(youth_lead_client):
    response = youth_lead_client.post(
        reverse("programmes:youth-voice-create"), _form_data(young_people="lots", date_2="2099")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter how many young people took part as a whole number, like 12" in page
    assert 'href="#id_young_people"' in page
    assert "Longer opening hours at the youth centre." in page
    assert not YouthVoiceSession.objects.exists()


def test_a_rule_broken_across_fields_is_shown_at_the_field(youth_lead_client):
    response = youth_lead_client.post(
        reverse("programmes:youth-voice-create"), _form_data(follow_up_status=FollowUpStatus.REPORTED_BACK)
    )
    assert response.context["form"].errors == {"we_did": ["Say what changed before marking the session reported back."]}
    assert not YouthVoiceSession.objects.exists()


def test_opening_the_form_from_a_place_fills_in_the_place_and_borough(youth_lead_client):
    stonebridge = Place.objects.get(name="Stonebridge")
    form = youth_lead_client.get(reverse("programmes:youth-voice-create"), {"place": stonebridge.pk}).context["form"]
    assert form.initial["borough"] == stonebridge.borough_id
    assert form.initial["places"] == [stonebridge.pk]


def test_another_organisation_can_neither_open_nor_post_the_edit_form(other_youth_lead_client, youth_lead):
    session = YouthVoiceSessionFactory(
        borough=Borough.objects.get(gss_code=BRENT), recorded_by_organisation=youth_lead.organisation
    )
    url = reverse("programmes:youth-voice-update", args=[session.pk])
    assert other_youth_lead_client.get(url).status_code == 403
    assert other_youth_lead_client.post(url, _form_data(title="Taken over")).status_code == 403
    session.refresh_from_db()
    assert session.title != "Taken over"
    detail = other_youth_lead_client.get(session.get_absolute_url())
    assert detail.status_code == 200
    assert url not in detail.content.decode()


def test_vru_staff_update_any_session(programme_manager_client):
    session = YouthVoiceSessionFactory(borough=Borough.objects.get(gss_code=BRENT))
    response = programme_manager_client.post(
        reverse("programmes:youth-voice-update", args=[session.pk]),
        _form_data(we_did="The centre now opens until 9pm.", follow_up_status=FollowUpStatus.REPORTED_BACK),
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.follow_up_status == FollowUpStatus.REPORTED_BACK


def test_sessions_show_on_their_place_borough_and_project_pages(youth_lead_client):
    stonebridge = Place.objects.get(name="Stonebridge")
    project = ProjectFactory(places=[stonebridge])
    YouthVoiceSessionFactory(
        title="Stonebridge forum", borough=stonebridge.borough, places=[stonebridge], projects=[project]
    )
    for page in (stonebridge, stonebridge.borough, project):
        content = youth_lead_client.get(page.get_absolute_url()).content.decode()
        assert "Stonebridge forum" in content, page
    assert f"{reverse('programmes:youth-voice-create')}?project={project.pk}" in content


@pytest.mark.parametrize("field", ["date_1", "follow_up_date_1"])
def test_a_date_part_too_large_for_the_machine_is_refused_at_its_field(youth_lead_client, field):
    data = _form_data(follow_up_date_0="1", follow_up_date_1="6", follow_up_date_2="2026") | {field: "2147483648"}
    response = youth_lead_client.post(reverse("programmes:youth-voice-create"), data)
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()
    assert not YouthVoiceSession.objects.exists()
