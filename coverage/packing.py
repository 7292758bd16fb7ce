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
        self._read: dict[int, ProjectInfo] = {}

    def __getstate__(self):
        return self._rows

    def __setstate__(self, rows):
        self._rows, self._read = rows, {}

    def __getitem__(self, pk: int) -> ProjectInfo:
        project = self._read.get(pk)
        if project is None:
            project = self._read[pk] = _project(pk, self._rows[pk])
        return project

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


class _OverlapRows(tuple):
    """The analysis's overlaps as plain rows when pickled, and as Overlap tuples again when loaded."""

    def __reduce__(self):
        rows = tuple((o.site.kind, o.site.id, o.type_id, o.named_ids, o.whole_ids, o.review) for o in self)
        return _overlaps_from_rows, (rows,)


def _overlaps_from_rows(rows) -> tuple[Overlap, ...]:
    sites = {}  # One Site per place or borough, shared by its overlaps.
    return tuple(
        Overlap(sites.setdefault((kind, pk), Site(kind, pk)), type_id, named, whole, review)
        for kind, pk, type_id, named, whole, review in rows
    )


def analysis_packed(analysis: Analysis) -> Analysis:
    """The same analysis, its projects kept as rows (so it pickles and loads quickly)."""
    rows = {pk: _row(project) for pk, project in sorted(analysis.projects.items())}
    return dataclasses.replace(
        analysis,
        data=dataclasses.replace(analysis.data, projects=ProjectList(rows)),
        projects=ProjectsById(rows),
        overlaps=_OverlapRows(analysis.overlaps),
    )
