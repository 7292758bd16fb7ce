"""Checking each row: the partnership's rules applied, every problem named by row and column, existing rows marked."""

from datetime import date
from decimal import Decimal
from functools import partial

import pytest

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from jobs.imports.columns import PROJECT_COLUMNS, RETURN_COLUMNS
from jobs.imports.files import ImportFileError
from jobs.imports.rows import check_projects, check_returns
from jobs.models import ImportKind
from partners.models import Organisation
from programmes.models import ProjectStatus
from programmes.rules import (
    ages_out_of_order,
    end_before_start,
    lead_of_another_organisation,
    places_outside,
    return_period_problem,
)
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

from ..factories import project_row, return_row

PROJECT_HEADINGS = [column.heading for column in PROJECT_COLUMNS]


def check(rows, *, user=None, kind=ImportKind.PROJECTS, headings=None):
    headings = headings or [c.heading for c in (PROJECT_COLUMNS if kind == ImportKind.PROJECTS else RETURN_COLUMNS)]
    table = [(number, row) for number, row in enumerate(rows, start=2)]
    checker = check_projects if kind == ImportKind.PROJECTS else check_returns
    own = user.organisation if user else None
    return checker(
        headings,
        table,
        default_organisation=own,
        lead_problem=partial(lead_of_another_organisation, own_organisation=own, names_any_lead=own is None),
    )


# The rules a row is checked by are programmes/rules.py's; these check the importer says what the forms say.


def test_end_before_start_is_a_problem_and_the_same_day_is_not():
    assert end_before_start(date(2025, 4, 2), date(2025, 4, 1)) == (
        "The end date must be the same as or after the start date"
    )
    assert end_before_start(date(2025, 4, 1), date(2025, 4, 1)) is None


def test_youngest_above_oldest_is_a_problem():
    assert ages_out_of_order(19, 18) == "The oldest age must be the same as or above the youngest age"
    assert ages_out_of_order(18, 18) is None


def test_a_return_period_must_be_one_started_quarter_inside_the_project():
    start, end, today = date(2025, 5, 10), date(2026, 3, 31), date(2025, 10, 1)

    def problem(period_start, period_end):
        return return_period_problem(period_start, period_end, start, end, today=today)

    assert problem(date(2025, 4, 1), date(2025, 6, 30)) is None  # Overlaps the project's start.
    assert problem(date(2025, 10, 1), date(2025, 12, 31)) is None  # Started today.
    assert problem(date(2025, 4, 1), date(2025, 6, 29)) == (
        "The period must be exactly one financial quarter, such as 1 April 2025 to 30 June 2025."
    )
    assert problem(date(2026, 4, 1), date(2026, 6, 30)) == (
        "2026–27 Q1 is outside the project's dates (10 May 2025 to 31 March 2026): "
        "choose a quarter the project runs in."
    )
    assert (
        problem(date(2026, 1, 1), date(2026, 3, 31)) == "2025–26 Q4 has not started yet: make its return once it has."
    )


@pytest.mark.django_db
def test_a_place_is_inside_its_borough_and_the_boroughs_it_touches(partnership, brent):
    hackney = Borough.objects.get(name="Hackney")
    road = PlaceFactory(borough=brent)
    estate = PlaceFactory(borough=brent)
    places = {road: {brent.pk, hackney.pk}, estate: {brent.pk}}  # The road crosses into Hackney.
    assert places_outside(places, {hackney.pk}) == [estate]
    assert places_outside(places, {brent.pk}) == []


@pytest.mark.django_db
def test_headings_must_match_the_template(partnership):
    with pytest.raises(ImportFileError) as raised:
        check([project_row()], headings=[*PROJECT_HEADINGS[:-1], "Strat date"])
    assert "“Strat date” is not a column the portal knows" in str(raised.value)
    with pytest.raises(ImportFileError, match="“Title” is missing"):
        check([["HY-1"]], headings=["Reference"])


