"""The database refuses organisations and people that break the partnership's rules."""

from datetime import date

import pytest
from django.db import IntegrityError

from core.roles import Role
from partners.models import SuccessionKind, User
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_cannot_succeed_itself():
    org = OrganisationFactory()
    org.successor, org.succession_kind = org, SuccessionKind.RENAMED
    with pytest.raises(IntegrityError):
        org.save()


def test_a_successor_needs_a_kind_of_succession():
    with pytest.raises(IntegrityError):
        OrganisationFactory(successor=OrganisationFactory())


def test_a_succession_date_needs_a_successor():
    with pytest.raises(IntegrityError):
        OrganisationFactory(succession_date=date(2022, 12, 1))


def test_a_complete_succession_is_accepted():
    org = OrganisationFactory(
        successor=OrganisationFactory(), succession_kind=SuccessionKind.MERGED, succession_date=date(2022, 12, 1)
    )
    assert org.successor.predecessors.get() == org


def test_a_youth_lead_must_belong_to_an_organisation():
    with pytest.raises(IntegrityError):
        User.objects.create_user(username="orphan", role=Role.YOUTH_LEAD, organisation=None)


def test_org_id_prefers_charity_then_company_then_regulator():
    assert OrganisationFactory(charity_number="1170440", company_number="1").org_id == "GB-CHC-1170440"
    assert OrganisationFactory(company_number="07567436").org_id == "GB-COH-07567436"
    assert OrganisationFactory(social_housing_regulator_code="4851").org_id == "GB-SHPE-4851"
    assert OrganisationFactory().org_id == ""
