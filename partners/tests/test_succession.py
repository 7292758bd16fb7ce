"""Organisations roll up through mergers and renames to the organisation as it is now."""

import pytest

from partners.models import Organisation
from partners.selectors import organisation_ids_rolling_up_to, organisation_now_map
from partners.succession import organisation_now, organisations_rolling_up_to
from programmes.models import Project
from programmes.tests.factories import ProjectFactory


def test_an_organisation_with_no_successor_is_itself_now():
    assert organisation_now(1, {1: None}) == 1


def test_a_chain_of_mergers_rolls_up_to_the_last_successor():
    successors = {1: 2, 2: 3, 3: None, 4: 3}
    assert organisation_now(1, successors) == 3
    assert organisations_rolling_up_to(3, successors) == {1, 2, 3, 4}
    assert organisations_rolling_up_to(2, successors) == {1, 2}


def test_a_cycle_in_bad_data_ends_instead_of_looping():
    assert organisation_now(1, {1: 2, 2: 1}) in {1, 2}


@pytest.mark.django_db
def test_an_optivo_project_stays_optivos_and_counts_under_southern_housing(partnership):
    optivo = Organisation.objects.get(name="Optivo")
    southern = Organisation.objects.get(name="Southern Housing")
    project = ProjectFactory(lead_organisation=optivo)

    assert Project.objects.get(pk=project.pk).lead_organisation == optivo
    rolled_up = Project.objects.filter(lead_organisation__in=organisation_ids_rolling_up_to(southern))
    assert project in rolled_up
    assert organisation_now_map()[optivo.pk] == southern.pk


@pytest.mark.django_db
def test_a_merger_partner_does_not_roll_up_into_its_fellow(partnership):
    sibling = ProjectFactory(lead_organisation=Organisation.objects.get(name="Southern Housing Group"))
    optivo = Organisation.objects.get(name="Optivo")
    assert sibling not in Project.objects.filter(lead_organisation__in=organisation_ids_rolling_up_to(optivo))
