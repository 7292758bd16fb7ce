"""Bad input gets a clear message at its field and in the error summary, keeps what was typed, and saves nothing."""

from datetime import date

import pytest
from django.urls import reverse

from boroughs.models import Borough, Place
from boroughs.tests.factories import PlaceFactory
from programmes.models import ConsortiumRole, InterventionType, MonitoringReturn, Project, ProjectStatus
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory
from programmes.tests.forms_data import project_form_data, return_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def where(partnership):
    """Brent and its Chalkhill estate (real facts), and a kind of work."""
    return {
        "borough": Borough.objects.get(name="Brent"),
        "place": Place.objects.get(name="Chalkhill"),
        "kind": InterventionType.objects.get(slug="mentoring"),
    }


def create(client, youth_lead, where, **overrides):
    data = project_form_data(
        lead_organisation=youth_lead.organisation,
        boroughs=[where["borough"]],
        places=[where["place"]],
        intervention_types=[where["kind"]],
    )
    data.update(overrides)
    return client.post(reverse("programmes:project-create"), data)


def assert_refused_at(response, field_id: str, message: str):
    """The message is at the field (its error id) and linked from the summary; the page says Error."""
    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="govuk-error-summary"' in page
    assert f'href="#{field_id}">{message}</a>' in page, page[page.find("govuk-error-summary__list") :][:800]
    assert page.count(message) >= 2
    assert "<title>Error:" in page


@pytest.mark.parametrize(
    ("overrides", "field_id", "message"),
    [
        (
            {"end_date_0": "31", "end_date_1": "3", "end_date_2": "2025"},
            "id_end_date_0",
            "The end date must be the same as or after the start date",
        ),
        (
            {"age_min": "19", "age_max": "11"},
            "id_age_max",
            "The oldest age must be the same as or above the youngest age",
        ),
        ({"age_min": "-1"}, "id_age_min", "The youngest age cannot be negative"),
        ({"target_reach": "-5"}, "id_target_reach", "The target cannot be negative"),
        ({"funding_amount": "-10"}, "id_funding_amount", "The funding amount cannot be negative"),
        (
            {"start_date_0": "31", "start_date_1": "2", "start_date_2": "2025"},
            "id_start_date_0",
            "Start date must be a real date",
        ),
        (
            {"start_date_0": "1", "start_date_1": "2147483648", "start_date_2": "2025"},
            "id_start_date_0",
            "Start date must be a real date",
        ),
        ({"title": ""}, "id_title", "Enter the project name"),
        ({"boroughs": []}, "id_boroughs_1", "Choose at least one borough"),
    ],
    ids=[
        "end before start",
        "ages reversed",
        "negative age",
        "negative target",
        "negative funding",
        "no such day",
        "month too big for the machine",
        "no title",
        "no borough",
    ],
)
def test_a_project_form_error_is_shown_at_its_field_and_nothing_is_saved(
    youth_lead_client, youth_lead, where, overrides, field_id, message
):
    response = create(youth_lead_client, youth_lead, where, **overrides)
    assert_refused_at(response, field_id, message)
    assert "Mentoring on the estate.</textarea>" in response.content.decode()  # the rest of the input is kept
    assert not Project.objects.filter(title="Estate mentoring").exists()


def test_a_place_outside_the_chosen_boroughs_is_refused_at_the_places_field(youth_lead_client, youth_lead, where):
    elsewhere = PlaceFactory(name="Hackney Wick", borough=Borough.objects.get(name="Hackney"))
    response = create(youth_lead_client, youth_lead, where, places=[str(where["place"].pk), str(elsewhere.pk)])
    assert_refused_at(
        response,
        "id_places_1",
        "Hackney Wick (Hackney) is not in the boroughs you chose: choose the borough too, or remove the place.",
    )
    page = response.content.decode()
    assert f'value="{elsewhere.pk}" checked' in page  # the places ticked stay ticked
    assert not Project.objects.filter(title="Estate mentoring").exists()


