"""Loading the real facts gives the partnership DOMAIN.md describes, and loading twice changes nothing."""

import pytest
from django.core.management import call_command

from boroughs.models import Borough, Place
from partners.models import Organisation
from programmes.models import ConsortiumMember, FundedPost, Project
from programmes.partnership import HOUSING_ASSOCIATIONS, ONE_FLOW, partnership_load

pytestmark = pytest.mark.django_db

MODELS = [Borough, Place, Organisation, Project, ConsortiumMember, FundedPost]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS} | {
        f"history {model.__name__}": model.history.count() for model in MODELS
    }


def test_loading_twice_changes_nothing():
    call_command("load_partnership")
    first = counts()
    call_command("load_partnership")
    assert counts() == first
    assert partnership_load().total == 0


def test_the_33_london_areas_with_the_seven_partnership_boroughs(partnership):
    assert Borough.objects.count() == 33
    assert set(Borough.objects.partnership().values_list("name", "gss_code")) == {
        ("Brent", "E09000005"),
        ("Hackney", "E09000012"),
        ("Islington", "E09000019"),
        ("Lambeth", "E09000022"),
        ("Southwark", "E09000028"),
        ("Tower Hamlets", "E09000030"),
        ("Waltham Forest", "E09000031"),
    }


def test_the_nine_housing_associations_are_hayn_members(partnership):
    members = Organisation.objects.housing_associations().hayn_members()
    assert set(members.values_list("name", flat=True)) == set(HOUSING_ASSOCIATIONS)


def test_one_flow_one_brent_as_the_release_describes_it(partnership):
    project = Project.objects.get(title=ONE_FLOW)
    assert project.lead_organisation.name == "Young Brent Foundation"
    assert project.funding_programme.name == "MyEnds"
    assert project.target_reach == 3000
    assert set(project.places.values_list("name", flat=True)) == {"Chalkhill", "Church End", "Stonebridge"}
    assert {"Catalyst", "Hyde", "MTVH"} <= set(project.consortium.values_list("name", flat=True))
    assert list(project.boroughs.values_list("name", flat=True)) == ["Brent"]


def test_the_two_vru_posts(partnership):
    assert set(FundedPost.objects.values_list("title", "host_organisation__name")) == {
        ("Programme Manager", "London's Violence Reduction Unit"),
        ("Programme Coordinator", "London's Violence Reduction Unit"),
    }


def test_what_the_source_does_not_say_is_not_known_or_marked_assumed(partnership):
    """The release gives neither the posts' FTE nor whether they are filled, nor One Flow's dates and ages."""
    assert set(FundedPost.objects.values_list("fte", "is_filled")) == {(None, None)}
    one_flow = Project.objects.get(title=ONE_FLOW)
    assert (one_flow.dates_assumed, one_flow.ages_assumed) == (True, True)


def test_successions_roll_optivo_and_southern_housing_group_into_southern_housing(partnership):
    southern = Organisation.objects.get(name="Southern Housing")
    assert set(southern.predecessors.values_list("name", flat=True)) == {"Optivo", "Southern Housing Group"}
