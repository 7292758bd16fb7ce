"""Every coverage rule on small hand-built partnerships, with no database."""

from datetime import date, datetime

from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.analysis.matrix import CellState, analyse, gap_counts_by_borough, place_provision
from coverage.analysis.overlaps import common_ground
from coverage.analysis.reviews import ReviewInfo
from coverage.analysis.timeline import place_timeline

from .builders import (
    BRENT,
    CATALYST,
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


def state(analysis, site_or_place, kind=MENTORING):
    site = site_or_place if isinstance(site_or_place, Site) else Site(PLACE, site_or_place.id)
    return analysis.cell(site, kind.id).state


def brent(kind=MENTORING):
    return Site(BOROUGH, BRENT.id), kind.id


def overlap_sets(analysis):
    return {(o.site, o.type_id, frozenset(o.project_ids)) for o in analysis.overlaps}


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


def review_of(site, project_ids, status="complementary"):
    return ReviewInfo(
        site=site,
        type_id=MENTORING.id,
        project_ids=frozenset(project_ids),
        status=status,
        status_label="Complementary",
        note="Different sessions.",
        reviewed_by="pm",
        reviewed_at=datetime(2025, 5, 1, 12, 0),
    )


def test_a_reviewed_overlap_stays_marked_until_its_set_of_projects_changes():
    pair = [
        project(1, lead=HYDE, places=[CHALKHILL]),
        project(2, lead=PEABODY, places=[CHALKHILL]),
    ]
    review = review_of(Site(PLACE, CHALKHILL.id), {1, 2})
    [marked] = analyse(partnership(*pair), criteria(), reviews=[review]).overlaps
    assert marked.review == review
    later = partnership(*pair, project(3, lead=YOUNG_BRENT, places=[CHALKHILL]))
    [changed] = analyse(later, criteria(), reviews=[review]).overlaps
    assert changed.project_ids == (1, 2, 3)
    assert changed.review is None


def test_a_review_of_another_place_does_not_mark_an_overlap_with_the_same_projects():
    pair = [
        project(1, lead=HYDE, places=[CHALKHILL, STONEBRIDGE]),
        project(2, lead=PEABODY, places=[CHALKHILL, STONEBRIDGE]),
    ]
    reviews = [review_of(Site(PLACE, CHALKHILL.id), {1, 2})]
    marked = {o.site: o.review for o in analyse(partnership(*pair), criteria(), reviews=reviews).overlaps}
    assert marked[Site(PLACE, CHALKHILL.id)] is not None
    assert marked[Site(PLACE, STONEBRIDGE.id)] is None


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


def test_gap_counts_by_borough_count_a_place_under_its_own_borough():
    result = analyse(partnership(project(1, boroughs=[BRENT])), criteria(types=[MENTORING]))
    assert gap_counts_by_borough(result) == {HACKNEY.id: 2}  # Hackney itself and Kingsland Road


def test_common_ground_is_the_ages_and_dates_every_project_shares():
    a = project(1, ages=(10, 15), dates=(date(2025, 1, 1), date(2025, 12, 31)))
    b = project(2, ages=(12, 18), dates=(date(2025, 6, 1), date(2026, 6, 1)))
    c = project(3, ages=(16, 18), dates=(date(2026, 1, 1), date(2026, 6, 1)))
    assert common_ground([a, b]) == ((12, 15), (date(2025, 6, 1), date(2025, 12, 31)))
    assert common_ground([a, b, c]) == (None, None)


def test_place_provision_lists_the_types_each_place_lacks_places_with_nothing_first():
    data = partnership(project(1, places=[STONEBRIDGE], types=[MENTORING]))
    rows = place_provision(analyse(data, criteria()), [CHALKHILL.id, STONEBRIDGE.id])
    assert [(row.place, row.missing, row.has_none) for row in rows] == [
        (CHALKHILL, (MENTORING, SAFE_SPACES), True),
        (STONEBRIDGE, (SAFE_SPACES,), False),
    ]


def test_the_timeline_shows_spells_of_provision_gaps_between_them_and_when_the_next_gap_opens():
    data = partnership(
        project(1, places=[CHALKHILL], dates=(date(2023, 1, 1), date(2023, 12, 31))),
        project(2, boroughs=[BRENT], dates=(date(2024, 1, 1), date(2024, 6, 30))),
        project(3, places=[CHALKHILL], dates=(date(2025, 1, 1), date(2025, 12, 31))),
        project(4, places=[STONEBRIDGE], dates=(date(2024, 7, 1), date(2024, 12, 31))),
    )
    [mentoring, safe_spaces] = place_timeline(data, CHALKHILL.id, criteria(), today=date(2025, 5, 1))
    assert [(s.start, s.end, s.project_ids) for s in mentoring.spells] == [
        (date(2023, 1, 1), date(2024, 6, 30), (1, 2)),
        (date(2024, 7, 1), date(2024, 12, 31), ()),
        (date(2025, 1, 1), date(2025, 12, 31), (3,)),
    ]
    assert mentoring.provided_until == date(2025, 12, 31)
    assert safe_spaces.projects == () and safe_spaces.provided_until is None


def test_the_timeline_says_since_when_a_place_has_had_no_provision_and_when_it_resumes():
    data = partnership(
        project(1, places=[CHALKHILL], dates=(date(2024, 1, 1), date(2024, 12, 31))),
        project(2, places=[CHALKHILL], dates=(date(2026, 1, 1), date(2026, 12, 31))),
    )
    [mentoring, _] = place_timeline(data, CHALKHILL.id, criteria(), today=date(2025, 5, 1))
    assert (mentoring.gap_since, mentoring.next_provision, mentoring.provided_until) == (
        date(2025, 1, 1),
        date(2026, 1, 1),
        None,
    )


def test_the_analysis_is_the_same_whatever_the_order_of_its_input():
    projects = [
        project(1, lead=HYDE, places=[CHALKHILL]),
        project(2, lead=PEABODY, boroughs=[BRENT]),
        project(3, lead=YOUNG_BRENT, places=[CHALKHILL, STONEBRIDGE], dates=(YEAR[0], date(2025, 5, 1))),
    ]
    forward = analyse(partnership(*projects), criteria())
    backward = analyse(partnership(*reversed(projects)), criteria())
    assert forward.cells == backward.cells
    assert forward.overlaps == backward.overlaps
    assert forward.gaps == backward.gaps
