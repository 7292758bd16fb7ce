"""The coverage pages through the real client and database: who sees what, what each page says, how many queries."""

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from boroughs.models import Borough, Place, PlaceLandlord, Priority
from boroughs.tests.factories import PlaceFactory
from coverage.models import OverlapReview, OverlapReviewStatus
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory
from programmes.models import InterventionType, ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

YEAR = {"period": "fy2025"}  # 1 April 2025 to 31 March 2026


@pytest.fixture
def brent(partnership):
    return Borough.objects.get(name="Brent")


@pytest.fixture
def mentoring(partnership):
    return InterventionType.objects.get(slug="mentoring")


@pytest.fixture
def estate(brent):
    return PlaceFactory(name="Harrow Road Estate", borough=brent, priority=Priority.HIGH)


def project(*, lead, places=(), boroughs=(), types=(), **fields):
    fields.setdefault("start_date", date(2025, 4, 1))
    fields.setdefault("end_date", date(2026, 3, 31))
    return ProjectFactory(
        lead_organisation=lead,
        places=list(places),
        boroughs=list(boroughs),
        intervention_types=list(types),
        **fields,
    )


def overlap_at(place, kind, *projects):
    return {
        "site": f"place-{place.pk}",
        "overlap_type": kind.slug,
        "projects": ",".join(str(p.pk) for p in sorted(projects, key=lambda p: p.pk)),
        **YEAR,
    }


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize(
    "name", ["coverage:matrix", "coverage:gap-list", "coverage:overlap-list", "coverage:landlord-list"]
)
def test_coverage_pages_send_anonymous_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("client_name", ["programme_manager_client", "youth_lead_client", "admin_client"])
def test_vru_staff_youth_leads_and_administrators_see_the_matrix(request, client_name):
    response = request.getfixturevalue(client_name).get(reverse("coverage:matrix"))
    assert response.status_code == 200
    assert "Coverage by borough and kind of work" in text(response)


def test_the_matrix_shows_each_state_in_words_and_expands_a_borough_into_its_places(
    programme_manager_client, brent, estate, mentoring
):
    hyde, peabody = Organisation.objects.get(name="Hyde"), Organisation.objects.get(name="Peabody")
    project(lead=hyde, places=[estate], boroughs=[brent], types=[mentoring])
    project(lead=peabody, places=[estate], boroughs=[brent], types=[mentoring])
    url = reverse("coverage:matrix")
    collapsed = text(programme_manager_client.get(url, {**YEAR, "type": "mentoring"}))
    assert "Harrow Road Estate" not in collapsed
    assert f"expand={brent.gss_code}" in collapsed
    page = text(programme_manager_client.get(url, {**YEAR, "type": "mentoring", "expand": brent.gss_code}))
    assert "Harrow Road Estate" in page
    assert "app-coverage-cell--overlap" in page
    assert "2 projects, 2 organisations" in page
    assert "Hyde and Peabody" in page
    assert "Never covered" in page  # Chalkhill, Church End and Stonebridge: One Flow ended in 2024


def test_a_borough_cell_counts_its_priority_places_with_gaps(programme_manager_client, brent, estate, mentoring):
    other = PlaceFactory(name="Kilburn Streets", borough=brent, priority=Priority.LOW)
    project(lead=Organisation.objects.get(name="Hyde"), places=[other], boroughs=[brent], types=[mentoring])
    page = text(programme_manager_client.get(reverse("coverage:matrix"), {**YEAR, "type": "mentoring"}))
    assert "1 priority place with a gap" in page  # the high-priority estate


def test_filters_that_do_not_make_sense_are_explained_at_the_field_and_nothing_is_shown(programme_manager_client):
    response = programme_manager_client.get(
        reverse("coverage:matrix"), {"ages": "custom", "age_min": "15", "age_max": "12"}
    )
    page = text(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<title>Error:" in page
    assert "The oldest age must be the same as or above the youngest age." in page
    assert 'value="15"' in page
    assert "Coverage by borough and kind of work" not in page


def test_an_unknown_period_is_refused_at_the_field(programme_manager_client):
    page = text(programme_manager_client.get(reverse("coverage:matrix"), {"period": "fy1999-q9"}))
    assert "Select a valid choice" in page


def test_drafts_count_only_when_included(programme_manager_client, estate, mentoring):
    project(lead=OrganisationFactory(), places=[estate], types=[mentoring], status=ProjectStatus.DRAFT)
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code}
    gaps = reverse("coverage:gap-list")
    assert "Harrow Road Estate" in text(programme_manager_client.get(gaps, query))
    assert "Harrow Road Estate" not in text(programme_manager_client.get(gaps, {**query, "include": "draft"}))


