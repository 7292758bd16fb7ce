"""The coverage matrix: every borough and place against each chosen type, with its gaps, thin cells and overlaps.

- A **place** is covered for a type by the projects naming it and those covering a whole borough it is in.
- A **borough** is covered when a project covers the whole borough or any place in it, whichever borough the
  project names: a whole-Hackney project covering a main road that crosses into Islington covers Islington
  too (the crossing rule). Its priority places are then judged one by one, so a local gap is never hidden.
- A cell is a **gap** when no active project covers it, **thin** when every covering project has the same
  lead organisation, an **overlap** when it holds an overlap (overlaps.py), and **covered** otherwise.
- The gap list holds the gaps of partnership boroughs and priority places, ranked: whole boroughs first,
  then places by priority, then by how long the gap has lasted (never covered first). A gap has lasted
  since the day after the last covering project ended before the period.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from .collector import gc_paused
from .covering import chosen_types, organisation_map
from .data import (
    BOROUGH,
    ONE_DAY,
    PLACE,
    BoroughInfo,
    Criteria,
    Partnership,
    PlaceInfo,
    ProjectInfo,
    Site,
    TypeInfo,
)
from .index import Geography, ProjectIndex, index_projects
from .overlaps import (
    Overlap,
    ReviewBook,
    WholeBoroughCover,
    place_overlaps,
)
from .reviews import ReviewInfo


class CellState(StrEnum):
    """How well a cell is provided for."""

    GAP = "gap"
    THIN = "thin"
    COVERED = "covered"
    OVERLAP = "overlap"

    @property
    def label(self) -> str:
        return CELL_STATE_LABELS[self]


CELL_STATE_LABELS = {
    CellState.GAP: "Gap: no active project",
    CellState.THIN: "Thin: one organisation",
    CellState.COVERED: "Covered",
    CellState.OVERLAP: "Overlap: check for duplication",
}


class Cell(NamedTuple):
    """One borough or place against one intervention type, and the active projects covering it (a named
    tuple, as tens of thousands are built per analysis)."""

    site: Site
    type_id: int
    state: CellState
    # For a place: projects naming it. For a borough: projects covering places in it without covering the
    # whole borough (naming them, or covering the whole of another borough a place crosses from).
    named_ids: tuple[int, ...]
    # Projects covering the whole borough (for a place, any borough it is in).
    whole_ids: tuple[int, ...]
    # For a gap: the day after the last covering project ended before the period; None if never covered.
    since: date | None = None

    @property
    def project_ids(self) -> tuple[int, ...]:
        return tuple(sorted({*self.named_ids, *self.whole_ids}))


@dataclass(frozen=True, slots=True)
class Gap:
    """A gap (or thin provision) in a partnership borough or priority place, with how long it has lasted."""

    site: Site
    type_id: int
    state: CellState
    priority: int | None  # None for a whole borough, which ranks above every place.
    # The day after the last covering project ended, before the period; None if never covered.
    since: date | None


@dataclass(frozen=True)
class Analysis:
    """The coverage of every borough and place by every chosen intervention type, with its gaps and overlaps."""

    data: Partnership
    criteria: Criteria
    types: tuple[TypeInfo, ...]
    cells: Mapping[tuple[Site, int], Cell]
    gaps: tuple[Gap, ...]
    thin: tuple[Gap, ...]
    overlaps: tuple[Overlap, ...]
    organisation_of: Mapping[int, int] = field(repr=False)
    boroughs: Mapping[int, BoroughInfo] = field(repr=False)
    places: Mapping[int, PlaceInfo] = field(repr=False)
    projects: Mapping[int, ProjectInfo] = field(repr=False)
    places_by_borough: Mapping[int, tuple[PlaceInfo, ...]] = field(repr=False)

    def cell(self, site: Site, type_id: int) -> Cell:
        return self.cells[site, type_id]

    def type_of(self, type_id: int) -> TypeInfo:
        """The intervention type with this id, one of those analysed."""
        return next(t for t in self.types if t.id == type_id)

    def site_name(self, site: Site) -> str:
        return (self.boroughs if site.kind == BOROUGH else self.places)[site.id].name

    def borough_of(self, site: Site) -> BoroughInfo:
        """The borough itself, or the place's own borough."""
        return self.boroughs[site.id if site.kind == BOROUGH else self.places[site.id].borough_id]

    def organisation_ids(self, project_ids: Iterable[int]) -> tuple[int, ...]:
        """The distinct lead organisations of these projects (as now or as recorded, as asked), by name."""
        ids = {self.organisation_of.get(lead, lead) for lead in (self.projects[pk].lead_id for pk in project_ids)}
        names = self.data.organisations
        return tuple(sorted(ids, key=lambda pk: (names.get(pk, ""), pk)))


