"""Organisations (with succession), boroughs, places, kinds of work, funded posts and the youth voice log."""

import pytest
from django.urls import reverse

from api.pagination import MAX_PAGE_SIZE
from boroughs.tests.factories import PlaceFactory
from partners.models import Organisation
from programmes.models import ProjectStatus
from programmes.tests.factories import FundedPostFactory, ProjectFactory, YouthVoiceSessionFactory

pytestmark = pytest.mark.django_db


def test_organisations_carry_their_succession(lead_api):
    optivo = Organisation.objects.get(name="Optivo")
    row = lead_api.get(reverse("api:organisation-detail", args=[optivo.pk])).json()
    assert row["successor"] == Organisation.objects.get(name="Southern Housing").pk
    assert row["succession_kind"] == "merged"
    current = lead_api.get(reverse("api:organisation-list"), {"current": "true", "page_size": 100}).json()
    assert "Optivo" not in [row["name"] for row in current["results"]]


def test_boroughs_and_places(lead_api):
    boroughs = lead_api.get(reverse("api:borough-list"), {"page_size": 50}).json()
    assert boroughs["count"] == 33
    assert sum(row["is_partnership_borough"] for row in boroughs["results"]) == 7
    places = lead_api.get(reverse("api:place-list"), {"borough": "E09000005"}).json()["results"]
    assert places and all(row["borough"] == "E09000005" for row in places)


def test_kinds_of_work(lead_api):
    kinds = lead_api.get(reverse("api:intervention-type-list")).json()
    assert kinds["count"] == 7 and {"id", "name", "slug", "description"} == set(kinds["results"][0])


def test_funded_posts_with_the_posts_pages_filters(lead_api):
    FundedPostFactory(title="Vacant worker", is_filled=False)
    FundedPostFactory(title="Filled worker", is_filled=True)
    titles = [
        row["title"] for row in lead_api.get(reverse("api:funded-post-list"), {"state": "vacant"}).json()["results"]
    ]
    assert "Vacant worker" in titles and "Filled worker" not in titles


def test_youth_voice_sessions_name_only_the_projects_the_caller_may_see(outsider_api, other_youth_lead):
    draft = ProjectFactory(lead_organisation=other_youth_lead.organisation, status=ProjectStatus.DRAFT)
    session = YouthVoiceSessionFactory(projects=[draft])
    rows = outsider_api.get(reverse("api:youth-voice-session-list")).json()["results"]
    assert next(row for row in rows if row["id"] == session.pk)["projects"] == []


def test_page_sizes_are_capped(lead_api):
    PlaceFactory.create_batch(MAX_PAGE_SIZE + 5)
    response = lead_api.get(reverse("api:place-list"), {"page_size": 10_000}).json()
    assert response["count"] > MAX_PAGE_SIZE and len(response["results"]) == MAX_PAGE_SIZE
    assert len(lead_api.get(reverse("api:place-list")).json()["results"]) == 25


def test_a_page_past_the_end_is_a_404_in_the_one_shape(lead_api):
    response = lead_api.get(reverse("api:borough-list"), {"page": 99})
    assert response.status_code == 404 and list(response.json()) == ["errors"]
