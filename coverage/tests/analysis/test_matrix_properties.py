"""Properties of the coverage analysis on random partnerships, checked against the brute-force oracle."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from coverage.analysis.data import ALL_AGES, BoroughInfo, Criteria, Partnership, PlaceInfo, ProjectInfo, TypeInfo
from coverage.analysis.matrix import CellState, analyse

from .oracle import oracle

DAY0 = date(2025, 1, 1)
STATUSES = ("draft", "submitted", "returned", "verified", "cancelled")
# Mostly counted statuses, so most projects take part.
PROJECT_STATUSES = ("verified", "verified", "verified", "submitted", "returned", "draft", "cancelled")
TYPES = (TypeInfo(1, "Mentoring", "mentoring"), TypeInfo(2, "Safe spaces", "safe-spaces"))


def days(n: int) -> date:
    return DAY0 + timedelta(days=n)


@st.composite
def partnerships(draw, min_projects=0):
    # Few boroughs, places that often cross them, and short spans of days and ages, so that
    # whole-borough coverage, crossings, overlaps and gaps that have lasted all come up often.
    borough_ids = list(range(1, draw(st.integers(1, 3)) + 1))
    boroughs = tuple(BoroughInfo(pk, f"Borough {pk}", f"E09{pk:06d}", draw(st.booleans())) for pk in borough_ids)
    places = []
    for pk in range(1, draw(st.integers(0, 4)) + 1):
        home = draw(st.sampled_from(borough_ids))
        also_in = draw(st.frozensets(st.sampled_from(borough_ids), min_size=draw(st.integers(0, 1)))) - {home}
        places.append(PlaceInfo(100 + pk, f"Place {pk}", home, draw(st.integers(0, 3)), also_in))
    place_ids = [place.id for place in places]
    organisations = list(range(1, draw(st.sampled_from([1, 2, 3, 3, 4, 4])) + 1))
    # Each organisation may have merged into a later one, so succession has no cycles.
    successors = {
        pk: draw(st.one_of(st.none(), st.sampled_from(organisations[i + 1 :] or [None])))
        for i, pk in enumerate(organisations)
    }
    projects = []
    for pk in range(1, draw(st.integers(min_projects, 12)) + 1):
        start, young = draw(st.integers(-30, 30)), draw(st.integers(0, 8))
        projects.append(
            ProjectInfo(
                id=pk,
                title=f"Project {pk}",
                lead_id=draw(st.sampled_from(organisations)),
                status=draw(st.sampled_from(PROJECT_STATUSES)),
                start=days(start),
                end=days(start + draw(st.integers(0, 60))),
                age_min=young,
                age_max=young + draw(st.integers(0, 10)),
                borough_ids=draw(
                    st.frozensets(st.sampled_from(borough_ids), min_size=draw(st.sampled_from([0, 1, 1])))
                ),
                place_ids=draw(st.frozensets(st.sampled_from(place_ids)))
                if place_ids and draw(st.booleans())
                else frozenset(),
                type_ids=draw(
                    st.frozensets(st.sampled_from([t.id for t in TYPES]), min_size=draw(st.sampled_from([0, 1, 1])))
                ),
            )
        )
    names = {pk: f"Organisation {pk}" for pk in organisations}
    return Partnership(boroughs, tuple(places), TYPES, tuple(projects), names, successors)


@st.composite
def criteria(draw):
    start, young = draw(st.integers(0, 30)), draw(st.integers(0, 8))
    old = young + draw(st.integers(0, 15))
    if draw(st.booleans()):
        young, old = ALL_AGES
    return Criteria(
        start=days(start),
        end=days(start + draw(st.integers(0, 40))),
        statuses=frozenset({"submitted", "returned", "verified"}) | draw(st.frozensets(st.sampled_from(STATUSES))),
        age_min=young,
        age_max=old,
        type_ids=draw(st.one_of(st.none(), st.frozensets(st.sampled_from([1, 2]), min_size=1))),
        organisations_now=draw(st.booleans()),
    )


def gap_pairs(analysis):
    return {(gap.site, gap.type_id) for gap in analysis.gaps}


def overlap_sets(analysis):
    return {(o.site, o.type_id, frozenset(o.project_ids)) for o in analysis.overlaps}


def with_projects(data: Partnership, projects) -> Partnership:
    return Partnership(data.boroughs, data.places, data.types, tuple(projects), data.organisations, data.successors)


@settings(max_examples=300, deadline=None)
@given(partnerships(), criteria())
def test_every_cell_gap_and_overlap_agrees_with_the_brute_force_reading_of_the_rules(data, question):
    """A pair is a gap exactly when no covering project exists; states, thin pairs and overlaps agree too."""
    result, expected = analyse(data, question), oracle(data, question)
    assert {key: cell.state for key, cell in result.cells.items()} == expected.states
    assert gap_pairs(result) == expected.gaps
    assert {(gap.site, gap.type_id) for gap in result.thin} == expected.thin
    assert overlap_sets(result) == expected.overlaps
    assert {key: cell.since for key, cell in result.cells.items() if cell.state == CellState.GAP} == expected.since
    assert all(gap.since == result.cells[gap.site, gap.type_id].since for gap in result.gaps)


@settings(deadline=None)
@given(partnerships(), criteria(), partnerships(min_projects=1))
def test_adding_a_project_never_creates_a_gap(data, question, source):
    """Whatever project joins (taken from another random partnership, renumbered), no gap appears."""
    extra = source.projects[0]
    extra = ProjectInfo(
        id=1000,
        title=extra.title,
        lead_id=min(data.organisations),
        status=extra.status,
        start=extra.start,
        end=extra.end,
        age_min=extra.age_min,
        age_max=extra.age_max,
        borough_ids=extra.borough_ids & {b.id for b in data.boroughs},
        place_ids=frozenset(p.id for p in data.places[: len(extra.place_ids)]),
        type_ids=extra.type_ids,
    )
    before = gap_pairs(analyse(data, question))
    after = gap_pairs(analyse(with_projects(data, (*data.projects, extra)), question))
    assert after <= before


@settings(deadline=None)
@given(partnerships(min_projects=1), criteria(), st.data())
def test_removing_a_project_never_closes_a_gap(data, question, choice):
    removed = choice.draw(st.sampled_from(data.projects))
    before = gap_pairs(analyse(data, question))
    after = gap_pairs(analyse(with_projects(data, [p for p in data.projects if p != removed]), question))
    assert before <= after


@settings(deadline=None)
@given(partnerships(), criteria(), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_the_input(data, question, random):
    projects, places, boroughs = list(data.projects), list(data.places), list(data.boroughs)
    for items in (projects, places, boroughs):
        random.shuffle(items)
    shuffled = Partnership(
        tuple(boroughs), tuple(places), data.types, tuple(projects), data.organisations, data.successors
    )
    first, second = analyse(data, question), analyse(shuffled, question)
    assert first.cells == second.cells
    assert first.overlaps == second.overlaps
    assert first.gaps == second.gaps


@settings(deadline=None)
@given(partnerships(), criteria())
def test_overlap_membership_is_symmetric_and_each_project_is_in_one_overlap_per_site_and_type(data, question):
    result = analyse(data, question)
    together = set()
    seen = set()
    for found in result.overlaps:
        for pk in found.project_ids:
            assert (found.site, found.type_id, pk) not in seen
            seen.add((found.site, found.type_id, pk))
            together.update((found.site, found.type_id, pk, other) for other in found.project_ids if other != pk)
        assert len(result.organisation_ids(found.project_ids)) >= 2
    assert together == {(site, kind, b, a) for site, kind, a, b in together}