# Projects ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_good_project_row_passes_with_everything_resolved(partnership, brent):
    PlaceFactory(name="Chalkhill Estate", borough=brent)
    checked = check(
        [
            project_row(
                places="chalkhill estate",
                intervention_types="Mentoring; safe-spaces",
                consortium="Young Brent Foundation",
                funding_programme="MyEnds",
                funding_amount="£12,000",
                youth_involvement="co-designed",
            )
        ]
    )
    assert checked.problems == []
    (row,) = checked.new_rows
    assert row.values["lead_organisation"].name == "Hyde"
    assert [t.slug for t in row.values["intervention_types"]] == ["mentoring", "safe-spaces"]
    assert row.values["places"][0].name == "Chalkhill Estate"
    assert row.values["funding_amount"] == Decimal(12000)
    assert row.values["youth_involvement"] == "co_designed"


BROKEN_PROJECT_ROWS = (
    ({"end_date": "2025-03-31"}, "End date", "The end date must be the same as or after the start date"),
    ({"age_min": "19"}, "Oldest age", "The oldest age must be the same as or above the youngest age"),
    ({"age_min": "-1"}, "Youngest age", "This cannot be negative."),
    ({"target_reach": "-3"}, "Target reach", "This cannot be negative."),
    ({"funding_amount": "-3"}, "Funding amount (£)", "The funding amount cannot be negative."),
    ({"title": ""}, "Title", "Enter the title."),
    ({"reference": ""}, "Reference", "Enter the reference."),
    ({"boroughs": ""}, "Boroughs", "Enter at least one of the boroughs."),
    ({"intervention_types": ""}, "Intervention types", "Enter at least one of the intervention types."),
    ({"end_date": "31/03/0202"}, "End date", "Enter a real date, with a four-digit year, like 2025-04-01."),
    ({"boroughs": "Atlantis"}, "Boroughs", "No London borough called “Atlantis” is in the portal."),
    ({"lead_organisation": "Nobody Ltd"}, "Lead organisation", "No organisation called “Nobody Ltd” is in the portal."),
    (
        {"intervention_types": "Juggling"},
        "Intervention types",
        "No intervention type called “Juggling” is in the portal.",
    ),
    (
        {"consortium": "Hyde"},
        "Consortium members",
        "Hyde leads the project, so it cannot also be a consortium member: remove it.",
    ),
    ({"start_date": "31/02/2025"}, "Start date", "Enter a real date, like 2025-04-01 or 01/04/2025."),
    (
        {"youth_involvement": "often"},
        "How young people are involved",
        "No kind of involvement called “often” is in the portal.",
    ),
    ({"title": "x" * 201}, "Title", "Use at most 200 characters (this has 201)."),
)


@pytest.mark.django_db
def test_each_broken_rule_is_named_by_row_and_column(partnership):
    """One good row, then one row breaking each rule: every problem is reported, on its row and column."""
    rows = [project_row(reference="OK")] + [
        project_row(**({"reference": f"R{n}"} | values)) for n, (values, _, _) in enumerate(BROKEN_PROJECT_ROWS)
    ]
    checked = check(rows)
    assert checked.problems == [
        {"row": number, "column": column, "message": message}
        for number, (_, column, message) in enumerate(BROKEN_PROJECT_ROWS, start=3)
    ]
    assert [row.number for row in checked.rows] == [2]


@pytest.mark.django_db
def test_a_place_outside_the_chosen_boroughs_is_a_problem(partnership, brent):
    PlaceFactory(name="Mare Street", borough=Borough.objects.get(name="Hackney"))
    (problem,) = check([project_row(places="Mare Street")]).problems
    assert problem["column"] == "Places"
    assert (
        problem["message"]
        == "Mare Street (Hackney) is not in a borough you chose: choose its borough, or remove the place."
    )


@pytest.mark.django_db
def test_a_reference_twice_in_one_file_is_a_problem_on_the_second(partnership):
    checked = check([project_row(), project_row(title="Other")])
    assert checked.problems == [{"row": 3, "column": "Reference", "message": "Row 2 has the same reference for Hyde."}]


@pytest.mark.django_db
def test_rows_already_in_the_portal_are_marked_existing(partnership):
    ProjectFactory(lead_organisation=Organisation.objects.get(name="Hyde"), external_reference="HY-1")
    checked = check([project_row(), project_row(reference="HY-2")])
    assert (len(checked.new_rows), checked.existing_count) == (1, 1)


