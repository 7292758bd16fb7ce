"""The matrix on small hand-built partnerships: boroughs and places, the gap list, its ranking and dates, thin cells."""

from datetime import date

from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.analysis.matrix import CellState, analyse, place_provision
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
    YEAR,
    YOUNG_BRENT,
    criteria,
    partnership,
    project,
)

from .results import brent, state


def test_a_borough_is_covered_by_a_project_in_any_of_its_places_while_its_other_priority_places_stay_gaps():
    result = analyse(partnership(project(1, boroughs=[BRENT], places=[CHALKHILL])), criteria())
    assert result.cell(*brent()).state == CellState.THIN
    gaps = {(gap.site, gap.type_id) for gap in result.gaps}
    assert (Site(PLACE, STONEBRIDGE.id), MENTORING.id) in gaps
    assert brent() not in gaps


def test_only_partnership_boroughs_and_priority_places_are_in_the_gap_list():
    result = analyse(partnership(), criteria(types=[MENTORING]))
    gap_sites = {gap.site for gap in result.gaps}
    assert Site(BOROUGH, BRENT.id) in gap_sites
    assert Site(BOROUGH, NEWHAM.id) not in gap_sites  # not a partnership borough
    assert Site(PLACE, CHURCH_END.id) not in gap_sites  # no priority set
    assert state(result, CHURCH_END) == CellState.GAP  # still shown as a gap in the matrix


def test_gaps_rank_whole_boroughs_first_then_by_priority_then_by_how_long_they_have_lasted():
    long_ago, recently = (date(2023, 1, 1), date(2023, 12, 31)), (date(2024, 1, 1), date(2025, 3, 31))
    data = partnership(
        project(1, places=[STONEBRIDGE], dates=long_ago),
        project(2, places=[CHALKHILL], dates=recently),
        project(3, boroughs=[HACKNEY], places=[KINGSLAND_ROAD], dates=recently),
    )
    result = analyse(data, criteria(types=[MENTORING]))
    ranked = [(gap.site, gap.since) for gap in result.gaps]
    assert ranked == [
        (Site(BOROUGH, BRENT.id), date(2025, 4, 1)),
        (Site(BOROUGH, HACKNEY.id), date(2025, 4, 1)),
        (Site(PLACE, CHALKHILL.id), date(2025, 4, 1)),  # priority 3
        (Site(PLACE, KINGSLAND_ROAD.id), date(2025, 4, 1)),  # priority 2
        (Site(PLACE, STONEBRIDGE.id), date(2024, 1, 1)),  # priority 1
    ]


def test_a_gap_dates_from_the_day_after_the_latest_covering_project_ended():
    data = partnership(
        project(1, places=[CHALKHILL], dates=(date(2024, 1, 1), date(2025, 1, 31))),
        project(2, boroughs=[BRENT], dates=(date(2023, 1, 1), date(2024, 6, 30))),
        project(3, places=[CHALKHILL], dates=(date(2024, 1, 1), date(2024, 3, 31))),
    )
    gaps = {gap.site: gap.since for gap in analyse(data, criteria(types=[MENTORING])).gaps}
    assert gaps[Site(PLACE, CHALKHILL.id)] == date(2025, 2, 1)
    assert gaps[Site(PLACE, STONEBRIDGE.id)] == date(2024, 7, 1)
    assert gaps[Site(BOROUGH, BRENT.id)] == date(2025, 2, 1)


def test_among_equal_priorities_a_place_never_covered_ranks_before_one_whose_gap_is_recent():
    equal = (CHALKHILL, STONEBRIDGE.__class__(STONEBRIDGE.id, "Stonebridge", BRENT.id, priority=3))
    data = partnership(project(1, places=[CHALKHILL], dates=(date(2024, 1, 1), date(2024, 12, 31))), places=equal)
    places = [gap.site for gap in analyse(data, criteria(types=[MENTORING])).gaps if gap.site.kind == PLACE]
    assert places == [Site(PLACE, STONEBRIDGE.id), Site(PLACE, CHALKHILL.id)]


def test_thin_provision_is_listed_apart_from_gaps():
    result = analyse(partnership(project(1, places=[CHALKHILL])), criteria(types=[MENTORING]))
    assert (Site(PLACE, CHALKHILL.id), MENTORING.id) in {(gap.site, gap.type_id) for gap in result.thin}
    assert Site(PLACE, CHALKHILL.id) not in {gap.site for gap in result.gaps}


def test_place_provision_lists_the_types_each_place_lacks_places_with_nothing_first():
    data = partnership(project(1, places=[STONEBRIDGE], types=[MENTORING]))
    rows = place_provision(analyse(data, criteria()), [CHALKHILL.id, STONEBRIDGE.id])
    assert [(row.place, row.missing, row.has_none) for row in rows] == [
        (CHALKHILL, (MENTORING, SAFE_SPACES), True),
        (STONEBRIDGE, (SAFE_SPACES,), False),
    ]


def test_the_analysis_is_the_same_whatever_the_order_of_its_input():
    projects = [
        project(1, lead=HYDE, places=[CHALKHILL]),
        project(2, lead=PEABODY, boroughs=[BRENT]),
        project(3, lead=YOUNG_BRENT, places=[CHALKHILL, STONEBRIDGE], dates=(YEAR.start, date(2025, 5, 1))),
    ]
    forward = analyse(partnership(*projects), criteria())
    backward = analyse(partnership(*reversed(projects)), criteria())
    assert forward.cells == backward.cells
    assert forward.overlaps == backward.overlaps
    assert forward.gaps == backward.gaps
