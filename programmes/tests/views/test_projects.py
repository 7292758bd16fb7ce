"""Project pages: the actions offered to each person, the history, form errors at their fields, fixed queries."""

import pytest
from django.urls import reverse

from boroughs.models import Borough, Place
from boroughs.tests.factories import PlaceFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory
from programmes import rules
from programmes.models import ConsortiumRole, InterventionType, Project, ProjectStatus
from programmes.tests.factories import ConsortiumMemberFactory, ProjectFactory
from programmes.tests.forms_data import project_form_data
from programmes.tests.views.refusals import assert_refused_at

pytestmark = pytest.mark.django_db


ACTIONS = (
    "Submit for verification",
    "Review this project",
    "Change the project",
    "Make a monitoring return",
    "Delete the draft",
)


def offered(client, project) -> set[str]:
    page = client.get(project.get_absolute_url()).content.decode()
    return {action for action in ACTIONS if action in page}


def test_the_page_offers_a_youth_lead_only_their_own_organisations_actions(youth_lead_client, youth_lead):
    own_draft = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.DRAFT)
    others_verified = ProjectFactory(status=ProjectStatus.VERIFIED)
    own_verified = ProjectFactory(lead_organisation=youth_lead.organisation, status=ProjectStatus.VERIFIED)
    assert offered(youth_lead_client, own_draft) == {
        "Submit for verification",
        "Change the project",
        "Delete the draft",
    }
    assert offered(youth_lead_client, own_verified) == {"Change the project", "Make a monitoring return"}
    assert offered(youth_lead_client, others_verified) == set()


def test_the_page_offers_vru_staff_the_review(programme_manager_client):
    submitted = ProjectFactory(status=ProjectStatus.SUBMITTED)
    assert offered(programme_manager_client, submitted) == {"Review this project"}


def test_the_history_shows_consortium_changes_and_who_made_them(youth_lead_client, youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation)
    member = ConsortiumMemberFactory(project=project)
    member._history_user = youth_lead
    member.delete()
    page = youth_lead_client.get(project.get_absolute_url()).content.decode()
    assert f"Removed {member.organisation} from the consortium" in page
    assert "by lead.hyde, Hyde" in page


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
        "Hackney Wick (Hackney) is not in a borough you chose: choose its borough, or remove the place.",
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


@pytest.mark.parametrize("hyde_in_consortium", [False, True])
def test_a_youth_lead_cannot_make_another_organisation_the_lead_even_with_theirs_in_the_consortium(
    youth_lead_client, youth_lead, where, hyde_in_consortium
):
    """The lead rule (programmes.rules.lead_of_another_organisation) at the form's field, as the importer says."""
    peabody = Organisation.objects.get(name="Peabody")
    consortium = {
        "consortium-TOTAL_FORMS": "1",
        "consortium-0-organisation": str(youth_lead.organisation_id),
        "consortium-0-role": ConsortiumRole.DELIVERY_PARTNER,
    }
    response = create(
        youth_lead_client,
        youth_lead,
        where,
        lead_organisation=str(peabody.pk),
        **(consortium if hyde_in_consortium else {}),
    )
    assert_refused_at(
        response, "id_lead_organisation", rules.lead_of_another_organisation(peabody, "Hyde", names_any_lead=False)
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


SIZES = [2, 12]


def get(client, url, django_assert_max_num_queries, most):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("size", SIZES)
def test_project_page(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    project = ProjectFactory(busy=True, size=size, lead_organisation=youth_lead.organisation)
    url = reverse("programmes:project-detail", args=[project.pk])
    # 21 for the project itself, four for its youth voice sessions (with places, organisations and projects),
    # two for its reach trajectory.
    page = get(youth_lead_client, url, django_assert_max_num_queries, 27).content.decode()
    assert page.count("Added ") == size  # every consortium member's arrival is in the history


@pytest.mark.parametrize("size", SIZES)
def test_project_edit_form(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    project = ProjectFactory(busy=True, size=size, lead_organisation=youth_lead.organisation)
    get(youth_lead_client, reverse("programmes:project-edit", args=[project.pk]), django_assert_max_num_queries, 19)


@pytest.mark.parametrize("size", SIZES)
def test_project_create_form(youth_lead_client, django_assert_max_num_queries, size):
    for _ in range(size):
        PlaceFactory()
        OrganisationFactory()
    get(youth_lead_client, reverse("programmes:project-create"), django_assert_max_num_queries, 15)