def test_a_youth_lead_including_drafts_never_counts_another_organisations(youth_lead_client, estate, mentoring):
    project(lead=OrganisationFactory(), places=[estate], types=[mentoring], status=ProjectStatus.DRAFT)
    query = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code, "include": "draft"}
    assert "Harrow Road Estate" in text(youth_lead_client.get(reverse("coverage:gap-list"), query))


def test_a_youth_lead_counts_their_own_drafts_when_included(youth_lead_client, youth_lead, estate, mentoring):
    project(lead=youth_lead.organisation, places=[estate], types=[mentoring], status=ProjectStatus.DRAFT)
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
    project(lead=Organisation.objects.get(name="Hyde"), places=[estate], types=[mentoring])
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


def test_a_csv_asked_for_with_bad_filters_sends_the_user_to_the_list_to_see_why(programme_manager_client):
    response = programme_manager_client.get(reverse("coverage:gap-csv"), {"ages": "custom"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("coverage:gap-list"))


def test_the_overlap_list_shows_the_projects_side_by_side_and_exports_them(programme_manager_client, estate, mentoring):
    first = project(lead=Organisation.objects.get(name="Hyde"), places=[estate], types=[mentoring], age_min=10)
    second = project(lead=Organisation.objects.get(name="Peabody"), places=[estate], types=[mentoring], age_max=14)
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
            project(lead=OrganisationFactory(), places=[place], types=[mentoring])
    query = {**YEAR, "type": "mentoring", "borough": brent.gss_code}
    most = text(programme_manager_client.get(reverse("coverage:overlap-list"), {**query, "sort": "-projects"}))
    fewest = text(programme_manager_client.get(reverse("coverage:overlap-list"), {**query, "sort": "projects"}))
    assert most.index("Large Overlap Estate") < most.index("Small Overlap Estate")
    assert fewest.index("Small Overlap Estate") < fewest.index("Large Overlap Estate")


def test_vru_staff_mark_an_overlap_reviewed_and_it_shows_until_its_projects_change(
    programme_manager_client, programme_manager, estate, mentoring
):
    hyde, peabody = Organisation.objects.get(name="Hyde"), Organisation.objects.get(name="Peabody")
    first = project(lead=hyde, places=[estate], types=[mentoring])
    second = project(lead=peabody, places=[estate], types=[mentoring])
    url = reverse("coverage:overlap-review")
    identity = overlap_at(estate, mentoring, first, second)
    query = "&".join(f"{key}={value}" for key, value in identity.items())
    response = programme_manager_client.post(
        f"{url}?{query}", {"status": OverlapReviewStatus.COMPLEMENTARY, "note": "Different days."}
    )
    assert response.status_code == 302
    review = OverlapReview.objects.get()
    assert (review.place, review.project_ids, review.reviewed_by) == (estate, [first.pk, second.pk], programme_manager)
    listing = {**YEAR, "type": "mentoring", "borough": estate.borough.gss_code}
    assert "Complementary" in text(programme_manager_client.get(reverse("coverage:overlap-list"), listing))
    project(lead=Organisation.objects.get(name="MTVH"), places=[estate], types=[mentoring])
    page = text(programme_manager_client.get(reverse("coverage:overlap-list"), listing))
    assert "Not reviewed" in page and "Complementary" not in page


def test_a_review_without_a_note_is_refused_at_the_field_keeping_the_choice(
    programme_manager_client, estate, mentoring
):
    pair = [project(lead=OrganisationFactory(), places=[estate], types=[mentoring]) for _ in range(2)]
    query = "&".join(f"{k}={v}" for k, v in overlap_at(estate, mentoring, *pair).items())
    response = programme_manager_client.post(
        f"{reverse('coverage:overlap-review')}?{query}", {"status": OverlapReviewStatus.TO_BE_RESOLVED, "note": ""}
    )
    page = text(response)
    assert response.status_code == 200
    assert "Enter a note saying why." in page
    assert re.search(r'value="to_be_resolved"\s+checked', page)
    assert not OverlapReview.objects.exists()


def test_a_review_of_projects_with_one_lead_organisation_is_refused_with_the_reason(
    programme_manager_client, estate, mentoring
):
    hyde = Organisation.objects.get(name="Hyde")
    pair = [project(lead=hyde, places=[estate], types=[mentoring]) for _ in range(2)]
    query = "&".join(f"{k}={v}" for k, v in overlap_at(estate, mentoring, *pair).items())
    response = programme_manager_client.post(
        f"{reverse('coverage:overlap-review')}?{query}", {"status": OverlapReviewStatus.COMPLEMENTARY, "note": "x"}
    )
    assert "same lead organisation" in text(response)
    assert not OverlapReview.objects.exists()


def test_a_youth_lead_sees_an_overlap_but_cannot_mark_it_even_by_crafting_a_request(
    youth_lead_client, estate, mentoring
):
    pair = [project(lead=OrganisationFactory(), places=[estate], types=[mentoring]) for _ in range(2)]
    query = "&".join(f"{k}={v}" for k, v in overlap_at(estate, mentoring, *pair).items())
    url = f"{reverse('coverage:overlap-review')}?{query}"
    page = text(youth_lead_client.get(url))
    assert f'href="{pair[0].get_absolute_url()}">{pair[0].title}</a>' in page
    assert "Only VRU staff can mark an overlap reviewed." in page
    assert "Save review" not in page
    response = youth_lead_client.post(url, {"status": OverlapReviewStatus.COMPLEMENTARY, "note": "Mine."})
    assert response.status_code == 403
    assert not OverlapReview.objects.exists()


def test_a_youth_lead_asking_about_another_organisations_draft_gets_not_found(youth_lead_client, estate, mentoring):
    draft = project(lead=OrganisationFactory(), places=[estate], types=[mentoring], status=ProjectStatus.DRAFT)
    other = project(lead=OrganisationFactory(), places=[estate], types=[mentoring])
    query = "&".join(f"{k}={v}" for k, v in overlap_at(estate, mentoring, draft, other).items())
    assert youth_lead_client.get(f"{reverse('coverage:overlap-review')}?{query}").status_code == 404


@pytest.mark.parametrize("query", ["site=place-x&overlap_type=mentoring&projects=1,2", "site=place-1&projects=1"])
def test_a_malformed_overlap_address_is_not_found(programme_manager_client, partnership, query):
    assert programme_manager_client.get(f"{reverse('coverage:overlap-review')}?{query}").status_code == 404


def test_a_landlord_sees_its_places_lacking_provision_including_those_of_organisations_it_absorbed(
    youth_lead_client, brent, mentoring
):
    peabody, catalyst = Organisation.objects.get(name="Peabody"), Organisation.objects.get(name="Catalyst")
    own = PlaceFactory(name="Peabody Court", borough=brent)
    absorbed = PlaceFactory(name="Catalyst Gardens", borough=brent)
    provided = PlaceFactory(name="Provided Estate", borough=brent)
    PlaceLandlord.objects.create(place=own, organisation=peabody, homes=120)
    PlaceLandlord.objects.create(place=absorbed, organisation=catalyst, homes=80)
    PlaceLandlord.objects.create(place=provided, organisation=peabody)
    project(lead=OrganisationFactory(), places=[provided], types=[mentoring])
    url = reverse("coverage:landlord", args=[peabody.pk])
    page = text(youth_lead_client.get(url, {**YEAR, "type": "mentoring"}))
    assert "Peabody Court" in page and "Catalyst Gardens" in page
    assert "Provided Estate" not in page
    assert "2 of the 3 places" in page
    recorded = text(youth_lead_client.get(url, {**YEAR, "type": "mentoring", "organisations": "recorded"}))
    assert "Catalyst Gardens" not in recorded


def test_the_landlord_page_is_only_for_housing_associations(programme_manager_client, partnership):
    vru = Organisation.objects.get(kind="vru")
    assert programme_manager_client.get(reverse("coverage:landlord", args=[vru.pk])).status_code == 404


def test_the_landlord_list_names_each_housing_association_and_what_it_became(youth_lead_client, partnership):
    page = text(youth_lead_client.get(reverse("coverage:landlord-list")))
    assert "Your organisation" in page
    assert "Merged into Peabody" in page


def test_the_timeline_shows_when_provision_started_and_ended_at_a_place(programme_manager_client, partnership):
    chalkhill = Place.objects.get(name="Chalkhill")
    page = text(programme_manager_client.get(reverse("coverage:place-timeline", args=[chalkhill.pk])))
    assert "Chalkhill over time" in page
    assert "One Flow – One Brent" in page
    assert "1 September 2021" in page and "31 August 2024" in page
    assert "No provision since 1 September 2024" in page
    assert '<svg class="app-timeline"' in page


def test_the_timeline_explains_bad_filters_and_shows_no_provision(programme_manager_client, partnership):
    chalkhill = Place.objects.get(name="Chalkhill")
    url = reverse("coverage:place-timeline", args=[chalkhill.pk])
    page = text(programme_manager_client.get(url, {"ages": "custom", "age_min": "20", "age_max": "10"}))
    assert "The oldest age must be the same as or above the youngest age." in page
    assert "spells of provision" not in page


def test_the_timeline_of_an_unknown_place_is_not_found(programme_manager_client, partnership):
    assert programme_manager_client.get(reverse("coverage:place-timeline", args=[987654])).status_code == 404


@pytest.mark.parametrize("client_name", ["programme_manager_client", "youth_lead_client"])
def test_the_coverage_item_appears_in_the_navigation_for_staff_and_youth_leads(request, client_name):
    page = text(request.getfixturevalue(client_name).get(reverse("home"), follow=True))
    assert f'href="{reverse("coverage:matrix")}">Coverage</a>' in page


def many_projects(count, *, brent, mentoring):
    organisations = [OrganisationFactory() for _ in range(3)]
    places = [PlaceFactory(borough=brent, priority=Priority.MEDIUM) for _ in range(3)]
    for i in range(count):
        project(lead=organisations[i % 3], places=[places[i % 3]], boroughs=[brent], types=[mentoring])


# Session and user, four reference lists, projects, their links, reviews, the header's organisation, and
# saving the session (a savepoint, the update, its release).
MATRIX_QUERIES = 13


@pytest.mark.parametrize("count", [2, 20])
@pytest.mark.parametrize("name", ["coverage:matrix", "coverage:gap-list", "coverage:overlap-list"])
def test_each_coverage_page_makes_the_same_few_queries_whatever_the_number_of_projects(
    programme_manager_client, django_assert_max_num_queries, brent, mentoring, name, count
):
    many_projects(count, brent=brent, mentoring=mentoring)
    with django_assert_max_num_queries(MATRIX_QUERIES):
        response = programme_manager_client.get(reverse(name), {**YEAR, "expand": brent.gss_code})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_the_landlord_and_timeline_pages_make_the_same_few_queries_whatever_the_size(
    programme_manager_client, django_assert_max_num_queries, brent, mentoring, count
):
    many_projects(count, brent=brent, mentoring=mentoring)
    hyde = Organisation.objects.get(name="Hyde")
    for place in Place.objects.filter(borough=brent):
        PlaceLandlord.objects.create(place=place, organisation=hyde)
    with django_assert_max_num_queries(MATRIX_QUERIES + 2):  # the organisation and its landlordships
        assert programme_manager_client.get(reverse("coverage:landlord", args=[hyde.pk]), YEAR).status_code == 200
    place = Place.objects.get(name="Chalkhill")
    with django_assert_max_num_queries(MATRIX_QUERIES):  # the place instead of the reviews
        assert programme_manager_client.get(reverse("coverage:place-timeline", args=[place.pk])).status_code == 200


def test_each_cell_links_to_the_register_filtered_to_it_and_the_register_lists_its_projects(
    programme_manager_client, brent, estate, mentoring
):
    elsewhere = PlaceFactory(name="Elsewhere Estate", borough=brent)
    here = project(lead=Organisation.objects.get(name="Hyde"), places=[estate], boroughs=[brent], types=[mentoring])
    there = project(lead=Organisation.objects.get(name="Hyde"), places=[elsewhere], boroughs=[brent], types=[mentoring])
    query = {**YEAR, "type": "mentoring", "ages": "14-17", "expand": brent.gss_code}
    page = text(programme_manager_client.get(reverse("coverage:matrix"), query))
    register = reverse("programmes:project-list")
    dates = "active_from=2025-04-01&amp;active_to=2026-03-31&amp;counted=on&amp;age_min=14&amp;age_max=17"
    assert f"{register}?{dates}&amp;borough={brent.gss_code}&amp;intervention_type=mentoring" in page
    place_link = f"{register}?{dates}&amp;place={estate.pk}&amp;intervention_type=mentoring"
    assert place_link in page
    listed = text(programme_manager_client.get(place_link.replace("&amp;", "&")))
    assert here.title in listed
    assert there.title not in listed
