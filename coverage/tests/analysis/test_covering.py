"""What a project covers and whether it counts: places named, whole boroughs, crossings, dates, ages, statuses."""

from datetime import date

from coverage.analysis.data import PLACE, Site
from coverage.analysis.matrix import CellState, analyse
from coverage.tests.plain_partnerships import (
    BRENT,
    CATALYST,
    CHALKHILL,
    CHURCH_END,
    HACKNEY,
    KINGSLAND_ROAD,
    MENTORING,
    NEWHAM,
    PEABODY,
    SAFE_SPACES,
    STONEBRIDGE,
    criteria,
    partnership,
    project,
)

from .results import overlap_sets, state


def test_a_project_covers_the_places_it_names_and_no_others():
    result = analyse(partnership(project(1, boroughs=[BRENT], places=[CHALKHILL])), criteria())
    assert state(result, CHALKHILL) == CellState.THIN
    assert state(result, STONEBRIDGE) == CellState.GAP
    assert result.cell(Site(PLACE, CHALKHILL.id), MENTORING.id).named_ids == (1,)


def test_a_project_naming_a_borough_but_no_place_covers_every_place_in_it():
    result = analyse(partnership(project(1, boroughs=[BRENT])), criteria())
    assert {state(result, place) for place in (CHALKHILL, STONEBRIDGE, CHURCH_END)} == {CellState.THIN}
    assert state(result, KINGSLAND_ROAD) == CellState.GAP
    assert result.cell(Site(PLACE, STONEBRIDGE.id), MENTORING.id).whole_ids == (1,)


def test_whole_borough_coverage_reaches_places_crossing_into_the_borough():
    result = analyse(partnership(project(1, boroughs=[NEWHAM])), criteria())
    assert state(result, KINGSLAND_ROAD) == CellState.THIN


def test_a_project_covers_wholly_only_the_named_boroughs_where_it_names_no_place():
    result = analyse(partnership(project(1, boroughs=[BRENT, HACKNEY], places=[CHALKHILL])), criteria())
    assert state(result, CHALKHILL) == CellState.THIN
    assert state(result, STONEBRIDGE) == CellState.GAP
    assert state(result, KINGSLAND_ROAD) == CellState.THIN


def test_merged_organisations_count_as_one_as_they_are_now_and_as_two_as_recorded():
    data = partnership(
        project(1, lead=CATALYST, boroughs=[BRENT], places=[CHALKHILL]),
        project(2, lead=PEABODY, boroughs=[BRENT], places=[CHALKHILL]),
    )
    now = analyse(data, criteria(now=True))
    recorded = analyse(data, criteria(now=False))
    assert state(now, CHALKHILL) == CellState.THIN
    assert now.overlaps == ()
    assert state(recorded, CHALKHILL) == CellState.OVERLAP
    assert overlap_sets(recorded) == {(Site(PLACE, CHALKHILL.id), MENTORING.id, frozenset({1, 2}))}
    assert now.organisation_ids([1, 2]) == (PEABODY,)


def test_a_project_is_active_when_its_dates_touch_the_period_at_either_end():
    period = (date(2025, 4, 1), date(2025, 6, 30))
    data = partnership(
        project(1, places=[CHALKHILL], dates=(date(2024, 1, 1), date(2025, 3, 31))),
        project(2, places=[STONEBRIDGE], dates=(date(2024, 1, 1), date(2025, 4, 1))),
        project(3, places=[CHURCH_END], dates=(date(2025, 6, 30), date(2026, 1, 1))),
        project(4, places=[KINGSLAND_ROAD], dates=(date(2025, 7, 1), date(2026, 1, 1))),
    )
    result = analyse(data, criteria(period=period))
    assert [state(result, p) for p in (CHALKHILL, STONEBRIDGE, CHURCH_END, KINGSLAND_ROAD)] == [
        CellState.GAP,
        CellState.THIN,
        CellState.THIN,
        CellState.GAP,
    ]


def test_a_project_serves_an_age_band_when_its_ages_intersect_the_band():
    data = partnership(
        project(1, places=[CHALKHILL], ages=(10, 13)),
        project(2, places=[STONEBRIDGE], ages=(10, 14)),
        project(3, places=[CHURCH_END], ages=(17, 25)),
    )
    result = analyse(data, criteria(ages=(14, 17)))
    assert [state(result, p) for p in (CHALKHILL, STONEBRIDGE, CHURCH_END)] == [
        CellState.GAP,
        CellState.THIN,
        CellState.THIN,
    ]


def test_drafts_and_cancelled_projects_are_left_out_unless_included():
    data = partnership(
        project(1, places=[CHALKHILL], status="draft"),
        project(2, places=[STONEBRIDGE], status="cancelled"),
    )
    assert state(analyse(data, criteria()), CHALKHILL) == CellState.GAP
    assert state(analyse(data, criteria()), STONEBRIDGE) == CellState.GAP
    with_drafts = analyse(data, criteria(statuses={"verified", "submitted", "returned", "draft"}))
    assert state(with_drafts, CHALKHILL) == CellState.THIN
    assert state(with_drafts, STONEBRIDGE) == CellState.GAP


def test_only_the_chosen_intervention_types_are_analysed():
    data = partnership(project(1, places=[CHALKHILL], types=[SAFE_SPACES]))
    result = analyse(data, criteria(types=[MENTORING]))
    assert result.types == (MENTORING,)
    assert state(result, CHALKHILL) == CellState.GAP
    assert (Site(PLACE, CHALKHILL.id), SAFE_SPACES.id) not in result.cells
