"""Borough and place pages: the work there, its places, links to the register, unknown areas are 404s."""

import pytest
from django.urls import reverse
from django.utils import timezone

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from programmes.tests.factories import ProjectFactory, projects_running_in_three_boroughs

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(partnership):
    return projects_running_in_three_boroughs()


def test_the_borough_page_shows_its_work_places_and_register_links(youth_lead_client, running):
    response = youth_lead_client.get(reverse("programmes:borough-detail", args=["E09000012"]))
    summary = response.context["summary"]
    assert summary.active == 3
    assert sorted(row.covering for row in response.context["places"]) == [1, 1, 1]
    content = response.content.decode()
    assert "borough=E09000012" in content
    for row in response.context["places"]:
        assert f'href="{row.place.get_absolute_url()}"' in content
        assert f"place={row.place.pk}&amp;counted=on&amp;active_from={timezone.localdate().isoformat()}" in content


def test_an_unknown_borough_or_place_is_not_found(youth_lead_client, partnership):
    assert youth_lead_client.get(reverse("programmes:borough-detail", args=["E09999999"])).status_code == 404
    assert youth_lead_client.get(reverse("programmes:place-detail", args=[999999])).status_code == 404


def test_the_place_page_lists_the_projects_covering_it(youth_lead_client, partnership):
    today = timezone.localdate()
    estate = PlaceFactory(borough=Borough.objects.get(gss_code="E09000005"))
    ProjectFactory(title="On the estate", places=[estate], start_date=today, end_date=today)
    response = youth_lead_client.get(estate.get_absolute_url())
    assert [project.title for project in response.context["running"]] == ["On the estate"]
    assert f"place={estate.pk}" in response.content.decode()
