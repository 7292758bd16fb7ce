"""The organisation page: its projects, the returns it owes, its people, and queries that do not grow."""

from datetime import date

import pytest
from django.urls import reverse

from partners.models import Organisation
from programmes.models import ProjectStatus, ReviewStatus
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_organisation_page_shows_its_projects_returns_owed_and_people(youth_lead_client, youth_lead):
    hyde = youth_lead.organisation
    ProjectFactory(lead_organisation=hyde, title="Hyde mentoring", start_date=date(2024, 4, 1))
    page = youth_lead_client.get(hyde.get_absolute_url()).content.decode()
    assert "Hyde mentoring" in page
    assert "One Flow – One Brent" in page  # Hyde is in its consortium
    assert "Overdue" in page and "2024–25 Q1" in page
    assert "lead.hyde" in page
    assert 'href="/programmes/projects/new/"' in page


def test_another_organisations_page_shows_no_draft_of_theirs_and_no_way_to_log_for_them(
    youth_lead_client, other_youth_lead
):
    clarion = other_youth_lead.organisation
    ProjectFactory(lead_organisation=clarion, title="Clarion draft", status=ProjectStatus.DRAFT)
    ProjectFactory(lead_organisation=clarion, title="Clarion verified")
    page = youth_lead_client.get(clarion.get_absolute_url()).content.decode()
    assert "Clarion verified" in page
    assert "Clarion draft" not in page
    assert "Log a project</a>" not in page.split("<main")[1]
    assert ">Start<" not in page


def test_another_organisations_draft_return_is_hidden_from_a_youth_lead_but_not_from_the_vru(
    client, youth_lead, other_youth_lead, programme_manager
):
    """The quarter Clarion owes is listed; that Clarion has a draft for it, and the draft's address, are not."""
    clarion = other_youth_lead.organisation
    project = ProjectFactory(lead_organisation=clarion, title="Clarion verified", start_date=date(2024, 4, 1))
    draft = MonitoringReturnFactory(
        project=project, status=ReviewStatus.DRAFT, period_start=date(2024, 4, 1), period_end=date(2024, 6, 30)
    )
    seen = {}
    for user in (youth_lead, other_youth_lead, programme_manager):
        client.force_login(user)
        seen[user.username] = client.get(clarion.get_absolute_url()).content.decode()
    assert "2024–25 Q1" in seen["lead.hyde"]
    assert draft.get_absolute_url() not in seen["lead.hyde"]
    assert "Return: draft" not in seen["lead.hyde"]
    for owner_or_vru in ("lead.clarion", "pm"):
        assert draft.get_absolute_url() in seen[owner_or_vru]
        assert "Return: draft" in seen[owner_or_vru]


def test_a_merged_organisation_says_what_it_became(youth_lead_client):
    catalyst = Organisation.objects.get(name="Catalyst")
    page = youth_lead_client.get(catalyst.get_absolute_url()).content.decode()
    assert "Merged into" in page and "Peabody" in page


SIZES = [2, 12]


def get(client, url, django_assert_max_num_queries, most):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("size", SIZES)
def test_organisation_page(youth_lead_client, youth_lead, django_assert_max_num_queries, size):
    for _ in range(size):
        ProjectFactory(busy=True, lead_organisation=youth_lead.organisation)
        ConsortiumMemberFactory(organisation=youth_lead.organisation)
    url = reverse("programmes:organisation-detail", args=[youth_lead.organisation_id])
    # The returns owed cost three: their counts, the earliest due with their projects, any returns started.
    page = get(youth_lead_client, url, django_assert_max_num_queries, 13).content.decode()
    assert "Overdue" in page