def test_a_place_that_crosses_into_a_chosen_borough_is_accepted(youth_lead_client, youth_lead, where):
    road = PlaceFactory(name="Harrow Road", borough=Borough.objects.get(name="Westminster"))
    road.also_in_boroughs.add(where["borough"])
    response = create(youth_lead_client, youth_lead, where, places=[str(road.pk)])
    assert response.status_code == 302
    assert list(Project.objects.get(title="Estate mentoring").places.all()) == [road]


def test_a_project_for_another_organisation_without_yours_in_it_is_refused(youth_lead_client, youth_lead, where):
    other = ProjectFactory().lead_organisation
    response = create(youth_lead_client, youth_lead, where, lead_organisation=str(other.pk))
    assert response.status_code == 200
    assert (
        "Your organisation, Hyde, must lead this project or be a member of its consortium." in response.content.decode()
    )
    assert not Project.objects.filter(title="Estate mentoring").exists()


def test_the_lead_cannot_also_be_a_consortium_member(youth_lead_client, youth_lead, where):
    response = create(
        youth_lead_client,
        youth_lead,
        where,
        **{
            "consortium-TOTAL_FORMS": "1",
            "consortium-0-organisation": str(youth_lead.organisation_id),
            "consortium-0-role": ConsortiumRole.HOUSING_PARTNER,
        },
    )
    assert "Hyde leads the project, so it cannot also be a consortium member: remove it." in response.content.decode()
    assert not Project.objects.filter(title="Estate mentoring").exists()


def test_an_organisation_chosen_twice_in_the_consortium_is_refused_at_the_second_row(
    youth_lead_client, youth_lead, where
):
    other = ProjectFactory().lead_organisation
    rows = {
        "consortium-TOTAL_FORMS": "2",
        "consortium-0-organisation": str(other.pk),
        "consortium-0-role": ConsortiumRole.FUNDER,
        "consortium-1-organisation": str(other.pk),
        "consortium-1-role": ConsortiumRole.FUNDER,
    }
    response = create(youth_lead_client, youth_lead, where, **rows)
    assert_refused_at(
        response, "id_consortium-1-organisation", "This organisation is already in the consortium: choose it once"
    )
    assert not Project.objects.filter(title="Estate mentoring").exists()


def test_bad_input_on_an_edit_loses_nothing_already_saved(youth_lead_client, youth_lead, where):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT, title="Kept")
    data = project_form_data(
        title="Changed", boroughs=[where["borough"]], intervention_types=[where["kind"]], age_min="-3", version=1
    )
    response = youth_lead_client.post(reverse("programmes:project-edit", args=[project.pk]), data)
    assert_refused_at(response, "id_age_min", "The youngest age cannot be negative")
    project.refresh_from_db()
    assert (project.title, project.age_min, project.version) == ("Kept", 11, 1)


def test_the_second_of_two_people_editing_at_once_is_told_and_the_first_save_stands(client, youth_lead, where):
    """Both opened version 1; the first save wins; the second sees why, with their own input still in the form."""
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT, version=1)
    client.force_login(youth_lead)
    edit = reverse("programmes:project-edit", args=[project.pk])
    common = {"boroughs": [where["borough"]], "intervention_types": [where["kind"]], "version": 1}
    assert client.post(edit, project_form_data(title="First person's title", **common)).status_code == 302

    response = client.post(edit, project_form_data(title="Second person's title", **common))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this project after you opened it" in page
    assert 'value="Second person&#x27;s title"' in page
    project.refresh_from_db()
    assert (project.title, project.version) == ("First person's title", 2)
    assert [record.title for record in project.history.filter(history_type="~")] == ["First person's title"]


def test_a_return_for_a_quarter_outside_the_project_is_refused_at_the_quarter(youth_lead_client, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, start_date=date(2025, 4, 1))
    response = youth_lead_client.post(
        reverse("programmes:return-create", args=[project.pk]), return_form_data(quarter_start=date(2024, 10, 1))
    )
    assert_refused_at(
        response,
        "id_quarter",
        "2024–25 Q3 is outside the project&#x27;s dates (1 April 2025 to 31 March 2027): "
        "choose a quarter the project runs in.",
    )
    assert 'value="40"' in response.content.decode()
    assert not MonitoringReturn.objects.exists()


