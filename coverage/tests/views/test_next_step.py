"""A gap's next step: the matrix and gap list link a gap to who could fill it, and its links start the work."""

import re
from datetime import date

import pytest
from django.urls import reverse

from boroughs.models import Borough, PlaceLandlord
from boroughs.tests.factories import PlaceFactory
from coverage.tests.factories import CoveringProjectFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory

from .helpers import YEAR, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def gap(brent, estate, mentoring):
    """Mentoring is missing at Harrow Road Estate; Northside mentors on another Brent estate, Camden Mentors
    across Camden (bordering Brent); Hyde has 120 homes on the estate; Old Mentoring there ended in January."""
    CoveringProjectFactory(
        lead_organisation=OrganisationFactory(name="Northside"),
        boroughs=[brent],
        places=[PlaceFactory(name="Kilburn Streets", borough=brent)],
        intervention_types=[mentoring],
    )
    CoveringProjectFactory(
        lead_organisation=OrganisationFactory(name="Camden Mentors"),
        boroughs=[Borough.objects.get(name="Camden")],
        intervention_types=[mentoring],
    )
    CoveringProjectFactory(
        title="Old Mentoring",
        lead_organisation=OrganisationFactory(name="Gone Ltd"),
        boroughs=[brent],
        places=[estate],
        intervention_types=[mentoring],
        start_date=date(2024, 1, 1),
        end_date=date(2025, 1, 31),
    )
    PlaceLandlord.objects.create(place=estate, organisation=Organisation.objects.get(name="Hyde"), homes=120)
    return estate


def _gap_link(client, estate) -> str:
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code, "expand": estate.borough.gss_code}
    page = text(client.get(reverse("coverage:matrix"), query))
    links = re.findall(r'href="([^"]+)">Who could fill it<span class="govuk-visually-hidden"> for ([^<]+)</span>', page)
    found = {where: url.replace("&amp;", "&") for url, where in links}
    return found["mentoring in Harrow Road Estate"]


def test_a_gap_cell_opens_who_could_fill_it(programme_manager_client, gap):
    url = _gap_link(programme_manager_client, gap)
    assert url.startswith(reverse("coverage:gap-next-step", args=["place", gap.pk, "mentoring"]))
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text(programme_manager_client.get(url))))
    assert "Mentoring in Harrow Road Estate: who could fill the gap" in page
    assert page.index("Northside") < page.index("Camden Mentors")  # two sites nearby (the estate, Brent) first
    assert "Hyde 1 120" in page
    assert "Old Mentoring , Gone Ltd" in page
    assert "Record a youth voice session at Harrow Road Estate" in page
    assert "Log a project" not in page  # VRU staff do not log projects


def test_the_gap_list_links_each_gap_to_its_next_step(programme_manager_client, gap):
    query = {**YEAR, "type": "mentoring", "borough": gap.borough.gss_code}
    page = text(programme_manager_client.get(reverse("coverage:gap-list"), query))
    assert reverse("coverage:gap-next-step", args=["place", gap.pk, "mentoring"]) in page
    assert reverse("coverage:gap-next-step", args=["borough", gap.borough.pk, "mentoring"]) not in page  # covered


def test_a_youth_lead_logs_a_project_there_with_the_place_and_kind_of_work_chosen(youth_lead_client, gap, mentoring):
    url = reverse("coverage:gap-next-step", args=["place", gap.pk, "mentoring"])
    response = youth_lead_client.get(url, YEAR)
    log = response.context["log_project"]
    assert log == f"{reverse('programmes:project-create')}?place={gap.pk}&intervention_type=mentoring"
    form = youth_lead_client.get(log).context["form"]
    assert form["places"].value() == [gap.pk]
    assert form["boroughs"].value() == [gap.borough_id]
    assert form["intervention_types"].value() == [mentoring.pk]


@pytest.mark.parametrize(
    "args", [["estate", 1, "mentoring"], ["place", 999999, "mentoring"], ["place", 0, "no-such-kind"]]
)
def test_an_unknown_site_or_kind_of_work_is_not_found(programme_manager_client, gap, args):
    if args[1] == 0:
        args[1] = gap.pk
    assert programme_manager_client.get(reverse("coverage:gap-next-step", args=args), YEAR).status_code == 404
