"""Finding what a file names: by name or code, in any case; a place's shared name settled by its borough."""

import pytest

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from jobs.imports.lookup import Directory
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_organisations_boroughs_and_kinds_of_work_are_found_by_name_or_code_in_any_case(partnership, brent):
    charity = OrganisationFactory(name="Young Brent Charity", charity_number="1122334")
    directory = Directory()
    assert directory.organisation("young brent charity") == directory.organisation("GB-CHC-1122334") == charity
    assert directory.borough("BRENT") == directory.borough(brent.gss_code.lower()) == brent
    assert directory.intervention_type("mentoring").slug == "mentoring"
    assert directory.youth_involvement("Co-designed") == directory.youth_involvement("co-designed") == "co_designed"


def test_a_name_the_portal_does_not_know_is_refused_with_what_was_looked_for(partnership):
    with pytest.raises(ValueError, match="No London borough called “Atlantis” is in the portal."):
        Directory().borough("Atlantis")


def test_a_place_s_shared_name_is_settled_by_the_chosen_boroughs_or_by_naming_its_borough(partnership, brent):
    hackney = Borough.objects.get(name="Hackney")
    in_brent = PlaceFactory(name="Church Road", borough=brent)
    in_hackney = PlaceFactory(name="Church Road", borough=hackney)
    directory = Directory()
    assert directory.place("church road", borough_ids={brent.pk}) == in_brent
    assert directory.place("Church Road (Hackney)", borough_ids=set()) == in_hackney
    with pytest.raises(ValueError, match="write it as “Name \\(Borough\\)”"):
        directory.place("Church Road", borough_ids={brent.pk, hackney.pk})
