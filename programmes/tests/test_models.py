"""The database itself refuses projects, posts and returns that break the partnership's rules."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from partners.tests.factories import OrganisationFactory
from programmes.models import FundingProgramme, Project
from programmes.tests.factories import FundedPostFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_project_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2025, 3, 31))


def test_a_project_can_start_and_end_on_one_day():
    assert ProjectFactory(start_date=date(2025, 4, 1), end_date=date(2025, 4, 1)).pk


def test_a_projects_youngest_age_cannot_be_above_its_oldest():
    with pytest.raises(IntegrityError):
        ProjectFactory(age_min=19, age_max=18)


def test_funding_cannot_be_negative():
    with pytest.raises(IntegrityError):
        ProjectFactory(funding_amount=Decimal("-1.00"))


@pytest.mark.parametrize("field", ["target_reach", "age_min"])
def test_counts_and_ages_cannot_be_negative(field):
    with pytest.raises(IntegrityError):
        ProjectFactory(**{field: -1})


def test_a_project_has_exactly_one_lead():
    with pytest.raises(IntegrityError):
        ProjectFactory(lead_organisation=None)


def test_an_external_reference_is_unique_per_lead_but_blank_is_free():
    lead = OrganisationFactory()
    ProjectFactory(lead_organisation=lead, external_reference="CAT-1")
    ProjectFactory(lead_organisation=OrganisationFactory(), external_reference="CAT-1")
    ProjectFactory(lead_organisation=lead)
    ProjectFactory(lead_organisation=lead)
    with pytest.raises(IntegrityError):
        ProjectFactory(lead_organisation=lead, external_reference="CAT-1")


def test_a_programme_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        FundingProgramme.objects.create(
            name="Backwards", funder=OrganisationFactory(), start_date=date(2025, 1, 2), end_date=date(2025, 1, 1)
        )


def test_a_post_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        FundedPostFactory(start_date=date(2025, 4, 1), end_date=date(2025, 3, 1))


@pytest.mark.parametrize("fte", [Decimal("0"), Decimal("1.01"), Decimal("-0.5")])
def test_a_posts_fte_is_more_than_0_and_at_most_1(fte):
    with pytest.raises(IntegrityError):
        FundedPostFactory(fte=fte)


def test_a_posts_cost_cannot_be_negative():
    with pytest.raises(IntegrityError):
        FundedPostFactory(annual_cost=Decimal("-10"))


def test_a_return_period_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        MonitoringReturnFactory(period_start=date(2025, 4, 1), period_end=date(2025, 3, 31))


@pytest.mark.parametrize("field", ["young_people_reached", "sessions_delivered", "families_reached"])
def test_return_counts_cannot_be_negative(field):
    with pytest.raises(IntegrityError):
        MonitoringReturnFactory(**{field: -1})


def test_one_return_per_project_per_quarter():
    first = MonitoringReturnFactory()
    with pytest.raises(IntegrityError):
        MonitoringReturnFactory(project=first.project, period_start=first.period_start, period_end=first.period_end)


def test_active_between_keeps_projects_whose_dates_intersect_the_period():
    inside = ProjectFactory(start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    touching = ProjectFactory(start_date=date(2025, 12, 31), end_date=date(2026, 6, 30))
    ProjectFactory(start_date=date(2026, 1, 1), end_date=date(2026, 6, 30))
    found = Project.objects.active_between(date(2025, 6, 1), date(2025, 12, 31))
    assert set(found) == {inside, touching}


def test_serving_ages_keeps_projects_whose_age_range_intersects_the_band():
    teens = ProjectFactory(age_min=13, age_max=17)
    ProjectFactory(age_min=18, age_max=25)
    assert list(Project.objects.serving_ages(10, 17)) == [teens]
