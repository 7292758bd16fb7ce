"""Each page's queries are pinned at two data sizes: the count must not grow with the data (no N+1).

Every signed-in page spends four queries on the session and the user: reading the session and the user,
the user's organisation for the header, and saving the session (SESSION_SAVE_EVERY_REQUEST).
"""

from datetime import date

import pytest
from django.urls import reverse

from boroughs.tests.factories import BoroughFactory, PlaceFactory
from partners.tests.factories import OrganisationFactory
from programmes.models import ConsortiumRole, ProjectStatus
from programmes.periods import quarters_between
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    InterventionTypeFactory,
    MonitoringReturnFactory,
    ProjectFactory,
    YouthVoiceSessionFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [2, 12]


def busy_project(size: int, lead, status=ProjectStatus.VERIFIED):
    """A project with `size` boroughs, places, kinds of work, consortium members, edits and returns."""
    boroughs = [BoroughFactory() for _ in range(size)]
    project = ProjectFactory(
        lead_organisation=lead,
        status=status,
        start_date=date(2022, 4, 1),
        end_date=date(2027, 3, 31),
        boroughs=boroughs,
        places=[PlaceFactory(borough=borough) for borough in boroughs],
        intervention_types=[InterventionTypeFactory() for _ in range(size)],
    )
    for index in range(size):
        ConsortiumMemberFactory(project=project, role=ConsortiumRole.DELIVERY_PARTNER)
        project.title = f"Edited {index}"
        project.save()
    for quarter in quarters_between(date(2022, 4, 1), date(2025, 3, 31))[:size]:
        MonitoringReturnFactory(project=project, period_start=quarter.start, period_end=quarter.end, status="verified")
    for borough in boroughs:
        YouthVoiceSessionFactory(
            borough=borough, places=list(borough.places.all()), organisations=[lead], projects=[project]
        )
    return project


def get(client, url, django_assert_max_num_queries, most):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("size", SIZES)
def test_project_page(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    project = busy_project(size, youth_lead.organisation)
    url = reverse("programmes:project-detail", args=[project.pk])
    # 21 for the project itself, four for its youth voice sessions (with places, organisations and projects).
    page = get(youth_lead_client, url, django_assert_max_num_queries, 25).content.decode()
    assert page.count("Added ") == size  # every consortium member's arrival is in the history


@pytest.mark.parametrize("size", SIZES)
def test_project_edit_form(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    project = busy_project(size, youth_lead.organisation)
    get(youth_lead_client, reverse("programmes:project-edit", args=[project.pk]), django_assert_max_num_queries, 19)


@pytest.mark.parametrize("size", SIZES)
def test_project_create_form(youth_lead_client, django_assert_max_num_queries, size):
    for _ in range(size):
        PlaceFactory()
        OrganisationFactory()
    get(youth_lead_client, reverse("programmes:project-create"), django_assert_max_num_queries, 15)


@pytest.mark.parametrize("size", SIZES)
def test_organisation_page(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    for _ in range(size):
        busy_project(2, youth_lead.organisation)
        ConsortiumMemberFactory(organisation=youth_lead.organisation)
    url = reverse("programmes:organisation-detail", args=[youth_lead.organisation_id])
    page = get(youth_lead_client, url, django_assert_max_num_queries, 12).content.decode()
    assert "Overdue" in page


@pytest.mark.parametrize("size", SIZES)
def test_return_page_and_form(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    project = busy_project(size, youth_lead.organisation)
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


@pytest.mark.parametrize("size", SIZES)
def test_review_queue_and_review_form(programme_manager_client, django_assert_max_num_queries, size):
    for _ in range(size):
        project = ProjectFactory(status=ProjectStatus.SUBMITTED)
        MonitoringReturnFactory(project=project, status="submitted")
    page = get(programme_manager_client, reverse("programmes:review-queue"), django_assert_max_num_queries, 10)
    assert page.content.decode().count("Review<span") == 2 * size
    get(
        programme_manager_client,
        reverse("programmes:project-review", args=[project.pk]),
        django_assert_max_num_queries,
        11,
    )
    get(programme_manager_client, reverse("home"), django_assert_max_num_queries, 8)
