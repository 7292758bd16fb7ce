"""Writes for the programme manager's portal: recording youth voice sessions ("you said, we did")."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from boroughs.models import Borough, Place
from core.errors import PortalError
from partners.models import Organisation

from . import permissions
from .models import FollowUpStatus, Project, YouthVoiceSession
from .selectors import projects_visible_to


@dataclass(frozen=True)
class YouthVoiceSessionDetails:
    """What a recorder says about a session; the same for recording it and for updating it."""

    title: str
    date: date
    borough: Borough
    young_people: int
    you_said: str
    we_did: str = ""
    follow_up_status: str = FollowUpStatus.NOT_STARTED
    follow_up_date: date | None = None
    places: tuple[Place, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    projects: tuple[Project, ...] = ()


def _check(details: YouthVoiceSessionDetails) -> None:
    if details.date > timezone.localdate():
        raise PortalError("The date of the session must be today or in the past.", field="date")
    place_ids = [place.pk for place in details.places]
    in_borough = set(
        Place.objects.filter(Q(borough=details.borough) | Q(also_in_boroughs=details.borough), pk__in=place_ids)
        .values_list("pk", flat=True)
        .distinct()
    )
    for place in details.places:
        if place.pk not in in_borough:
            raise PortalError(f"{place.name} is not in {details.borough.name}.", field="places")
    if details.follow_up_date is not None and details.follow_up_date < details.date:
        raise PortalError("The follow-up date cannot be before the session.", field="follow_up_date")
    if details.follow_up_status == FollowUpStatus.REPORTED_BACK and not details.we_did.strip():
        raise PortalError("Say what changed before marking the session reported back.", field="we_did")


def _save(session: YouthVoiceSession, details: YouthVoiceSessionDetails, *, reason: str, projects) -> YouthVoiceSession:
    _check(details)
    for name in (
        "title",
        "date",
        "borough",
        "young_people",
        "you_said",
        "we_did",
        "follow_up_status",
        "follow_up_date",
    ):
        setattr(session, name, getattr(details, name))
    session._change_reason = reason
    session.save()
    session.places.set(details.places)
    session.organisations.set(details.organisations)
    session.projects.set(projects)
    return session


@transaction.atomic
def youth_voice_session_record(*, recorded_by, details: YouthVoiceSessionDetails) -> YouthVoiceSession:
    """Record a session; the recorder's organisation is kept so its youth leads can update it later."""
    if not permissions.can_record_youth_voice_session.test(recorded_by):
        raise PortalError("Your account cannot record youth voice sessions.")
    session = YouthVoiceSession(recorded_by=recorded_by, recorded_by_organisation_id=recorded_by.organisation_id)
    return _save(session, details, reason="Recorded", projects=details.projects)


@transaction.atomic
def youth_voice_session_update(
    *, session: YouthVoiceSession, changed_by, details: YouthVoiceSessionDetails
) -> YouthVoiceSession:
    """Update a session, such as adding what changed ("we did") and when young people were told."""
    if not permissions.can_edit_youth_voice_session.test(changed_by, session):
        raise PortalError("Only VRU staff or an organisation involved in this session can change it.")
    # Links to projects the editor cannot see (another organisation's draft) are kept, not dropped.
    hidden = session.projects.exclude(pk__in=projects_visible_to(changed_by).values("pk"))
    return _save(session, details, reason="Updated", projects=[*details.projects, *hidden])
