"""Factories for programmes, projects, posts, returns and youth voice sessions, with traits for busy pages."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from boroughs.models import Borough, PlaceLandlord
from boroughs.tests.factories import BoroughFactory, PlaceFactory
from partners.tests.factories import OrganisationFactory
from programmes.models import (
    ConsortiumMember,
    ConsortiumRole,
    FundedPost,
    FundingProgramme,
    InterventionType,
    MonitoringReturn,
    Project,
    ProjectStatus,
    ReviewStatus,
    YouthVoiceSession,
)
from programmes.partnership import MYENDS
from programmes.periods import Quarter, quarters_between

BRENT = "E09000005"


def _days_from_today(days: int):
    return lambda: timezone.localdate() + timedelta(days=days)


def _quarter_before_today(days: int, *, later: int = 0):
    """The quarter holding the day `days` before today, or the `later`-th quarter after it."""

    def quarter():
        found = Quarter.containing(timezone.localdate() - timedelta(days=days))
        for _ in range(later):
            found = found.next()
        return found

    return quarter


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


class FundedPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundedPost

    title = factory.Sequence(lambda n: f"Post {n}")
    host_organisation = factory.SubFactory(OrganisationFactory)
    funder = factory.SubFactory(OrganisationFactory)
    start_date = date(2025, 4, 1)
    end_date = date(2027, 3, 31)

    class Params:
        # Started a month ago and ends in a month: running whatever today is.
        running = factory.Trait(
            start_date=factory.LazyFunction(_days_from_today(-30)),
            end_date=factory.LazyFunction(_days_from_today(30)),
        )


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


def _on_an_estate_in_brent(project, create, extracted, **kwargs):
    """Brent, an estate of the project's own there (its lead a landlord), two kinds of work, and a youth voice
    session at the estate about the project."""
    if not create:
        return
    brent = Borough.objects.get(gss_code=BRENT)
    estate = PlaceFactory(borough=brent)
    PlaceLandlord.objects.create(place=estate, organisation=project.lead_organisation, homes=100)
    project.boroughs.set([brent])
    project.places.set([estate])
    project.intervention_types.set(InterventionType.objects.all()[:2])
    YouthVoiceSessionFactory(
        borough=brent, places=[estate], projects=[project], organisations=[project.lead_organisation]
    )


def _parts(project, create, extracted, size: int = 2, **kwargs):
    """`size` boroughs (each with a place and a youth voice session), kinds of work, consortium members, edits
    and verified returns: every list on the project's pages `size` long."""
    if not create:
        return
    boroughs = [BoroughFactory() for _ in range(size)]
    project.boroughs.set(boroughs)
    project.places.set([PlaceFactory(borough=borough) for borough in boroughs])
    project.intervention_types.set([InterventionTypeFactory() for _ in range(size)])
    for index in range(size):
        ConsortiumMemberFactory(project=project, role=ConsortiumRole.DELIVERY_PARTNER)
        project.title = f"Edited {index}"
        project.save()
    for quarter in quarters_between(project.start_date, date(2025, 3, 31))[:size]:
        MonitoringReturnFactory(project=project, quarter=quarter, status=ReviewStatus.VERIFIED)
    for borough in boroughs:
        YouthVoiceSessionFactory(
            borough=borough,
            places=list(borough.places.all()),
            organisations=[project.lead_organisation],
            projects=[project],
        )


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

    class Params:
        # How long each list of a `busy` project is.
        size = 2
        # Started 400 days ago and ends in 400 days: running whatever today is.
        running = factory.Trait(
            start_date=factory.LazyFunction(_days_from_today(-400)),
            end_date=factory.LazyFunction(_days_from_today(400)),
        )
        # Everything the partnership's pages show of a project (needs the partnership's facts): running in
        # Brent at an estate of its own, under MyEnds, one in three submitted, with a consortium member, a
        # verified return and a submitted one for the next quarter, a funded post and a youth voice session.
        on_the_ground = factory.Trait(
            running=True,
            funding_programme=factory.LazyFunction(lambda: FundingProgramme.objects.get(name=MYENDS)),
            status=factory.Iterator([ProjectStatus.SUBMITTED, ProjectStatus.VERIFIED, ProjectStatus.VERIFIED]),
            where=factory.PostGeneration(_on_an_estate_in_brent),
            member=factory.RelatedFactory("programmes.tests.factories.ConsortiumMemberFactory", "project"),
            verified_return=factory.RelatedFactory(
                "programmes.tests.factories.MonitoringReturnFactory",
                "project",
                status=ReviewStatus.VERIFIED,
                quarter=factory.LazyFunction(_quarter_before_today(200)),
            ),
            submitted_return=factory.RelatedFactory(
                "programmes.tests.factories.MonitoringReturnFactory",
                "project",
                status=ReviewStatus.SUBMITTED,
                quarter=factory.LazyFunction(_quarter_before_today(200, later=1)),
            ),
            post=factory.RelatedFactory(
                FundedPostFactory,
                running=True,
                funding_programme=factory.SelfAttribute("..funding_programme"),
                is_filled=factory.Iterator([True, False]),
            ),
        )
        # Every list on the project's pages `size` long, over quarters since April 2022.
        busy = factory.Trait(
            start_date=date(2022, 4, 1),
            end_date=date(2027, 3, 31),
            parts=factory.PostGeneration(_parts),
            parts__size=factory.SelfAttribute("..size"),
        )

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


class MonitoringReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringReturn

    project = factory.SubFactory(ProjectFactory)
    period_start = factory.LazyAttribute(lambda r: r.quarter.start if r.quarter else date(2025, 4, 1))
    period_end = factory.LazyAttribute(lambda r: r.quarter.end if r.quarter else date(2025, 6, 30))
    young_people_reached = 25

    class Params:
        # The quarter the return covers; without one, 2025–26 Q1 (April to June 2025).
        quarter = None


def projects_running_in_three_boroughs():
    """Projects running today in three boroughs: many in Brent, fewer in Hackney, one in Sutton."""
    today = timezone.localdate()
    dates = {"start_date": today - timedelta(days=30), "end_date": today + timedelta(days=30)}
    boroughs = {code: Borough.objects.get(gss_code=code) for code in ("E09000005", "E09000012", "E09000029")}
    mentoring = InterventionType.objects.get(slug="mentoring")
    for _ in range(8):
        ProjectFactory(boroughs=[boroughs["E09000005"]], intervention_types=[mentoring], **dates)
    for _ in range(3):
        ProjectFactory(places=[PlaceFactory(borough=boroughs["E09000012"])], **dates)
    ProjectFactory(boroughs=[boroughs["E09000029"]], **dates)
    ProjectFactory(boroughs=[boroughs["E09000029"]], status=ProjectStatus.DRAFT, **dates)
    ProjectFactory(
        boroughs=[boroughs["E09000029"]], start_date=today - timedelta(days=90), end_date=today - timedelta(1)
    )
    return today
