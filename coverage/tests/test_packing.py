"""A kept analysis reads back exactly as it was worked out: projects, cells, gaps and overlaps, in their order."""

import pickle

from hypothesis import given, settings

from coverage.analysis.matrix import analyse
from coverage.packing import analysis_packed
from coverage.tests.analysis.test_matrix_properties import criteria, partnerships
from coverage.tests.plain_partnerships import (
    BRENT,
    CHALKHILL,
    HACKNEY,
    KINGSLAND_ROAD,
    PEABODY,
    SAFE_SPACES,
    partnership,
    project,
)
from coverage.tests.plain_partnerships import criteria as question


def kept_and_read(analysis):
    """The analysis as a reader loads it from the cache."""
    return pickle.loads(pickle.dumps(analysis_packed(analysis), pickle.HIGHEST_PROTOCOL))  # noqa: S301 (our own bytes)


def assert_same(read, analysis):
    assert list(read.projects) == list(analysis.projects)
    assert dict(read.projects) == dict(analysis.projects)
    assert tuple(read.data.projects) == tuple(sorted(analysis.data.projects))
    assert list(read.cells.items()) == list(analysis.cells.items())
    assert (read.gaps, read.thin, read.overlaps) == (analysis.gaps, analysis.thin, analysis.overlaps)


def test_a_kept_analysis_reads_back_its_projects_cells_and_overlaps():
    """Projects with every kind of link, a gap with its date, a thin cell and an overlap survive keeping."""
    analysis = analyse(
        partnership(
            project(1, places=[CHALKHILL, KINGSLAND_ROAD], boroughs=[BRENT, HACKNEY], types=[SAFE_SPACES]),
            project(2, lead=PEABODY, boroughs=[BRENT], ages=(12, 16), status="submitted"),
            project(3, boroughs=[BRENT]),
        ),
        question(),
    )
    read = kept_and_read(analysis)
    assert_same(read, analysis)
    assert read.data.projects[-1] == analysis.projects[3]
    assert read.data.projects[:2] == (analysis.projects[1], analysis.projects[2])
    assert read.projects[1].place_ids == frozenset({CHALKHILL.id, KINGSLAND_ROAD.id})
    assert read.projects[2].status == "submitted"


@settings(max_examples=150, deadline=None)
@given(partnerships(), criteria())
def test_any_kept_analysis_reads_back_as_worked_out(data, question):
    """On random partnerships, keeping and loading changes nothing a page reads."""
    analysis = analyse(data, question)
    assert_same(kept_and_read(analysis), analysis)
