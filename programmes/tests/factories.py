"""Factories for programmes, projects, posts and returns."""

from datetime import date

import factory

from boroughs.tests.factories import BoroughFactory
from partners.tests.factories import OrganisationFactory
from programmes.models import (
    ConsortiumMember,
    FundedPost,
    FundingProgramme,
    InterventionType,
    MonitoringReturn,
    Project,
    ProjectStatus,
    YouthVoiceSession,
)


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme

    name = factory.Sequence(lambda n: f"Test programme {n}")
    funder = factory.SubFactory(OrganisationFactory)


class InterventionTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterventionType
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Intervention {n}")
    slug = factory.Sequence(lambda n: f"intervention-{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test project {n}")
    lead_organisation = factory.SubFactory(OrganisationFactory)
    age_min = 11
    age_max = 18
    start_date = date(2025, 4, 1)
    end_date = date(2027, 3, 31)
    status = ProjectStatus.VERIFIED
    target_reach = 100

    @factory.post_generation
    def places(self, create, places):
        if create and places:
            self.places.set(places)

    @factory.post_generation
    def boroughs(self, create, boroughs):
        if create and boroughs:
            self.boroughs.set(boroughs)

    @factory.post_generation
    def intervention_types(self, create, types):
        if create and types:
            self.intervention_types.set(types)


class ConsortiumMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsortiumMember

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class FundedPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundedPost

    title = factory.Sequence(lambda n: f"Post {n}")
    host_organisation = factory.SubFactory(OrganisationFactory)
    funder = factory.SubFactory(OrganisationFactory)
    start_date = date(2025, 4, 1)
    end_date = date(2027, 3, 31)


class MonitoringReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringReturn

    project = factory.SubFactory(ProjectFactory)
    period_start = date(2025, 4, 1)
    period_end = date(2025, 6, 30)
    young_people_reached = 25


class YouthVoiceSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YouthVoiceSession
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Youth forum {n}")
    date = date(2025, 6, 1)
    borough = factory.SubFactory(BoroughFactory)
    young_people = 12
    you_said = "Somewhere safe to meet after school."
    recorded_by_organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def places(self, create, places):
        if create and places:
            self.places.set(places)

    @factory.post_generation
    def organisations(self, create, organisations):
        if create and organisations:
            self.organisations.set(organisations)

    @factory.post_generation
    def projects(self, create, projects):
        if create and projects:
            self.projects.set(projects)
