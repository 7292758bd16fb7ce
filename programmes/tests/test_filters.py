"""Each register filter narrows the projects correctly, including the merger roll-up a project keeps its lead under."""

from datetime import date

import pytest

from boroughs.tests.factories import BoroughFactory, PlaceFactory
from partners.models import Organisation
from partners.selectors import organisation_ids_rolling_up_to, organisation_now_map
from programmes.filters import ProjectFilter
from programmes.models import Project, ProjectStatus
from programmes.tests.factories import ConsortiumMemberFactory, InterventionTypeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def filtered(**params):
    filterset = ProjectFilter(data=params, queryset=Project.objects.all())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs)


def test_borough_keeps_projects_naming_it_or_a_place_in_it():
    borough = BoroughFactory()
    named = ProjectFactory(boroughs=[borough])
    by_place = ProjectFactory(places=[PlaceFactory(borough=borough)])
    ProjectFactory(boroughs=[BoroughFactory()])
    assert filtered(borough=borough.gss_code) == {named, by_place}


def test_place_keeps_projects_naming_it_and_borough_wide_projects_there():
    place = PlaceFactory()
    neighbour = PlaceFactory(borough=place.borough)
    naming = ProjectFactory(places=[place], boroughs=[place.borough])
    borough_wide = ProjectFactory(boroughs=[place.borough])
    ProjectFactory(places=[neighbour], boroughs=[place.borough])  # names another place there: not borough-wide
    assert filtered(place=place.pk) == {naming, borough_wide}


def test_intervention_type_by_slug():
    mentoring, safe = InterventionTypeFactory(slug="mentoring"), InterventionTypeFactory(slug="safe-spaces")
    match = ProjectFactory(intervention_types=[mentoring, safe])
    ProjectFactory(intervention_types=[safe])
    assert filtered(intervention_type="mentoring") == {match}


def test_organisation_as_recorded_matches_lead_or_consortium_member():
    led = ProjectFactory()
    member = ConsortiumMemberFactory(organisation=led.lead_organisation).project
    ProjectFactory()
    assert filtered(organisation=led.lead_organisation.pk) == {led, member}


def test_organisation_as_it_is_now_rolls_up_through_mergers(partnership):
    optivo_project = ProjectFactory(lead_organisation=Organisation.objects.get(name="Optivo"))
    southern_group_member = ConsortiumMemberFactory(
        organisation=Organisation.objects.get(name="Southern Housing Group")
    ).project
    ProjectFactory(lead_organisation=Organisation.objects.get(name="Hyde"))
    southern = Organisation.objects.get(name="Southern Housing")
    assert filtered(organisation_now=southern.pk) == {optivo_project, southern_group_member}
    assert filtered(organisation=Organisation.objects.get(name="Optivo").pk) == {optivo_project}


def test_active_period_keeps_projects_whose_dates_intersect_it():
    inside = ProjectFactory(start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    ProjectFactory(start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
    ProjectFactory(start_date=date(2024, 1, 1), end_date=date(2024, 12, 31))
    assert filtered(active_from="2025-06-01", active_to="2025-06-30") == {inside}


def test_age_band_keeps_projects_whose_ages_intersect_it():
    teens = ProjectFactory(age_min=13, age_max=17)
    ProjectFactory(age_min=18, age_max=25)
    assert filtered(age_min=10, age_max=15) == {teens}


def test_status_programme_and_text():
    match = ProjectFactory(status=ProjectStatus.SUBMITTED, title="Boxing after school")
    ProjectFactory(status=ProjectStatus.VERIFIED, title="Boxing at weekends")
    assert filtered(status="submitted", q="boxing") == {match}


def test_an_unknown_value_is_a_form_error_not_a_crash():
    filterset = ProjectFilter(data={"borough": "E09999999", "age_min": "many"}, queryset=Project.objects.all())
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"borough", "age_min"}


def test_an_optivo_project_stays_optivos_and_counts_under_southern_housing(partnership):
    optivo = Organisation.objects.get(name="Optivo")
    southern = Organisation.objects.get(name="Southern Housing")
    project = ProjectFactory(lead_organisation=optivo)

    assert Project.objects.get(pk=project.pk).lead_organisation == optivo
    rolled_up = Project.objects.filter(lead_organisation__in=organisation_ids_rolling_up_to(southern))
    assert project in rolled_up
    assert organisation_now_map()[optivo.pk] == southern.pk


def test_a_merger_partner_does_not_roll_up_into_its_fellow(partnership):
    sibling = ProjectFactory(lead_organisation=Organisation.objects.get(name="Southern Housing Group"))
    optivo = Organisation.objects.get(name="Optivo")
    assert sibling not in Project.objects.filter(lead_organisation__in=organisation_ids_rolling_up_to(optivo))
