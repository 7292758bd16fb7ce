"""Overlaps on hand-built partnerships: different leads, ages and dates meeting, connected groups, where listed."""

from datetime import date

from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.analysis.matrix import CellState, analyse
from coverage.analysis.overlaps import common_ground
from coverage.tests.plain_partnerships import (
    BRENT,
    CHALKHILL,
    CHURCH_END,
    HACKNEY,
    HYDE,
    KINGSLAND_ROAD,
    MENTORING,
    NEWHAM,
    PEABODY,
    SAFE_SPACES,
    STONEBRIDGE,
    YOUNG_BRENT,
    criteria,
    partnership,
    project,
)

from .results import brent, overlap_sets, state


def test_two_organisations_delivering_the_same_thing_to_the_same_ages_at_the_same_time_overlap():
    data = partnership(
        project(1, lead=HYDE, places=[CHALKHILL], ages=(10, 14)),
        project(2, lead=YOUNG_BRENT, places=[CHALKHILL], ages=(14, 18)),
    )
    result = analyse(data, criteria())
    assert state(result, CHALKHILL) == CellState.OVERLAP
    assert result.cell(*brent()).state == CellState.OVERLAP
    assert overlap_sets(result) == {(Site(PLACE, CHALKHILL.id), MENTORING.id, frozenset({1, 2}))}


def test_no_overlap_for_one_organisation_or_for_ages_or_dates_that_do_not_meet():
    first_half, second_half = (date(2025, 4, 1), date(2025, 9, 30)), (date(2025, 10, 1), date(2026, 3, 31))
    data = partnership(
        project(1, lead=HYDE, places=[CHALKHILL]),
        project(2, lead=HYDE, places=[CHALKHILL]),
        project(3, lead=HYDE, places=[STONEBRIDGE], ages=(10, 13)),
        project(4, lead=PEABODY, places=[STONEBRIDGE], ages=(14, 18)),
        project(5, lead=HYDE, places=[CHURCH_END], dates=first_half),
        project(6, lead=PEABODY, places=[CHURCH_END], dates=second_half),
        project(7, lead=PEABODY, places=[CHALKHILL], types=[SAFE_SPACES]),
    )
    result = analyse(data, criteria())
    assert result.overlaps == ()
    assert state(result, CHALKHILL) == CellState.THIN
    assert state(result, STONEBRIDGE) == CellState.COVERED
    assert state(result, CHURCH_END) == CellState.COVERED


def test_an_overlap_is_a_connected_group_even_when_two_of_its_members_do_not_meet():
    data = partnership(
        project(1, lead=HYDE, places=[CHALKHILL], ages=(10, 12)),
        project(2, lead=PEABODY, places=[CHALKHILL], ages=(12, 16)),
        project(3, lead=YOUNG_BRENT, places=[CHALKHILL], ages=(16, 18)),
    )
    assert overlap_sets(analyse(data, criteria())) == {(Site(PLACE, CHALKHILL.id), MENTORING.id, frozenset({1, 2, 3}))}


def test_whole_borough_projects_overlapping_are_listed_once_against_the_borough():
    data = partnership(project(1, lead=HYDE, boroughs=[BRENT]), project(2, lead=PEABODY, boroughs=[BRENT]))
    result = analyse(data, criteria())
    assert overlap_sets(result) == {(Site(BOROUGH, BRENT.id), MENTORING.id, frozenset({1, 2}))}
    assert state(result, STONEBRIDGE) == CellState.OVERLAP  # each place is still in the overlap


def test_a_local_project_overlapping_a_whole_borough_project_is_listed_at_its_place():
    data = partnership(project(1, lead=HYDE, boroughs=[BRENT]), project(2, lead=PEABODY, places=[CHALKHILL]))
    result = analyse(data, criteria())
    [found] = result.overlaps
    assert (found.site, found.named_ids, found.whole_ids) == (Site(PLACE, CHALKHILL.id), (2,), (1,))
    assert state(result, STONEBRIDGE) == CellState.THIN


def test_whole_borough_projects_meeting_only_at_a_place_crossing_boroughs_are_listed_there():
    data = partnership(project(1, lead=HYDE, boroughs=[HACKNEY]), project(2, lead=PEABODY, boroughs=[NEWHAM]))
    assert overlap_sets(analyse(data, criteria())) == {
        (Site(PLACE, KINGSLAND_ROAD.id), MENTORING.id, frozenset({1, 2}))
    }


def test_common_ground_is_the_ages_and_dates_every_project_shares():
    a = project(1, ages=(10, 15), dates=(date(2025, 1, 1), date(2025, 12, 31)))
    b = project(2, ages=(12, 18), dates=(date(2025, 6, 1), date(2026, 6, 1)))
    c = project(3, ages=(16, 18), dates=(date(2026, 1, 1), date(2026, 6, 1)))
    assert common_ground([a, b]) == ((12, 15), (date(2025, 6, 1), date(2025, 12, 31)))
    assert common_ground([a, b, c]) == (None, None)