def analyse(data: Partnership, criteria: Criteria, reviews: Iterable[ReviewInfo] = ()) -> Analysis:
    """Coverage of every borough and place by each chosen intervention type: cells, ranked gaps, overlaps."""
    with gc_paused():
        return _analyse(data, criteria, ReviewBook(reviews))


def _analyse(data: Partnership, criteria: Criteria, reviews: ReviewBook) -> Analysis:
    """Index the projects, fill the matrix (places, then boroughs), date the gaps, then list and rank."""
    geography = Geography.of(data)
    organisation_of = organisation_map(data, now=criteria.organisations_now)
    types = chosen_types(data, criteria)
    type_ids = frozenset(t.id for t in types)
    projects = sorted(data.projects, key=lambda project: project.id)
    index = index_projects(projects, criteria, type_ids, geography, organisation_of)
    matrix = _Matrix(geography, index, type_ids)
    matrix.add_places(data.places)
    matrix.add_boroughs(data.boroughs)
    cells = _with_gap_dates(matrix.cells, geography, index)
    listed = _shortfalls(cells, geography)
    overlaps = [reviews.marked(overlap) for overlap in matrix.overlaps] if reviews else matrix.overlaps
    order = _Order(geography, types)
    return Analysis(
        data=data,
        criteria=criteria,
        types=types,
        cells=cells,
        gaps=tuple(sorted(listed[CellState.GAP], key=order.gap)),
        thin=tuple(sorted(listed[CellState.THIN], key=order.gap)),
        overlaps=tuple(sorted(overlaps, key=order.overlap)),
        organisation_of=organisation_of,
        boroughs=geography.boroughs,
        places=geography.places,
        projects={project.id: project for project in projects},
        places_by_borough=geography.places_by_borough,
    )


class _Matrix:
    """The cells and overlaps, places first (a borough's state reads its places')."""

    def __init__(self, geography: Geography, index: ProjectIndex, type_ids: frozenset[int]):
        self.geography, self.index, self.type_ids = geography, index, type_ids
        self.whole = WholeBoroughCover(index.whole)
        self.cells: dict[tuple[Site, int], Cell] = {}
        self.overlaps = [
            Overlap(Site(BOROUGH, borough_id), type_id, (), block.ids)
            for (borough_id, type_id), groups in self.whole.by_borough.items()
            for block in groups.blocks
            if block.is_overlap
        ]

    def add_places(self, places: Iterable[PlaceInfo]) -> None:
        """Each place's cells, keeping the overlaps found there (one loop: it runs for every place and type)."""
        named_at, whole_at = {t: self.index.named.get(t, {}) for t in self.type_ids}, self.whole
        for place in places:
            site, borough_ids = Site(PLACE, place.id), self.geography.boroughs_of_place[place.id]
            crossing = len(borough_ids) > 1
            for type_id in self.type_ids:
                named = named_at[type_id].get(place.id, [])
                whole = whole_at.of_place(borough_ids, type_id)
                leads = whole.organisation_ids
                if not named and not whole.ids:
                    state = CellState.GAP
                elif len(leads) < 2 and len(leads.union(facts.organisation_id for facts in named)) == 1:
                    state = CellState.THIN
                else:
                    apart = whole_at.each_borough(borough_ids, type_id) if crossing else ()
                    found = place_overlaps(site, type_id, named, whole, apart)
                    self.overlaps += found
                    state = CellState.OVERLAP if found or whole.has_overlap else CellState.COVERED
                self.cells[site, type_id] = Cell(site, type_id, state, tuple([f.id for f in named]), whole.ids)

    def add_boroughs(self, boroughs: Iterable[BoroughInfo]) -> None:
        for borough in boroughs:
            for type_id in self.type_ids:
                self.cells[Site(BOROUGH, borough.id), type_id] = self._borough_cell(borough, type_id)

    def _borough_cell(self, borough: BoroughInfo, type_id: int) -> Cell:
        """A borough's cell: covered by its whole-borough projects and by every project covering any place in
        it, including the whole-borough projects of another borough that a place crosses from."""
        whole = self.whole.of_borough(borough.id, type_id)
        inside = self.geography.places_by_borough.get(borough.id, ())
        named_here = self.index.named.get(type_id, {})
        named = [facts for place in inside for facts in named_here.get(place.id, ())]
        organisation_ids = whole.organisation_ids.union(facts.organisation_id for facts in named)
        crossing_in = set()
        for place in inside:
            borough_ids = self.geography.boroughs_of_place[place.id]
            if len(borough_ids) > 1:
                groups = self.whole.of_place(borough_ids, type_id)
                crossing_in.update(groups.ids)
                organisation_ids |= groups.organisation_ids
        if not organisation_ids:
            state = CellState.GAP
        elif len(organisation_ids) == 1:
            state = CellState.THIN
        elif whole.has_overlap or self._any_place_overlaps(inside, type_id):
            state = CellState.OVERLAP
        else:
            state = CellState.COVERED
        named_ids = ({f.id for f in named} | crossing_in) - set(whole.ids)
        return Cell(Site(BOROUGH, borough.id), type_id, state, tuple(sorted(named_ids)), whole.ids)

    def _any_place_overlaps(self, places: Iterable[PlaceInfo], type_id: int) -> bool:
        return any(self.cells[Site(PLACE, place.id), type_id].state == CellState.OVERLAP for place in places)


