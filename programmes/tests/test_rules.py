"""The partnership's rules, each with its one message: what forms, services and importers all say."""

from datetime import date

import pytest

from core.errors import PortalError
from programmes import rules
from programmes.models import FollowUpStatus


class Place:
    """A place as the rules see it: only its name."""

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name


def test_an_end_on_or_after_the_start_holds_and_before_it_is_refused():
    assert rules.end_before_start(date(2025, 4, 1), date(2025, 4, 1)) is None
    assert (
        rules.end_before_start(date(2025, 4, 1), date(2025, 3, 31))
        == "The end date must be the same as or after the start date"
    )


def test_the_youngest_age_is_not_above_the_oldest():
    assert rules.ages_out_of_order(11, 11) is None
    assert rules.ages_out_of_order(19, 11) == "The oldest age must be the same as or above the youngest age"


def test_counts_and_amounts_below_zero_are_named_and_nothing_entered_is_not_a_count():
    values = {"age_min": -1, "target_reach": None, "families_reached": 0, "funding_amount": -5, "title": -1}
    assert rules.negatives(values) == {
        "age_min": "The youngest age cannot be negative",
        "funding_amount": "The funding amount cannot be negative",
    }


def test_a_place_lies_in_every_borough_it_touches():
    own, crossing, elsewhere = Place("Chalkhill"), Place("Harrow Road"), Place("Walworth Road")
    places = {own: {1}, crossing: {2, 1}, elsewhere: {3}}
    assert rules.places_outside(places, {1}) == [elsewhere]
    assert rules.places_outside(places, {1, 3}) == []


def test_places_outside_the_chosen_boroughs_are_named_with_what_to_do():
    assert rules.places_outside_message([]) is None
    assert (
        rules.places_outside_message([Place("Hackney Wick (Hackney)")])
        == "Hackney Wick (Hackney) is not in a borough you chose: choose its borough, or remove the place."
    )
    assert (
        rules.places_outside_message([Place("A"), Place("B")])
        == "A, B are not in a borough you chose: choose their boroughs, or remove the places."
    )


def test_only_vru_staff_name_another_organisation_as_the_lead():
    assert rules.lead_of_another_organisation("Hyde", "Hyde", names_any_lead=False) is None
    assert rules.lead_of_another_organisation("Peabody", "VRU", names_any_lead=True) is None
    assert rules.lead_of_another_organisation("Peabody", "Hyde", names_any_lead=False) == (
        "You can name only your own organisation, Hyde, as the lead, because the lead owes the "
        "monitoring returns. Ask the VRU programme team to log a project that Peabody leads."
    )
    assert rules.lead_of_another_organisation("Peabody", None, names_any_lead=False) is not None


def test_verified_work_is_never_deleted():
    assert rules.verified_work_deleted("draft") is None
    assert rules.verified_work_deleted("submitted") is None
    message = "Verified work is never deleted: cancel the project instead, which keeps it and its history."
    assert rules.verified_work_deleted("verified") == message
    assert rules.verified_work_deleted("submitted", has_verified_returns=True) == message


def test_the_lead_is_not_also_in_its_consortium_and_yours_leads_or_joins():
    assert rules.lead_in_consortium("Hyde", ["MTVH"]) is None
    assert (
        rules.lead_in_consortium("Hyde", ["Hyde"])
        == "Hyde leads the project, so it cannot also be a consortium member: remove it."
    )
    assert rules.organisation_not_involved("Hyde", "Hyde", []) is None
    assert rules.organisation_not_involved("Hyde", "Peabody", ["Hyde"]) is None
    assert (
        rules.organisation_not_involved("Hyde", "Peabody", ["MTVH"])
        == "Your organisation, Hyde, must lead this project or be a member of its consortium."
    )


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (date(2025, 4, 1), date(2025, 6, 30), None),
        (
            date(2025, 4, 1),
            date(2025, 5, 31),
            "The period must be exactly one financial quarter, such as 1 April 2025 to 30 June 2025.",
        ),
        (
            date(2024, 10, 1),
            date(2024, 12, 31),
            "2024–25 Q3 is outside the project's dates (1 April 2025 to 31 March 2027): "
            "choose a quarter the project runs in.",
        ),
        (date(2025, 10, 1), date(2025, 12, 31), "2025–26 Q3 has not started yet: make its return once it has."),
    ],
    ids=["one started quarter", "not a whole quarter", "outside the project", "not started"],
)
def test_a_return_covers_exactly_one_started_quarter_inside_the_projects_dates(start, end, message):
    problem = rules.return_period_problem(start, end, date(2025, 4, 1), date(2027, 3, 31), today=date(2025, 9, 1))
    assert problem == message


def test_youth_voice_sessions_have_happened_are_followed_up_after_and_say_what_changed():
    assert rules.session_in_future(date(2025, 9, 2), today=date(2025, 9, 1))
    assert rules.session_in_future(date(2025, 9, 1), today=date(2025, 9, 1)) is None
    assert rules.follow_up_before_session(date(2025, 8, 31), date(2025, 9, 1))
    assert rules.follow_up_before_session(None, date(2025, 9, 1)) is None
    assert rules.reported_back_without_change(FollowUpStatus.REPORTED_BACK, "  ")
    assert rules.reported_back_without_change(FollowUpStatus.IN_PROGRESS, "") is None


def test_returning_work_needs_a_comment():
    assert rules.send_back_without_comment(" ") == "Say what needs to change before you return it"
    assert rules.send_back_without_comment("Add the dates.") is None


def test_a_broken_rule_is_raised_at_its_field_and_a_rule_that_holds_raises_nothing():
    rules.enforce(None, field="end_date")
    rules.enforce_each({})
    with pytest.raises(PortalError) as refused:
        rules.enforce_each({"age_min": "The youngest age cannot be negative"})
    assert (refused.value.field, refused.value.message) == ("age_min", "The youngest age cannot be negative")
