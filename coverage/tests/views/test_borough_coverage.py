"""A borough's page gives this quarter's gaps, thin provision and overlaps there: the lists' own figures with that
borough chosen, each linking to its list, for everyone who may see coverage; kept per coverage version."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from boroughs.models import Borough
from coverage.forms.filters import period_value
from coverage.selectors import overview
from programmes.models import InterventionType
from programmes.periods import Quarter
from programmes.tests.factories import ProjectFactory, projects_running_in_three_boroughs

pytestmark = pytest.mark.django_db

BOROUGHS = ("E09000005", "E09000012", "E09000029", "E09000019")  # Brent, Hackney, Sutton, Islington (no projects)


def _listed(client, name, query) -> int:
    return client.get(reverse(name), query).context["page"].paginator.count


@pytest.mark.parametrize("code", BOROUGHS)
def test_a_boroughs_coverage_is_the_lists_with_that_borough_chosen(programme_manager_client, code):
    projects_running_in_three_boroughs()
    page = programme_manager_client.get(reverse("programmes:borough-detail", args=[code]))
    coverage = page.context["coverage"]
    query = {"period": period_value(Quarter.containing(timezone.localdate())), "borough": code}
    assert coverage.gaps == _listed(programme_manager_client, "coverage:gap-list", query)
    # "Show thin provision" lists the gaps and then the thin pairs.
    assert coverage.gaps + coverage.thin == _listed(
        programme_manager_client, "coverage:gap-list", {**query, "show": "thin"}
    )
    assert coverage.overlaps == _listed(programme_manager_client, "coverage:overlap-list", query)
    assert f"{reverse('coverage:gap-list')}?period={query['period']}&amp;borough={code}" in page.content.decode()


def test_brent_with_eight_mentoring_projects_has_one_overlap_and_every_other_kind_of_work_missing(
    programme_manager_client,
):
    projects_running_in_three_boroughs()
    page = programme_manager_client.get(reverse("programmes:borough-detail", args=["E09000005"]))
    coverage = page.context["coverage"]
    # Eight projects cover the whole of Brent with mentoring: one overlap (Brent, mentoring), not yet reviewed;
    # the borough has no priority places, so each other kind of work is one gap in Brent.
    assert (coverage.overlaps, coverage.overlaps_not_reviewed, coverage.thin) == (1, 1, 0)
    assert coverage.gaps == InterventionType.objects.count() - 1


def test_a_youth_lead_sees_the_same_coverage_of_the_borough_as_vru_staff(youth_lead_client, programme_manager_client):
    projects_running_in_three_boroughs()
    address = reverse("programmes:borough-detail", args=["E09000005"])
    assert (
        youth_lead_client.get(address).context["coverage"] == programme_manager_client.get(address).context["coverage"]
    )


@pytest.mark.django_db(transaction=True)
def test_a_boroughs_coverage_is_kept_per_version_and_a_change_shows_on_the_next_page(
    programme_manager_client, monkeypatch
):
    today = projects_running_in_three_boroughs()
    worked_out = []
    original = overview._this_quarter
    monkeypatch.setattr(overview, "_this_quarter", lambda *args: worked_out.append(1) or original(*args))
    address = reverse("programmes:borough-detail", args=["E09000005"])
    first = programme_manager_client.get(address).context["coverage"]
    programme_manager_client.get(reverse("programmes:borough-detail", args=["E09000012"]))
    assert len(worked_out) == 1  # every borough's figures at once, then read from the cache
    brent = Borough.objects.get(gss_code="E09000005")
    ProjectFactory(
        boroughs=[brent],
        intervention_types=[InterventionType.objects.get(slug="safe-spaces")],
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=30),
    )
    after = programme_manager_client.get(address).context["coverage"]
    assert len(worked_out) == 2
    assert after.gaps == first.gaps - 1  # safe spaces are no longer missing in Brent
