"""The crossing rule, worked by hand: a borough is covered by any project covering a place in it, including a
whole-borough project of the borough a main road crosses from."""

from datetime import date

from coverage.analysis.data import BOROUGH, BoroughInfo, Partnership, PlaceInfo, Site
from coverage.analysis.matrix import CellState, analyse
from coverage.tests.plain_partnerships import (
    HACKNEY,
    HYDE,
    MENTORING,
    ORGANISATIONS,
    PEABODY,
    SAFE_SPACES,
    SUCCESSORS,
    YEAR,
    criteria,
    project,
)

ISLINGTON = BoroughInfo(4, "Islington", "E09000019", is_partnership=True)
# Balls Pond Road runs along the Islington and Hackney boundary: recorded in Islington, crossing into Hackney.
BALLS_POND_ROAD = PlaceInfo(41, "Balls Pond Road", ISLINGTON.id, priority=2, also_in=frozenset({HACKNEY.id}))
ARCHWAY = PlaceInfo(42, "Archway", ISLINGTON.id, priority=3)


def hackney_and_islington(*projects) -> Partnership:
    return Partnership(
        boroughs=(HACKNEY, ISLINGTON),
        places=(BALLS_POND_ROAD, ARCHWAY),
        types=(MENTORING, SAFE_SPACES),
        projects=tuple(projects),
        organisations=ORGANISATIONS,
        successors=SUCCESSORS,
    )


ISLINGTON_MENTORING = (Site(BOROUGH, ISLINGTON.id), MENTORING.id)


def test_a_whole_hackney_project_covers_islington_through_the_main_road_crossing_in():
    """Hyde's whole-Hackney mentoring covers Balls Pond Road, so Islington has mentoring: thin (one
    organisation), not a gap; Archway, a priority place it does not reach, stays a gap."""
    result = analyse(hackney_and_islington(project(1, lead=HYDE, boroughs=[HACKNEY])), criteria(types=[MENTORING]))
    cell = result.cell(*ISLINGTON_MENTORING)
    assert cell.state == CellState.THIN
    assert cell.project_ids == (1,)
    assert {(gap.site, gap.type_id) for gap in result.gaps} == {(Site("place", ARCHWAY.id), MENTORING.id)}
    assert {(gap.site, gap.type_id) for gap in result.thin} >= {ISLINGTON_MENTORING}


def test_with_a_second_organisation_in_islington_the_borough_is_covered_not_thin():
    data = hackney_and_islington(
        project(1, lead=HYDE, boroughs=[HACKNEY]),
        project(2, lead=PEABODY, boroughs=[ISLINGTON], places=[ARCHWAY], ages=(19, 25)),
    )
    result = analyse(data, criteria(types=[MENTORING]))
    assert result.cell(*ISLINGTON_MENTORING).state == CellState.COVERED
    assert result.cell(*ISLINGTON_MENTORING).project_ids == (1, 2)


def test_a_gap_in_islington_dates_from_the_end_of_the_hackney_project_that_crossed_in():
    """Before the rule Islington was "never covered"; the Hackney project covered it until 31 December 2024."""
    ended = project(1, lead=HYDE, boroughs=[HACKNEY], dates=(date(2024, 1, 1), date(2024, 12, 31)))
    result = analyse(hackney_and_islington(ended), criteria(types=[MENTORING], period=YEAR))
    cell = result.cell(*ISLINGTON_MENTORING)
    assert cell.state == CellState.GAP
    assert cell.since == date(2025, 1, 1)


def test_a_project_naming_one_islington_place_covers_the_borough_but_not_the_road():
    """A project naming Archway covers Islington (thin) but not Balls Pond Road, which it does not name."""
    data = hackney_and_islington(project(1, lead=HYDE, boroughs=[ISLINGTON], places=[ARCHWAY]))
    result = analyse(data, criteria(types=[MENTORING]))
    assert result.cell(Site("place", BALLS_POND_ROAD.id), MENTORING.id).state == CellState.GAP
    assert result.cell(*ISLINGTON_MENTORING).state == CellState.THIN
