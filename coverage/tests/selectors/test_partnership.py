"""The plain data the analysis reads: every link, only the projects that bear on the question, in few queries."""

from datetime import date

import pytest

from boroughs.models import Borough, Place
from boroughs.tests.factories import PlaceFactory
from coverage.analysis.data import Criteria
from coverage.selectors.partnership import coverage_partnership, coverage_reference, place_history
from partners.models import Organisation
from programmes.models import InterventionType, ProjectStatus
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

COUNTED = frozenset({"submitted", "returned", "verified"})
YEAR = Criteria(start=date(2025, 4, 1), end=date(2026, 3, 31), statuses=COUNTED)


def fetched(user, criteria=YEAR):
    return {
        p.id: p for p in coverage_partnership(user=user, criteria=criteria, reference=coverage_reference()).projects
    }


def test_a_project_arrives_with_its_places_boroughs_and_intervention_types(programme_manager):
    brent = Borough.objects.get(name="Brent")
    place = PlaceFactory(borough=brent)
    kinds = list(InterventionType.objects.all()[:2])
    project = ProjectFactory(places=[place], boroughs=[brent], intervention_types=kinds, age_min=12, age_max=15)
    info = fetched(programme_manager)[project.pk]
    assert (info.place_ids, info.borough_ids, info.type_ids) == (
        {place.pk},
        {brent.pk},
        {kind.pk for kind in kinds},
    )
    assert (info.lead_id, info.status, info.age_min, info.age_max) == (project.lead_organisation_id, "verified", 12, 15)


def test_only_projects_that_can_bear_on_the_period_and_the_question_are_fetched(programme_manager):
    ended = ProjectFactory(start_date=date(2022, 1, 1), end_date=date(2023, 1, 1))  # tells how long a gap lasted
    future = ProjectFactory(start_date=date(2026, 4, 1), end_date=date(2027, 1, 1))
    draft = ProjectFactory(status=ProjectStatus.DRAFT)
    too_old = ProjectFactory(age_min=19, age_max=25)
    ids = fetched(programme_manager, Criteria(YEAR.start, YEAR.end, COUNTED, age_min=10, age_max=17)).keys()
    assert ended.pk in ids
    assert not {future.pk, draft.pk, too_old.pk} & ids


def test_a_youth_lead_who_includes_drafts_gets_only_their_own_organisations(youth_lead):
    own = ProjectFactory(status=ProjectStatus.DRAFT, lead_organisation=youth_lead.organisation)
    other = ProjectFactory(status=ProjectStatus.DRAFT)
    ids = fetched(youth_lead, Criteria(YEAR.start, YEAR.end, COUNTED | {ProjectStatus.DRAFT})).keys()
    assert own.pk in ids and other.pk not in ids


@pytest.mark.parametrize("count", [1, 15])
def test_the_reference_lists_and_the_projects_take_six_queries_whatever_the_number(
    programme_manager, django_assert_num_queries, count
):
    brent = Borough.objects.get(name="Brent")
    for _ in range(count):
        ProjectFactory(
            places=[PlaceFactory(borough=brent)], intervention_types=list(InterventionType.objects.all()[:2])
        )
    with django_assert_num_queries(6):
        coverage_partnership(user=programme_manager, criteria=YEAR, reference=coverage_reference())


def test_the_reference_lists_carry_the_boroughs_a_place_crosses_into(partnership):
    newham = Borough.objects.get(name="Newham")
    road = PlaceFactory(borough=Borough.objects.get(name="Hackney"))
    road.also_in_boroughs.add(newham)
    place = {p.id: p for p in coverage_reference().places}[road.pk]
    assert place.also_in == {newham.pk}
    assert Organisation.objects.get(name="Catalyst").pk in coverage_reference().successors


def test_a_place_history_reads_only_the_projects_naming_it_or_its_boroughs(programme_manager):
    chalkhill = Place.objects.get(name="Chalkhill")
    hackney_wide = ProjectFactory(boroughs=[Borough.objects.get(name="Hackney")])
    data, histories = place_history(
        user=programme_manager,
        place=chalkhill,
        criteria=Criteria(date.min, date.max, COUNTED),
        reference=coverage_reference(),
        today=date(2025, 1, 1),
    )
    assert hackney_wide.pk not in {p.id for p in data.projects}
    youth_voice = next(h for h in histories if h.type.slug == "youth-voice")
    assert [p.title for p in youth_voice.projects] == ["One Flow – One Brent"]
