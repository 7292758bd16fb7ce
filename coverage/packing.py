"""A cached analysis in a form that pickles and loads fast: its projects column by column, its cells and
overlaps as plain rows.

Pickling 30,000 named tuples with their dates and sets, or even as one small tuple each, costs a Python object
and a tuple per project; the projects' numbers in one flat list and each kind of link in another pickle as a few
long lists, and a page makes a `ProjectInfo` only for the projects it reads.
"""

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import accumulate, chain

from .analysis.data import ProjectInfo, Site
from .analysis.matrix import Analysis, Cell, CellState
from .analysis.overlaps import Overlap

# Each project's numbers, in this order, in one flat list.
_NUMBERS = ("id", "lead", "status", "start", "end", "age_min", "age_max")
_WIDTH = len(_NUMBERS)
_STATES = {state.value: state for state in CellState}


class ProjectColumns:
    """Projects (in id order) column by column: their numbers in one flat list (status as its index in
    `statuses`, dates as ordinals), their titles in another, and each kind of link (boroughs, places, types) in
    one flat list with each project's offsets in another."""

    __slots__ = ("links", "numbers", "statuses", "titles")

    def __init__(self, projects: Iterable[ProjectInfo]):
        projects = tuple(projects)
        statuses = {status: index for index, status in enumerate({project.status for project in projects})}
        columns = (
            [project.id for project in projects],
            [project.lead_id for project in projects],
            [statuses[project.status] for project in projects],
            [project.start.toordinal() for project in projects],
            [project.end.toordinal() for project in projects],
            [project.age_min for project in projects],
            [project.age_max for project in projects],
        )
        self.numbers = list(chain.from_iterable(zip(*columns, strict=True)))
        self.titles = [project.title for project in projects]
        self.statuses = tuple(statuses)
        self.links = tuple(
            (list(chain.from_iterable(links)), list(accumulate(map(len, links), initial=0)))
            for links in (
                [project.borough_ids for project in projects],
                [project.place_ids for project in projects],
                [project.type_ids for project in projects],
            )
        )

    def __len__(self) -> int:
        return len(self.titles)

    def ids(self) -> list[int]:
        return self.numbers[::_WIDTH]

    def project(self, index: int) -> ProjectInfo:
        """The project at this position."""
        pk, lead, status, start, end, age_min, age_max = self.numbers[index * _WIDTH : (index + 1) * _WIDTH]
        boroughs, places, types = (frozenset(ids[ends[index] : ends[index + 1]]) for ids, ends in self.links)
        return ProjectInfo(
            pk,
            self.titles[index],
            lead,
            self.statuses[status],
            date.fromordinal(start),
            date.fromordinal(end),
            age_min,
            age_max,
            boroughs,
            places,
            types,
        )

    def __getstate__(self):
        return self.numbers, self.titles, self.statuses, self.links

    def __setstate__(self, state):
        self.numbers, self.titles, self.statuses, self.links = state


class ProjectsById(Mapping):
    """The analysis's projects by id, kept as columns."""

    def __init__(self, columns: ProjectColumns):
        self._columns = columns
        self._read: dict[int, ProjectInfo] = {}
        self._positions: dict[int, int] | None = None

    def __getstate__(self):
        return self._columns

    def __setstate__(self, columns):
        self.__init__(columns)

    def __getitem__(self, pk: int) -> ProjectInfo:
        project = self._read.get(pk)
        if project is None:
            if self._positions is None:
                self._positions = {pk: index for index, pk in enumerate(self._columns.ids())}
            project = self._read[pk] = self._columns.project(self._positions[pk])
        return project

    def __iter__(self) -> Iterator[int]:
        return iter(self._columns.ids())

    def __len__(self) -> int:
        return len(self._columns)


class ProjectList(Sequence):
    """The partnership's projects in id order, kept as columns (what `Partnership.projects` holds)."""

    def __init__(self, columns: ProjectColumns):
        self._columns = columns

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        return self._columns.project(range(len(self))[index])

    def __iter__(self) -> Iterator[ProjectInfo]:
        return map(self._columns.project, range(len(self)))

    def __len__(self) -> int:
        return len(self._columns)


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


class _CellRows(dict):
    """The analysis's cells as plain rows when pickled (states by value, dates as ordinals), as Cells when loaded."""

    def __reduce__(self):
        rows = tuple(
            (
                c.site.kind,
                c.site.id,
                c.type_id,
                c.state.value,
                c.named_ids,
                c.whole_ids,
                c.since and c.since.toordinal(),
            )
            for c in self.values()
        )
        return _cells_from_rows, (rows,)


def _cells_from_rows(rows) -> dict[tuple[Site, int], Cell]:
    sites, cells = {}, {}  # One Site per place or borough, shared by its cells.
    for kind, pk, type_id, state, named, whole, since in rows:
        site = sites.get((kind, pk)) or sites.setdefault((kind, pk), Site(kind, pk))
        cells[site, type_id] = Cell(site, type_id, _STATES[state], named, whole, since and date.fromordinal(since))
    return cells


def analysis_packed(analysis: Analysis) -> Analysis:
    """The same analysis, its projects kept as columns and its cells as rows (so it pickles and loads quickly)."""
    columns = ProjectColumns(project for _, project in sorted(analysis.projects.items()))
    return dataclasses.replace(
        analysis,
        data=dataclasses.replace(analysis.data, projects=ProjectList(columns)),
        projects=ProjectsById(columns),
        cells=_CellRows(analysis.cells),
        overlaps=_OverlapRows(analysis.overlaps),
    )