def test_a_second_return_for_the_same_quarter_is_refused_and_the_first_is_untouched(youth_lead_client, youth_lead):
    first = MonitoringReturnFactory(
        project=ProjectFactory(lead_organisation=youth_lead.organisation), young_people_reached=25
    )
    response = youth_lead_client.post(
        reverse("programmes:return-create", args=[first.project.pk]),
        return_form_data(quarter_start=first.period_start, reached="90"),
    )
    assert_refused_at(
        response, "id_quarter", "This project already has a return for 2025–26 Q1: change that one instead."
    )
    first.refresh_from_db()
    assert (MonitoringReturn.objects.count(), first.young_people_reached) == (1, 25)


def test_a_return_for_a_quarter_that_has_not_started_is_refused(youth_lead_client, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, end_date=date(2099, 3, 31))
    response = youth_lead_client.post(
        reverse("programmes:return-create", args=[project.pk]), return_form_data(quarter_start=date(2098, 4, 1))
    )
    assert_refused_at(response, "id_quarter", "2098–99 Q1 has not started yet: make its return once it has.")


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("reached", "Young people reached cannot be negative"),
        ("sessions", "Sessions delivered cannot be negative"),
        ("families", "Families reached cannot be negative"),
    ],
)
def test_negative_counts_on_a_return_are_refused_at_their_field(youth_lead_client, youth_lead, field, message):
    project = ProjectFactory(lead_organisation=youth_lead.organisation)
    response = youth_lead_client.post(
        reverse("programmes:return-create", args=[project.pk]),
        return_form_data(quarter_start=date(2025, 4, 1), **{field: "-2"}),
    )
    field_ids = {"reached": "young_people_reached", "sessions": "sessions_delivered", "families": "families_reached"}
    assert_refused_at(response, f"id_{field_ids[field]}", message)
    assert not MonitoringReturn.objects.exists()


def test_a_quarter_that_is_not_a_quarter_is_refused(youth_lead_client, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation)
    data = return_form_data()
    data["quarter"] = "2025-05-17"
    response = youth_lead_client.post(reverse("programmes:return-create", args=[project.pk]), data)
    assert_refused_at(response, "id_quarter", "Choose a quarter from the list")


def test_returning_work_without_a_comment_is_refused_at_the_comment(programme_manager_client):
    project = ProjectFactory(status=ProjectStatus.SUBMITTED, version=1)
    response = programme_manager_client.post(
        reverse("programmes:project-review", args=[project.pk]), {"decision": "send_back", "comment": " ", "version": 1}
    )
    assert_refused_at(response, "id_comment", "Say what needs to change before you return it")
    project.refresh_from_db()
    assert project.status == ProjectStatus.SUBMITTED


def test_a_stale_submit_button_is_told_not_obeyed(youth_lead_client, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT, version=3)
    response = youth_lead_client.post(
        reverse("programmes:project-submit", args=[project.pk]), {"version": 2}, follow=True
    )
    assert "Someone else changed this project after you opened it" in response.content.decode()
    project.refresh_from_db()
    assert project.status == ProjectStatus.DRAFT


def test_removing_your_own_organisation_from_the_consortium_is_refused(youth_lead_client, youth_lead, where):
    project = ProjectFactory(status=ProjectStatus.DRAFT, version=1)
    ConsortiumMemberFactory(project=project, organisation=youth_lead.organisation)
    data = project_form_data(boroughs=[where["borough"]], intervention_types=[where["kind"]], version=1)
    response = youth_lead_client.post(reverse("programmes:project-edit", args=[project.pk]), data)
    assert (
        "Your organisation, Hyde, must lead this project or be a member of its consortium." in response.content.decode()
    )
    assert project.consortium_members.filter(organisation=youth_lead.organisation).exists()
