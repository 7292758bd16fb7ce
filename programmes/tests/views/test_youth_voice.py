"""The youth voice pages: recording through the form, errors at their fields, who may edit, where sessions show."""

from datetime import date

import pytest
from django.urls import reverse

from boroughs.models import Borough, Place
from programmes.models import FollowUpStatus, YouthVoiceSession
from programmes.tests.factories import BRENT, ProjectFactory, YouthVoiceSessionFactory

pytestmark = pytest.mark.django_db


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
