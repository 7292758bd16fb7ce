"""Helpers the portal-wide tests share."""

from datetime import date

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from boroughs.models import Borough
from partners.models import Organisation, User
from programmes.models import ConsortiumRole, InterventionType, MonitoringReturn, Project, ReviewStatus
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    MonitoringReturnFactory,
    ProjectFactory,
    YouthVoiceSessionFactory,
)


def password_reset_args(username: str) -> tuple[str, str]:
    """The uid and token of a fresh password reset link for this user, as the email would carry them."""
    user = User.objects.get(username=username)
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


HYDE = "Hyde"
QUARTERS = {ReviewStatus.DRAFT: date(2025, 4, 1), ReviewStatus.SUBMITTED: date(2025, 7, 1)}


def hyde_projects_create() -> None:
    """Hyde's projects (with a consortium, a borough, a place and kinds of work) in each state the pages and
    forms under test need, on the verified one a draft and a submitted monitoring return, and a youth voice
    session Hyde recorded."""
    hyde = Organisation.objects.get(name=HYDE)
    brent = Borough.objects.get(name="Brent")
    for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.VERIFIED):
        project = ProjectFactory(
            title=f"{HYDE} {status} project",
            lead_organisation=hyde,
            status=status,
            boroughs=[brent],
            places=[brent.places.order_by("pk").first()],
            intervention_types=InterventionType.objects.order_by("pk")[:2],
        )
        ConsortiumMemberFactory(
            project=project,
            organisation=Organisation.objects.get(name="Clarion Housing Group"),
            role=ConsortiumRole.DELIVERY_PARTNER,
        )
    for status, start in QUARTERS.items():
        MonitoringReturnFactory(
            project=project, status=status, period_start=start, period_end=date(start.year, start.month + 2, 30)
        )
    YouthVoiceSessionFactory(
        title=f"{HYDE} youth forum", borough=brent, recorded_by_organisation=hyde, organisations=[hyde]
    )


def hyde_project(status: str) -> Project:
    return Project.objects.get(title=f"{HYDE} {status} project")


def hyde_return(status: str) -> MonitoringReturn:
    return MonitoringReturn.objects.get(project__title=f"{HYDE} verified project", status=status)
