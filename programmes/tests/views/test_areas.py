"""Borough and place pages: the work there, its places, links to the register, unknown areas are 404s."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from programmes.filters import ProjectFilter
from programmes.models import InterventionType, Project, ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(partnership):
    """Projects running today in three boroughs: many in Brent, fewer in Hackney, one in Sutton."""
    today = timezone.localdate()
    dates = {"start_date": today - timedelta(days=30), "end_date": today + timedelta(days=30)}
    boroughs = {code: Borough.objects.get(gss_code=code) for code in ("E09000005", "E09000012", "E09000029")}
    mentoring = InterventionType.objects.get(slug="mentoring")
    for _ in range(8):
        ProjectFactory(boroughs=[boroughs["E09000005"]], intervention_types=[mentoring], **dates)
    for _ in range(3):
        ProjectFactory(places=[PlaceFactory(borough=boroughs["E09000012"])], **dates)
    ProjectFactory(boroughs=[boroughs["E09000029"]], **dates)
    ProjectFactory(boroughs=[boroughs["E09000029"]], status=ProjectStatus.DRAFT, **dates)
    ProjectFactory(
        boroughs=[boroughs["E09000029"]], start_date=today - timedelta(days=90), end_date=today - timedelta(1)
    )
    return today


def _register_count(**params) -> int:
    filterset = ProjectFilter(data=params, queryset=Project.objects.all())
    assert filterset.is_valid()
    return filterset.qs.count()


def test_the_borough_page_shows_its_work_places_and_register_links(youth_lead_client, running):
    response = youth_lead_client.get(reverse("programmes:borough-detail", args=["E09000012"]))
    summary = response.context["summary"]
    assert summary.active == 3
    assert sorted(count for _, count in response.context["places"]) == [1, 1, 1]
    assert "borough=E09000012" in response.content.decode()


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
