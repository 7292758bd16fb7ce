"""The partnership's rules on projects, returns and youth voice sessions, each once and with its one message.

Every rule is a plain function over plain values (dates, numbers, names, ids) that returns the message for
the user when the rule is broken and None when it holds, so forms, services and importers ask the same
question and say the same thing. `enforce` turns a broken rule into the domain error at a field, as
services raise it.
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any

from core.errors import PortalError
from core.formatting import date_range

from .models import FollowUpStatus, ReviewStatus
from .periods import Quarter

# What the project form says about places; the rule itself is places_outside below.
PLACES_HINT = "Each must be in one of the boroughs you chose."


def enforce(message: str | None, *, field: str | None = None) -> None:
    """Raise a broken rule's message as the domain error, at `field`; do nothing when the rule holds."""
    if message:
        raise PortalError(message, field=field)


def enforce_each(problems: Mapping[str, str]) -> None:
    """Raise the first of several broken rules, each keyed by the field it is about."""
    for field, message in problems.items():
        raise PortalError(message, field=field)


# Dates, ages and counts ---------------------------------------------------------------------------------


def end_before_start(start: date, end: date) -> str | None:
    """A project (or anything with a start and an end) ends on or after the day it starts."""
    return "The end date must be the same as or after the start date" if end < start else None


def ages_out_of_order(age_min: int, age_max: int) -> str | None:
    """The youngest age served is not above the oldest."""
    return "The oldest age must be the same as or above the youngest age" if age_min > age_max else None


# Counts and amounts that cannot be negative, by field name, each with the name its message gives it.
NOT_NEGATIVE = {
    "age_min": "The youngest age",
    "age_max": "The oldest age",
    "funding_amount": "The funding amount",
    "target_reach": "The target",
    "young_people_reached": "Young people reached",
    "sessions_delivered": "Sessions delivered",
    "families_reached": "Families reached",
    "young_people": "The number of young people",
}


def negative_message(name: str) -> str:
    """What a count or amount below zero is told, naming it: "The target cannot be negative"."""
    return f"{NOT_NEGATIVE[name]} cannot be negative"


def negatives(values: Mapping[str, Any]) -> dict[str, str]:
    """The counts and amounts among `values` (keyed by field name) that are below zero, each with its message;
    a value not entered (None) is not a count."""
    return {
        name: negative_message(name)
        for name, value in values.items()
        if name in NOT_NEGATIVE and value is not None and value < 0
    }


# Places and boroughs ------------------------------------------------------------------------------------


def places_outside(places: Mapping[Any, Collection[int]], borough_ids: Collection[int]) -> list:
    """The places in none of the chosen boroughs; each place maps to the ids of every borough it lies in
    (its own and those it crosses into), since a place counts as in every borough it touches."""
    chosen = set(borough_ids)
    return [place for place, boroughs in places.items() if not chosen.intersection(boroughs)]


def places_outside_message(outside: Sequence) -> str | None:
    """What the user is told about places outside the chosen boroughs, naming each; None if there are none."""
    if not outside:
        return None
    names = ", ".join(str(place) for place in outside)
    if len(outside) == 1:
        return f"{names} is not in a borough you chose: choose its borough, or remove the place."
    return f"{names} are not in a borough you chose: choose their boroughs, or remove the places."


# Who works on a project ---------------------------------------------------------------------------------


def lead_of_another_organisation(lead, own_organisation, *, names_any_lead: bool) -> str | None:
    """Who may name a project's lead organisation: VRU staff any organisation, everyone else only their own.
    The lead owes the project's monitoring returns, so no one commits another organisation to them. The same
    rule holds on the project form, in project_create, in the bulk import and on any other route."""
    if names_any_lead or lead == own_organisation:
        return None
    return (
        f"You can name only your own organisation, {own_organisation}, as the lead, because the lead owes the "
        f"monitoring returns. Ask the VRU programme team to log a project that {lead} leads."
    )


def lead_in_consortium(lead, members: Collection) -> str | None:
    """The lead organisation is not also one of its own consortium's members."""
    if lead in members:
        return f"{lead} leads the project, so it cannot also be a consortium member: remove it."
    return None


def organisation_not_involved(organisation, lead, members: Collection) -> str | None:
    """The organisation saving a project leads it or is a member of its consortium."""
    if organisation != lead and organisation not in members:
        return f"Your organisation, {organisation}, must lead this project or be a member of its consortium."
    return None


# The VRU's review ---------------------------------------------------------------------------------------


def verified_work_deleted(status: str, *, has_verified_returns: bool = False) -> str | None:
    """Verified work is never deleted, anywhere (the admin included): a verified project, one with verified
    returns, or a verified return. A project is cancelled instead, which keeps it and its history."""
    if status == ReviewStatus.VERIFIED or has_verified_returns:
        return "Verified work is never deleted: cancel the project instead, which keeps it and its history."
    return None


def send_back_without_comment(comment: str) -> str | None:
    """Work returned for changes says what needs to change."""
    return "Say what needs to change before you return it" if not comment.strip() else None


# Monitoring returns -------------------------------------------------------------------------------------


def return_period_problem(start: date, end: date, project_start: date, project_end: date, *, today: date) -> str | None:
    """A return covers exactly one financial quarter, which the project runs in and which has started."""
    quarter = Quarter.containing(start)
    if (start, end) != (quarter.start, quarter.end):
        return f"The period must be exactly one financial quarter, such as {date_range(quarter.start, quarter.end)}."
    if quarter.end < project_start or quarter.start > project_end:
        return (
            f"{quarter} is outside the project's dates ({date_range(project_start, project_end)}): "
            "choose a quarter the project runs in."
        )
    if quarter.start > today:
        return f"{quarter} has not started yet: make its return once it has."
    return None


def quarter_taken_message(quarter: Quarter) -> str:
    """A project has one return per quarter: what a second one is told."""
    return f"This project already has a return for {quarter}: change that one instead."


# Youth voice sessions -----------------------------------------------------------------------------------


def session_in_future(day: date, *, today: date) -> str | None:
    """A session is recorded once it has happened."""
    return "The date of the session must be today or in the past." if day > today else None


def follow_up_before_session(follow_up: date | None, session: date) -> str | None:
    """Young people are told what changed on or after the session, not before it."""
    if follow_up is not None and follow_up < session:
        return "The follow-up date cannot be before the session."
    return None


def reported_back_without_change(follow_up_status: str, we_did: str) -> str | None:
    """A session is marked reported back only once it says what changed."""
    if follow_up_status == FollowUpStatus.REPORTED_BACK and not we_did.strip():
        return "Say what changed before marking the session reported back."
    return None
