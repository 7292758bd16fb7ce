"""Writes to the youth voice log: recording a "you said, we did" session and updating it."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from boroughs.models import Borough, Place
from core.errors import PortalError
from partners.models import Organisation

from .. import permissions, rules
from ..models import FollowUpStatus, Project, YouthVoiceSession
from ..selectors.areas import boroughs_of_places
from ..selectors.projects import projects_visible_to


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
    """The partnership's rules on a session (rules.py), each refused with its message at its field."""
    rules.enforce(rules.session_in_future(details.date, today=timezone.localdate()), field="date")
    rules.enforce_each(rules.negatives({"young_people": details.young_people}))
    outside = rules.places_outside(boroughs_of_places(details.places), {details.borough.pk})
    rules.enforce(rules.places_outside_message(outside), field="places")
    rules.enforce(rules.follow_up_before_session(details.follow_up_date, details.date), field="follow_up_date")
    rules.enforce(rules.reported_back_without_change(details.follow_up_status, details.we_did), field="we_did")


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
