"""The overlap review page: VRU staff mark an overlap, refusals are explained, youth leads only look."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from coverage.models import OverlapReview, OverlapReviewStatus
from coverage.tests.factories import CoveringProjectFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory
from programmes.models import FundingProgramme, InterventionType, ReviewStatus
from programmes.periods import Quarter
from programmes.tests.factories import MonitoringReturnFactory

from .helpers import YEAR, overlap_at, text

pytestmark = pytest.mark.django_db


def test_vru_staff_mark_an_overlap_reviewed_and_it_shows_until_its_projects_change(
    programme_manager_client, programme_manager, estate, mentoring
):
    hyde, peabody = Organisation.objects.get(name="Hyde"), Organisation.objects.get(name="Peabody")
    first = CoveringProjectFactory(lead_organisation=hyde, places=[estate], intervention_types=[mentoring])
    second = CoveringProjectFactory(lead_organisation=peabody, places=[estate], intervention_types=[mentoring])
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
    CoveringProjectFactory(
        lead_organisation=Organisation.objects.get(name="MTVH"), places=[estate], intervention_types=[mentoring]
    )
    page = text(programme_manager_client.get(reverse("coverage:overlap-list"), listing))
    assert "Not reviewed" in page and "Complementary" not in page


def test_a_review_without_a_note_is_refused_at_the_field_keeping_the_choice(
    programme_manager_client, estate, mentoring
):
    pair = [
        CoveringProjectFactory(lead_organisation=OrganisationFactory(), places=[estate], intervention_types=[mentoring])
        for _ in range(2)
    ]
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
    pair = [
        CoveringProjectFactory(lead_organisation=hyde, places=[estate], intervention_types=[mentoring])
        for _ in range(2)
    ]
    query = "&".join(f"{k}={v}" for k, v in overlap_at(estate, mentoring, *pair).items())
    response = programme_manager_client.post(
        f"{reverse('coverage:overlap-review')}?{query}", {"status": OverlapReviewStatus.COMPLEMENTARY, "note": "x"}
    )
    assert "same lead organisation" in text(response)
    assert not OverlapReview.objects.exists()


def test_a_youth_lead_sees_an_overlap_but_cannot_mark_it_even_by_crafting_a_request(
    youth_lead_client, estate, mentoring
):
    pair = [
        CoveringProjectFactory(lead_organisation=OrganisationFactory(), places=[estate], intervention_types=[mentoring])
        for _ in range(2)
    ]
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
    draft = CoveringProjectFactory(
        lead_organisation=OrganisationFactory(), places=[estate], intervention_types=[mentoring], draft=True
    )
    other = CoveringProjectFactory(
        lead_organisation=OrganisationFactory(), places=[estate], intervention_types=[mentoring]
    )
    query = "&".join(f"{k}={v}" for k, v in overlap_at(estate, mentoring, draft, other).items())
    assert youth_lead_client.get(f"{reverse('coverage:overlap-review')}?{query}").status_code == 404


@pytest.mark.parametrize("query", ["site=place-x&overlap_type=mentoring&projects=1,2", "site=place-1&projects=1"])
def test_a_malformed_overlap_address_is_not_found(programme_manager_client, partnership, query):
    assert programme_manager_client.get(f"{reverse('coverage:overlap-review')}?{query}").status_code == 404


def test_the_comparison_sets_out_what_a_decision_needs_with_the_lead_as_recorded_and_as_now(
    programme_manager_client, estate, mentoring
):
    """Catalyst (now part of Peabody) and Hyde: description, kinds of work, target, verified reach, funding."""
    catalyst, hyde = Organisation.objects.get(name="Catalyst"), Organisation.objects.get(name="Hyde")
    first = CoveringProjectFactory(
        title="Estate mentors",
        description="Weekly mentoring on the estate.",
        lead_organisation=catalyst,
        places=[estate],
        intervention_types=[mentoring, InterventionType.objects.get(slug="youth-voice")],
        target_reach=120,
        funding_programme=FundingProgramme.objects.get(name="MyEnds"),
        funding_amount=Decimal("25000"),
    )
    second = CoveringProjectFactory(
        title="Mentoring plus",
        lead_organisation=hyde,
        places=[estate],
        intervention_types=[mentoring],
        target_reach=None,
    )
    MonitoringReturnFactory(project=first, status=ReviewStatus.VERIFIED, young_people_reached=30)
    MonitoringReturnFactory(
        project=first, status=ReviewStatus.SUBMITTED, young_people_reached=99, quarter=Quarter(date(2025, 7, 1))
    )
    response = programme_manager_client.get(
        reverse("coverage:overlap-review"), overlap_at(estate, mentoring, first, second)
    )
    rows = {row.label: row.values for row in response.context["comparison"]}
    assert rows["Description"] == ["Weekly mentoring on the estate.", "None given"]
    assert rows["Kinds of work"] == ["Mentoring, Youth voice", "Mentoring"]
    assert rows["Target (young people)"] == ["120", "Not known"]
    assert rows["Reached so far (verified returns)"] == ["30", "0"]
    assert rows["Funding"] == ["MyEnds, £25,000", "No funding programme, amount not known"]
    assert rows["Lead as recorded"] == ["Catalyst", "Hyde"]
    assert rows["Lead as it is now"] == ["Peabody", "Hyde"]
    assert "the organisation it has since become through a merger" in text(response)
