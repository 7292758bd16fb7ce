"""Return pages: the form's errors at their fields, where deleting a draft leads, and queries that do not grow."""

from datetime import date

import pytest
from django.urls import reverse

from programmes.models import MonitoringReturn
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory
from programmes.tests.forms_data import return_form_data
from programmes.tests.views.refusals import assert_refused_at

pytestmark = pytest.mark.django_db


def test_deleting_a_draft_return_goes_back_to_its_project(youth_lead_client, youth_lead):
    draft_return = MonitoringReturnFactory(project=ProjectFactory(lead_organisation=youth_lead.organisation), version=1)
    response = youth_lead_client.post(reverse("programmes:return-delete", args=[draft_return.pk]), {"version": 1})
    assert response["Location"] == draft_return.project.get_absolute_url()


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


SIZES = [2, 12]


def get(client, url, django_assert_max_num_queries, most):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("size", SIZES)
def test_return_page_and_form(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    project = ProjectFactory(busy=True, size=size, lead_organisation=youth_lead.organisation)
    monitoring_return = project.returns.last()
    for _ in range(size):
        monitoring_return.narrative += "More."
        monitoring_return.save()
    get(youth_lead_client, monitoring_return.get_absolute_url(), django_assert_max_num_queries, 8)
    get(
        youth_lead_client,
        reverse("programmes:return-edit", args=[monitoring_return.pk]),
        django_assert_max_num_queries,
        7,
    )
    get(youth_lead_client, reverse("programmes:return-create", args=[project.pk]), django_assert_max_num_queries, 12)