def _with_gap_dates(cells: dict, geography: Geography, index: ProjectIndex) -> dict[tuple[Site, int], Cell]:
    """The cells, each gap with the day after the last covering project ended before the period."""
    for key, cell in cells.items():
        if cell.state == CellState.GAP:
            cells[key] = cell._replace(since=_gap_since(cell.site, cell.type_id, geography, index))
    return cells


def _gap_since(site: Site, type_id: int, geography: Geography, index: ProjectIndex) -> date | None:
    """The day after the last covering project ended before the period, or None if none ever did."""
    ended = index.ended.get(type_id, {})
    ends = (ended.get(s) for s in (site, *geography.around(site)))
    last = max((end for end in ends if end is not None), default=None)
    return None if last is None else last + ONE_DAY


def _shortfalls(cells: Mapping[tuple[Site, int], Cell], geography: Geography) -> dict[CellState, list[Gap]]:
    """The gaps and the thin cells that are listed: those of partnership boroughs and of priority places."""
    listed: dict[CellState, list[Gap]] = {CellState.GAP: [], CellState.THIN: []}
    for cell in cells.values():
        if cell.state not in listed:
            continue
        if cell.site.kind == BOROUGH:
            if not geography.boroughs[cell.site.id].is_partnership:
                continue
            priority = None  # A whole borough ranks above every place.
        elif not (priority := geography.places[cell.site.id].priority):
            continue
        listed[cell.state].append(Gap(cell.site, cell.type_id, cell.state, priority, cell.since))
    return listed


class _Order:
    """The orders of the gap list and the overlap list."""

    def __init__(self, geography: Geography, types: tuple[TypeInfo, ...]):
        self.names = {Site(BOROUGH, pk): b.name for pk, b in geography.boroughs.items()}
        self.names.update({Site(PLACE, pk): p.name for pk, p in geography.places.items()})
        self.type_order = {t.id: i for i, t in enumerate(types)}

    def gap(self, gap: Gap) -> tuple:
        """Whole boroughs first, then places by priority; then the longest-lasting (never covered first)."""
        return (
            gap.priority is not None,
            -(gap.priority or 0),
            gap.since is not None,
            gap.since or date.min,
            self.names[gap.site],
            gap.site,
            self.type_order[gap.type_id],
        )

    def overlap(self, item: Overlap) -> tuple:
        """Whole boroughs first, then by name; then by type and projects."""
        return (
            item.site.kind != BOROUGH,
            self.names[item.site],
            item.site,
            self.type_order[item.type_id],
            item.named_ids,
            item.whole_ids,
        )


@dataclass(frozen=True, slots=True)
class PlaceProvision:
    """A place and the chosen intervention types no active project provides there."""

    place: PlaceInfo
    missing: tuple[TypeInfo, ...]
    project_ids: tuple[int, ...]  # Active projects covering it with any chosen type.

    @property
    def has_none(self) -> bool:
        return not self.project_ids


def place_provision(analysis: Analysis, place_ids: Iterable[int]) -> tuple[PlaceProvision, ...]:
    """What each of these places lacks: places with no active project first, then by priority and name."""
    rows = []
    for place_id in set(place_ids) & analysis.places.keys():
        cells = [analysis.cell(Site(PLACE, place_id), t.id) for t in analysis.types]
        missing = tuple(t for t, cell in zip(analysis.types, cells, strict=True) if cell.state == CellState.GAP)
        covering = tuple(sorted({pk for cell in cells for pk in cell.project_ids}))
        rows.append(PlaceProvision(analysis.places[place_id], missing, covering))
    return tuple(sorted(rows, key=lambda row: (not row.has_none, -row.place.priority, row.place.name, row.place.id)))
