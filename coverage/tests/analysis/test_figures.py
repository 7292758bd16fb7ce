"""The figures every page shows, worked by hand: gaps, thin provision and overlaps counted in the chosen boroughs."""

from coverage.analysis.data import BOROUGH, PLACE, PlaceInfo, Site
from coverage.analysis.figures import gap_counts_by_borough, partnership_borough_ids, shortfalls_in
from coverage.analysis.matrix import analyse
from coverage.tests.plain_partnerships import (
    BRENT,
    CHALKHILL,
    HACKNEY,
    HYDE,
    KINGSLAND_ROAD,
    MENTORING,
    NEWHAM,
    PEABODY,
    criteria,
    partnership,
    project,
)

# A priority estate in Newham, which is not a partnership borough.
CARPENTERS = PlaceInfo(31, "Carpenters Estate", NEWHAM.id, priority=3)
PLACES = (CHALKHILL, KINGSLAND_ROAD, CARPENTERS)


def test_gap_counts_by_borough_count_a_place_under_its_own_borough():
    result = analyse(partnership(project(1, boroughs=[BRENT])), criteria(types=[MENTORING]))
    assert gap_counts_by_borough(result) == {HACKNEY.id: 2}  # Hackney itself and Kingsland Road


def test_a_priority_place_outside_the_partnership_boroughs_counts_only_when_its_borough_is_chosen():
    """Nothing runs: Brent, Hackney, Chalkhill, Kingsland Road and the Carpenters Estate are gaps (five), but
    the partnership boroughs hold four of them and Brent alone two."""
    result = analyse(partnership(places=PLACES), criteria(types=[MENTORING]))
    assert len(result.gaps) == 5
    assert len(shortfalls_in(result, partnership_borough_ids(result)).gaps) == 4
    assert {g.site for g in shortfalls_in(result, [BRENT.id]).gaps} == {
        Site(BOROUGH, BRENT.id),
        Site(PLACE, CHALKHILL.id),
    }
    assert [g.site for g in shortfalls_in(result, [NEWHAM.id]).gaps] == [Site(PLACE, CARPENTERS.id)]


def test_counts_by_borough_add_up_to_the_total_and_each_equals_the_list_for_that_borough():
    result = analyse(partnership(project(1, places=[CHALKHILL]), places=PLACES), criteria())
    counts = gap_counts_by_borough(result)
    assert sum(counts.values()) == len(result.gaps)
    for borough in (BRENT, HACKNEY, NEWHAM):
        assert counts.get(borough.id, 0) == len(shortfalls_in(result, [borough.id]).gaps)


def test_overlaps_in_a_borough_and_those_not_reviewed():
    data = partnership(project(1, lead=HYDE, places=[CHALKHILL]), project(2, lead=PEABODY, places=[CHALKHILL]))
    result = analyse(data, criteria(types=[MENTORING]))
    assert len(shortfalls_in(result, [BRENT.id]).overlaps) == 1
    assert len(shortfalls_in(result, [BRENT.id]).overlaps_not_reviewed) == 1
    assert shortfalls_in(result, [HACKNEY.id]).overlaps == ()
