"""A partnership of any size for the portal's page tests: projects running today with all their parts."""

from datetime import timedelta

from django.utils import timezone

from boroughs.models import Borough, PlaceLandlord
from boroughs.tests.factories import PlaceFactory
from programmes.models import FundingProgramme, InterventionType, ProjectStatus, ReviewStatus
from programmes.periods import Quarter
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    FundedPostFactory,
    MonitoringReturnFactory,
    ProjectFactory,
    YouthVoiceSessionFactory,
)

BRENT = "E09000005"


def populate(size: int) -> list:
    """`size` projects in Brent running today, each with a place, two kinds of work, a consortium member,
    a verified and a submitted return, a funded post and a youth voice session (needs the partnership facts)."""
    today = timezone.localdate()
    brent = Borough.objects.get(gss_code=BRENT)
    kinds = list(InterventionType.objects.all()[:2])
    programme = FundingProgramme.objects.get(name="MyEnds")
    verified_quarter = Quarter.containing(today - timedelta(days=200))
    projects = []
    for number in range(size):
        place = PlaceFactory(borough=brent)
        project = ProjectFactory(
            boroughs=[brent],
            places=[place],
            intervention_types=kinds,
            funding_programme=programme,
            start_date=today - timedelta(days=400),
            end_date=today + timedelta(days=400),
            status=ProjectStatus.SUBMITTED if number % 3 == 0 else ProjectStatus.VERIFIED,
        )
        ConsortiumMemberFactory(project=project)
        PlaceLandlord.objects.create(place=place, organisation=project.lead_organisation, homes=100)
        for quarter, status in (
            (verified_quarter, ReviewStatus.VERIFIED),
            (verified_quarter.next(), ReviewStatus.SUBMITTED),
        ):
            MonitoringReturnFactory(project=project, period_start=quarter.start, period_end=quarter.end, status=status)
        FundedPostFactory(
            funding_programme=programme,
            is_filled=number % 2 == 0,
            start_date=today - timedelta(days=30),
            end_date=today + timedelta(days=30),
        )
        YouthVoiceSessionFactory(
            borough=brent, places=[place], projects=[project], organisations=[project.lead_organisation]
        )
        projects.append(project)
    return projects
