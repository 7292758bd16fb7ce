"""A cached analysis in a form that loads fast: its projects as plain rows, made into ProjectInfo when read.

Unpickling 30,000 named tuples with their dates and sets took longer than working most of the analysis out
again; plain rows of numbers and strings load in a few milliseconds, and a page reads only the projects it shows.
"""

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from .analysis.data import ProjectInfo, Site
from .analysis.matrix import Analysis
from .analysis.overlaps import Overlap

_Row = tuple  # title, lead, status, start and end (ordinals), ages, borough, place and type ids


def _row(project: ProjectInfo) -> _Row:
    return (
        project.title,
        project.lead_id,
        project.status,
        project.start.toordinal(),
        project.end.toordinal(),
        project.age_min,
        project.age_max,
        tuple(project.borough_ids),
        tuple(project.place_ids),
        tuple(project.type_ids),
    )


def _project(pk: int, row: _Row) -> ProjectInfo:
    title, lead, status, start, end, age_min, age_max, boroughs, places, types = row
    return ProjectInfo(
        pk,
        title,
        lead,
        status,
        date.fromordinal(start),
        date.fromordinal(end),
        age_min,
        age_max,
        frozenset(boroughs),
        frozenset(places),
        frozenset(types),
    )


class ProjectsById(Mapping):
    """The analysis's projects by id, kept as rows."""

    def __init__(self, rows: dict[int, _Row]):
        self._rows = rows

    def __getitem__(self, pk: int) -> ProjectInfo:
        return _project(pk, self._rows[pk])

    def __iter__(self) -> Iterator[int]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class ProjectList(Sequence):
    """The partnership's projects in id order, kept as rows (what `Partnership.projects` holds)."""

    def __init__(self, rows: dict[int, _Row]):
        self._rows = rows

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        pk = list(self._rows)[index]
        return _project(pk, self._rows[pk])

    def __iter__(self) -> Iterator[ProjectInfo]:
        return (_project(pk, row) for pk, row in self._rows.items())

    def __len__(self) -> int:
        return len(self._rows)


class OverlapList(Sequence):
    """The analysis's overlaps, kept as rows and made into Overlap tuples once, when first read."""

    def __init__(self, overlaps: Sequence[Overlap]):
        self._rows = tuple((o.site.kind, o.site.id, o.type_id, o.named_ids, o.whole_ids, o.review) for o in overlaps)
        self._overlaps = None

    def __getstate__(self):
        return self._rows

    def __setstate__(self, rows):
        self._rows, self._overlaps = rows, None

    def _built(self) -> tuple[Overlap, ...]:
        if self._overlaps is None:
            self._overlaps = tuple(
                Overlap(Site(kind, pk), type_id, named, whole, review)
                for kind, pk, type_id, named, whole, review in self._rows
            )
        return self._overlaps

    def __getitem__(self, index):
        return self._built()[index]

    def __iter__(self) -> Iterator[Overlap]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._rows)

    def __add__(self, other):
        return self._built() + tuple(other)


def analysis_packed(analysis: Analysis) -> Analysis:
    """The same analysis, its projects kept as rows (so it pickles and loads quickly)."""
    rows = {pk: _row(project) for pk, project in sorted(analysis.projects.items())}
    return dataclasses.replace(
        analysis,
        data=dataclasses.replace(analysis.data, projects=ProjectList(rows)),
        projects=ProjectsById(rows),
        overlaps=OverlapList(analysis.overlaps),
    )
