"""Projects through the API: the register's rows and filters, logging, changing and submitting, with the pages'
rules and messages, ETag and If-Match, Idempotency-Key, and history that says "via API"."""

import pytest
from django.urls import reverse

from core.roles import Role
from partners.models import Organisation
from partners.tests.factories import UserFactory
from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.tests.factories import ProjectFactory

from .conftest import client_with_token, database_state, hyde_project, project_body

pytestmark = pytest.mark.django_db

LIST = reverse("api:project-list")


def detail(project) -> str:
    return reverse("api:project-detail", args=[project.pk])


def test_a_youth_lead_logs_a_draft_project_and_reads_it_back_with_its_etag(lead_api, youth_lead):
    response = lead_api.post(LIST, project_body(), format="json")
    assert response.status_code == 201, response.json()
    project = Project.objects.get(title="Estate mentoring")
    assert project.status == ProjectStatus.DRAFT and project.lead_organisation == youth_lead.organisation
    assert response["Location"] == detail(project)
    assert response["ETag"] == f'"project-{project.pk}-v{project.version}"'
    read = lead_api.get(detail(project))
    assert read.status_code == 200 and read["ETag"] == response["ETag"]
    assert read.json()["boroughs"] == project_body()["boroughs"]


def test_history_records_the_token_user_and_says_via_api(lead_api, youth_lead):
    lead_api.post(LIST, project_body(), format="json")
    record = Project.objects.get(title="Estate mentoring").history.get()
    assert record.history_user == youth_lead
    assert record.history_change_reason == "Created the project (via API)"


def test_bad_input_gets_the_project_forms_messages_field_by_field_and_saves_nothing(lead_api):
    before = database_state()
    body = project_body(
        title="", end_date="2024-01-01", age_min=19, age_max=12, target_reach=-5, start_date="2025-02-31"
    )
    response = lead_api.post(LIST, body, format="json")
    assert response.status_code == 400
    errors = {(item["field"], item["message"]) for item in response.json()["errors"]}
    assert ("title", "Enter the project name") in errors
    assert ("start_date", "Start date must be a real date") in errors
    assert ("age_max", "The oldest age must be the same as or above the youngest age") in errors
    assert ("target_reach", "The target cannot be negative") in errors
    assert database_state() == before


def test_a_project_none_of_whose_organisations_is_the_callers_is_refused_with_the_services_message(
    lead_api, other_youth_lead
):
    before = database_state()
    body = project_body(lead_organisation=other_youth_lead.organisation.pk)
    response = lead_api.post(LIST, body, format="json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "lead_organisation" and "organisation" in error["message"]
    assert database_state() == before


def test_the_consortium_rows_are_checked_as_the_formset_checks_them(lead_api):
    clarion = Organisation.objects.get(name="Clarion Housing Group").pk
    rows = [{"organisation": clarion, "role": "delivery_partner"}, {"organisation": clarion, "role": "funder"}]
    response = lead_api.post(LIST, project_body(consortium=rows), format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "consortium[1].organisation",
            "message": "This organisation is already in the consortium: choose it once",
        }
    ]


def test_the_list_is_the_registers_with_its_filters_and_ordering(youth_lead, lead_api, other_youth_lead):
    for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.VERIFIED):
        hyde_project(status)
    ProjectFactory(title="Clarion draft", lead_organisation=other_youth_lead.organisation, status=ProjectStatus.DRAFT)
    titles = [row["title"] for row in lead_api.get(LIST, {"ordering": "-title"}).json()["results"]]
    assert "Clarion draft" not in titles  # another organisation's draft
    assert titles == sorted(titles, reverse=True) and "Hyde draft project" in titles
    submitted = lead_api.get(LIST, {"status": "submitted"}).json()
    assert [row["title"] for row in submitted["results"]] == ["Hyde submitted project"]


def test_a_bad_filter_is_a_400_at_its_field(lead_api):
    response = lead_api.get(LIST, {"age_min": "ten"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "age_min"


def test_another_organisations_draft_is_a_404(outsider_api, youth_lead):
    response = outsider_api.get(detail(hyde_project(ReviewStatus.DRAFT)))
    assert response.status_code == 404
    assert response.json() == {
        "errors": [{"field": None, "message": "Not found: there is nothing here, or nothing you may see."}]
    }


def test_a_change_with_the_current_etag_is_saved_and_raises_the_version(lead_api, youth_lead):
    project = hyde_project(ReviewStatus.DRAFT)
    etag = lead_api.get(detail(project))["ETag"]
    response = lead_api.patch(detail(project), {"title": "Renamed"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.json()
    project.refresh_from_db()
    assert project.title == "Renamed" and project.version == 2
    assert response["ETag"] != etag
    assert project.history.first().history_change_reason == "Changed the project (via API)"


def test_a_stale_write_gets_412_and_changes_nothing(lead_api, youth_lead):
    project = hyde_project(ReviewStatus.DRAFT)
    stale = lead_api.get(detail(project))["ETag"]
    assert lead_api.patch(detail(project), {"title": "First"}, format="json", HTTP_IF_MATCH=stale).status_code == 200
    before = database_state()
    response = lead_api.patch(detail(project), {"title": "Second"}, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    assert response.json()["errors"][0]["field"] == "If-Match"
    assert database_state() == before
    assert Project.objects.get(pk=project.pk).title == "First"


def test_a_write_without_if_match_gets_428_and_changes_nothing(lead_api, youth_lead):
    project = hyde_project(ReviewStatus.DRAFT)
    before = database_state()
    response = lead_api.patch(detail(project), {"title": "X"}, format="json")
    assert response.status_code == 428
    assert database_state() == before


def test_a_retried_create_with_the_same_idempotency_key_makes_one_project(lead_api):
    first = lead_api.post(LIST, project_body(), format="json", HTTP_IDEMPOTENCY_KEY="create-1")
    again = lead_api.post(LIST, project_body(), format="json", HTTP_IDEMPOTENCY_KEY="create-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true"
    assert Project.objects.filter(title="Estate mentoring").count() == 1
    before = database_state()
    other = lead_api.post(LIST, project_body(title="Other"), format="json", HTTP_IDEMPOTENCY_KEY="create-1")
    assert other.status_code == 422
    assert database_state() == before


def test_the_same_key_from_another_person_is_their_own(lead_api, youth_lead):
    colleague = UserFactory(role=Role.YOUTH_LEAD, organisation=youth_lead.organisation)
    lead_api.post(LIST, project_body(), format="json", HTTP_IDEMPOTENCY_KEY="k")
    response = client_with_token(colleague).post(LIST, project_body(), format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 201 and Project.objects.filter(title="Estate mentoring").count() == 2


def test_submitting_sends_the_project_to_the_vru(lead_api, youth_lead):
    project = hyde_project(ReviewStatus.DRAFT)
    etag = lead_api.get(detail(project))["ETag"]
    response = lead_api.post(reverse("api:project-submit", args=[project.pk]), HTTP_IF_MATCH=etag)
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    assert project.history.first().history_change_reason == "Submitted for verification (via API)"


@pytest.mark.parametrize("size", [2, 12])
def test_a_page_of_projects_costs_the_same_queries_at_any_size(lead_api, size, django_assert_num_queries):
    """Seven: the token, the count, the page, then its consortium members, boroughs, places and kinds of work."""
    for _ in range(size):
        hyde_project(ReviewStatus.SUBMITTED)
    lead_api.get(LIST)  # the token's first use is noted once (then at most once a minute)
    with django_assert_num_queries(7):
        assert len(lead_api.get(LIST).json()["results"]) >= size
