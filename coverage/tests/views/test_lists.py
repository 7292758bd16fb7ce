"""The gap and overlap lists: ranked, sorted, paged, with drafts only on request, and as CSV."""

import csv
import io

import pytest
from django.urls import reverse

from boroughs.models import Priority
from boroughs.tests.factories import PlaceFactory
from coverage.tests.factories import CoveringProjectFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory

from .helpers import YEAR, text

pytestmark = pytest.mark.django_db


def test_drafts_count_only_when_included(programme_manager_client, estate, mentoring):
    CoveringProjectFactory(
        lead_organisation=OrganisationFactory(), places=[estate], intervention_types=[mentoring], draft=True
    )
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code}
    gaps = reverse("coverage:gap-list")
    assert "Harrow Road Estate" in text(programme_manager_client.get(gaps, query))
    assert "Harrow Road Estate" not in text(programme_manager_client.get(gaps, {**query, "include": "draft"}))


def test_a_youth_lead_including_drafts_never_counts_another_organisations(youth_lead_client, estate, mentoring):
    CoveringProjectFactory(
        lead_organisation=OrganisationFactory(), places=[estate], intervention_types=[mentoring], draft=True
    )
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code, "include": "draft"}
    assert "Harrow Road Estate" in text(youth_lead_client.get(reverse("coverage:gap-list"), query))


def test_a_youth_lead_counts_their_own_drafts_when_included(youth_lead_client, youth_lead, estate, mentoring):
    CoveringProjectFactory(
        lead_organisation=youth_lead.organisation, places=[estate], intervention_types=[mentoring], draft=True
    )
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code, "include": "draft"}
    assert "Harrow Road Estate" not in text(youth_lead_client.get(reverse("coverage:gap-list"), query))


def test_the_gap_list_ranks_whole_boroughs_then_places_by_priority_and_sorts_on_request(
    programme_manager_client, brent, estate, mentoring
):
    PlaceFactory(name="Kilburn Streets", borough=brent, priority=Priority.LOW)
    query = {**YEAR, "type": "mentoring", "borough": brent.gss_code}
    page = text(programme_manager_client.get(reverse("coverage:gap-list"), query))
    assert page.index("Whole borough") < page.index("Harrow Road Estate") < page.index("Kilburn Streets")
    by_name = text(programme_manager_client.get(reverse("coverage:gap-list"), {**query, "sort": "where"}))
    assert by_name.index("Harrow Road Estate") < by_name.index("Kilburn Streets")
    assert 'aria-sort="ascending"' in by_name
    by_priority = text(programme_manager_client.get(reverse("coverage:gap-list"), {**query, "sort": "-priority"}))
    assert by_priority.index("Whole borough") < by_priority.index("Harrow Road Estate")
    assert by_priority.index("Harrow Road Estate") < by_priority.index("Kilburn Streets")
    assert 'aria-sort="descending"' in by_priority


def test_the_gap_list_shows_thin_provision_on_request(programme_manager_client, estate, mentoring):
    CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="Hyde"), places=[estate], intervention_types=[mentoring]
    )
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code}
    assert "Only Hyde" not in text(programme_manager_client.get(reverse("coverage:gap-list"), query))
    assert "Only Hyde" in text(programme_manager_client.get(reverse("coverage:gap-list"), {**query, "show": "thin"}))


def test_the_gap_csv_holds_every_gap_with_formulas_neutralised(programme_manager_client, brent, mentoring):
    PlaceFactory(name="=HYPERLINK(1)", borough=brent, priority=Priority.MEDIUM)
    response = programme_manager_client.get(
        reverse("coverage:gap-csv"), {**YEAR, "type": "mentoring", "borough": brent.gss_code}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeff"), "Excel reads the file as UTF-8 only behind a byte-order mark"
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][:3] == ["rank", "where", "kind"]
    assert rows[1][:3] == ["1", "Brent", "whole borough"]
    assert "'=HYPERLINK(1)" in {row[1] for row in rows}


def test_the_overlap_list_shows_the_projects_side_by_side_and_exports_them(programme_manager_client, estate, mentoring):
    first = CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="Hyde"),
        places=[estate],
        intervention_types=[mentoring],
        age_min=10,
    )
    second = CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="Peabody"),
        places=[estate],
        intervention_types=[mentoring],
        age_max=14,
    )
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code}
    page = text(programme_manager_client.get(reverse("coverage:overlap-list"), query))
    assert first.title in page and second.title in page
    assert "Ages: 11 to 14" in page
    assert "Not reviewed" in page
    csv_text = b"".join(programme_manager_client.get(reverse("coverage:overlap-csv"), query).streaming_content)
    [header, row] = list(csv.reader(io.StringIO(csv_text.decode())))
    assert row[header.index("project ids")] == f"{first.pk} {second.pk}"
    assert row[header.index("lead organisations")] == "Hyde; Peabody"


def test_the_overlap_list_sorts_by_the_number_of_projects_either_way(programme_manager_client, brent, mentoring):
    small, large = (
        PlaceFactory(name="Small Overlap Estate", borough=brent),
        PlaceFactory(name="Large Overlap Estate", borough=brent),
    )
    for place, count in ((small, 2), (large, 3)):
        for _ in range(count):
            CoveringProjectFactory(
                lead_organisation=OrganisationFactory(), places=[place], intervention_types=[mentoring]
            )
    query = {**YEAR, "type": "mentoring", "borough": brent.gss_code}
    most = text(programme_manager_client.get(reverse("coverage:overlap-list"), {**query, "sort": "-projects"}))
    fewest = text(programme_manager_client.get(reverse("coverage:overlap-list"), {**query, "sort": "projects"}))
    assert most.index("Large Overlap Estate") < most.index("Small Overlap Estate")
    assert fewest.index("Small Overlap Estate") < fewest.index("Large Overlap Estate")


def test_a_long_gap_list_is_paged_by_the_shared_pagination_keeping_its_filters_and_sort(
    programme_manager_client, brent, mentoring
):
    for number in range(55):
        PlaceFactory(name=f"Paged Estate {number:02d}", borough=brent, priority=Priority.MEDIUM)
    query = {**YEAR, "type": "mentoring", "borough": brent.gss_code, "sort": "where"}
    first = text(programme_manager_client.get(reverse("coverage:gap-list"), query))
    assert 'class="govuk-pagination"' in first
    assert f"?period=fy2025&amp;type=mentoring&amp;borough={brent.gss_code}&amp;sort=where&amp;page=2" in first
    second = text(programme_manager_client.get(reverse("coverage:gap-list"), {**query, "page": 2}))
    assert "Paged Estate 54" in second and "Paged Estate 54" not in first


def test_gaps_rank_by_evidence_of_impact_strongest_first_and_not_rated_is_never_no_effect(
    programme_manager_client, brent
):
    query = {**YEAR, "borough": brent.gss_code, "sort": "evidence"}
    response = programme_manager_client.get(reverse("coverage:gap-list"), query)
    kinds = [row.type_name for row in response.context["rows"] if row.kind == "Whole borough"]
    assert kinds[:2] == ["Conflict skills", "Counselling to prevent reoffending"]  # high
    assert set(kinds[-2:]) == {"Employment and training", "Youth voice"}  # not rated, last
    page = text(response)
    assert "Not rated" in page and "No effect" not in page