@pytest.mark.django_db
def test_a_youth_lead_s_rows_must_be_led_by_their_organisation(youth_lead):
    checked = check(
        [project_row(lead_organisation=""), project_row(reference="X", lead_organisation="Peabody")], user=youth_lead
    )
    assert checked.new_rows[0].values["lead_organisation"] == youth_lead.organisation  # Blank: their own.
    assert checked.problems == [
        {
            "row": 3,
            "column": "Lead organisation",
            "message": lead_of_another_organisation("Peabody", "Hyde", names_any_lead=False),
        }
    ]


# Returns -------------------------------------------------------------------------------------------


@pytest.fixture
def hyde_project(partnership):
    return ProjectFactory(
        lead_organisation=Organisation.objects.get(name="Hyde"),
        external_reference="HY-1",
        start_date=date(2025, 4, 1),
        end_date=date(2026, 3, 31),
    )


@pytest.mark.django_db
def test_a_good_return_row_passes(hyde_project):
    checked = check([return_row()], kind=ImportKind.RETURNS)
    assert checked.problems == []
    assert checked.new_rows[0].values["project"] == hyde_project
    assert checked.new_rows[0].values["young_people_reached"] == 25


BROKEN_RETURN_ROWS = (
    ({"project_reference": "NOPE"}, "Project reference", "Hyde has no project with the reference “NOPE”."),
    (
        {"period_end": "2025-06-29"},
        "Period start",
        "The period must be exactly one financial quarter, such as 1 April 2025 to 30 June 2025.",
    ),
    (
        {"period_start": "2026-04-01", "period_end": "2026-06-30"},
        "Period start",
        "2026–27 Q1 is outside the project's dates (1 April 2025 to 31 March 2026): "
        "choose a quarter the project runs in.",
    ),
    ({"project_reference": "DRAFT-1"}, "Project reference", "is draft: returns are made once a project is submitted."),
    ({"young_people_reached": "-2"}, "Young people reached", "This cannot be negative."),
    (
        {"sessions_delivered": "many", "period_start": "2025-07-01", "period_end": "2025-09-30"},
        "Sessions delivered",
        "Enter a whole number, like 25.",
    ),
)


@pytest.mark.django_db
def test_each_broken_return_rule_is_named_by_row_and_column(hyde_project):
    ProjectFactory(
        title="Not yet submitted",
        lead_organisation=hyde_project.lead_organisation,
        external_reference="DRAFT-1",
        status=ProjectStatus.DRAFT,
    )
    rows = [return_row(reference=f"R{n}", **values) for n, (values, _, _) in enumerate(BROKEN_RETURN_ROWS)]
    problems = check(rows, kind=ImportKind.RETURNS).problems
    assert [(p["row"], p["column"]) for p in problems] == [
        (number, column) for number, (_, column, _) in enumerate(BROKEN_RETURN_ROWS, start=2)
    ]
    for problem, (_, _, message) in zip(problems, BROKEN_RETURN_ROWS, strict=True):
        assert message in problem["message"]


@pytest.mark.django_db
def test_one_return_per_quarter(hyde_project):
    MonitoringReturnFactory(project=hyde_project, external_reference="THEIRS")
    next_quarter = {"period_start": "2025-07-01", "period_end": "2025-09-30"}
    checked = check([return_row(), return_row(reference="R-2", **next_quarter)], kind=ImportKind.RETURNS)
    assert checked.problems == [
        {
            "row": 2,
            "column": "Period start",
            "message": "This project already has a return for 2025–26 Q1: change that one instead.",
        }
    ]
    twice = check(
        [return_row(reference="R-2", **next_quarter), return_row(reference="R-3", **next_quarter)],
        kind=ImportKind.RETURNS,
    )
    assert twice.problems == [
        {"row": 3, "column": "Period start", "message": "Row 2 is a return for the same project and quarter."}
    ]


@pytest.mark.django_db
def test_a_return_already_imported_is_marked_existing(hyde_project):
    MonitoringReturnFactory(project=hyde_project, external_reference="R-1")
    checked = check([return_row()], kind=ImportKind.RETURNS)
    assert (checked.problems, checked.existing_count, checked.new_rows) == ([], 1, [])
