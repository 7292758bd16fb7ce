"""Overlaps and gaps in provision: pure, deterministic functions over plain data (no Django, no database).

The rules, as the README and the coverage pages' help text state them:

- A project **covers** the places it names. For each borough it names without naming any place in
  that borough, it covers the whole borough, and so every place in it (places crossing into it too).
- A **borough** is covered for an intervention type when a project covers the whole borough or any
  place in it; its priority places are then judged one by one, so a local gap is never hidden.
- A project is **active** in a period when its dates intersect the period, and **serves** an age
  band when its age range intersects the band. Only the statuses asked for count: drafts and
  cancelled projects are left out unless the user includes them.
- Organisations are compared as they are now (through mergers and renames) unless the user asks
  for them as recorded.
- A cell (a borough or a place, and an intervention type) is a **gap** when no active project covers
  it, **thin** when every project covering it has the same lead organisation, an **overlap** when
  two covering projects of different lead organisations serve intersecting ages on intersecting
  dates, and **covered** otherwise.
- The gap list holds the gaps of partnership boroughs and priority places, ranked: whole boroughs
  first, then places by priority, then by how long the gap has lasted (never covered first).
- An **overlap** is a group of projects linked by such pairs (a connected group, so membership is
  symmetric and does not depend on input order). A group made only of projects that cover a whole
  borough is listed once, against the borough, rather than against every place in it.
"""

import gc
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from partners.succession import organisations_now

BOROUGH = "borough"
PLACE = "place"
# Any age a project could record: the widest band, meaning "all ages".
ALL_AGES = (0, 255)
ONE_DAY = timedelta(days=1)


class Site(NamedTuple):
    """Where coverage is judged: a whole borough or one place."""

    kind: str
    id: int


class CellState(StrEnum):
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


@dataclass(frozen=True, slots=True)
class BoroughInfo:
    id: int
    name: str
    gss_code: str
    is_partnership: bool = False


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    id: int
    name: str
    borough_id: int
    priority: int = 0
    also_in: frozenset[int] = frozenset()

    @property
    def borough_ids(self) -> frozenset[int]:
        """Its own borough and every borough it crosses into."""
        return self.also_in | {self.borough_id}


@dataclass(frozen=True, slots=True)
class TypeInfo:
    id: int
    name: str
    slug: str


class ProjectInfo(NamedTuple):
    """A project as the analysis reads it (a named tuple: tens of thousands are built per page, and tuples
    build several times faster than frozen dataclasses)."""

    id: int
    title: str
    lead_id: int
    status: str
    start: date
    end: date
    age_min: int
    age_max: int
    borough_ids: frozenset[int] = frozenset()
    place_ids: frozenset[int] = frozenset()
    type_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Partnership:
    """Everything the analysis reads: boroughs, places, intervention types, projects and organisations."""

    boroughs: tuple[BoroughInfo, ...]
    places: tuple[PlaceInfo, ...]
    types: tuple[TypeInfo, ...]
    projects: tuple[ProjectInfo, ...]
    organisations: Mapping[int, str]
    successors: Mapping[int, int | None]


@dataclass(frozen=True)
class Criteria:
    """The question asked: which period, ages, statuses and intervention types, and how to count organisations."""

    start: date
    end: date
    statuses: frozenset[str]
    age_min: int = ALL_AGES[0]
    age_max: int = ALL_AGES[1]
    type_ids: frozenset[int] | None = None
    organisations_now: bool = True


def overlap_key(site: Site, type_id: int, project_ids: Iterable[int]) -> str:
    """A stable identity for an overlap: its site, its intervention type and its exact set of projects."""
    text = f"{site.kind}:{site.id}:{type_id}:" + ",".join(str(pk) for pk in sorted(set(project_ids)))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class ReviewInfo:
    """VRU staff's judgement of one overlap, valid only while the overlap has exactly these projects."""

    site: Site
    type_id: int
    project_ids: frozenset[int]
    status: str
    status_label: str
    note: str
    reviewed_by: str
    reviewed_at: datetime

    @property
    def key(self) -> str:
        return overlap_key(self.site, self.type_id, self.project_ids)


class Cell(NamedTuple):
    """One borough or place against one intervention type, and the active projects covering it (a named
    tuple, as tens of thousands are built per analysis)."""

    site: Site
    type_id: int
    state: CellState
    # For a place: projects naming it. For a borough: projects naming places in it.
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


class Overlap(NamedTuple):
    """A group of active projects of different lead organisations delivering the same thing in the same site."""

    site: Site
    type_id: int
    named_ids: tuple[int, ...]
    whole_ids: tuple[int, ...]
    review: ReviewInfo | None = None

    @property
    def project_ids(self) -> tuple[int, ...]:
        return tuple(sorted({*self.named_ids, *self.whole_ids}))

    @property
    def size(self) -> int:
        return len(self.named_ids) + len(self.whole_ids)

    @property
    def key(self) -> str:
        return overlap_key(self.site, self.type_id, self.project_ids)


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


def whole_boroughs(project: ProjectInfo, boroughs_of_place: Mapping[int, frozenset[int]]) -> frozenset[int]:
    """The boroughs a project covers wholly: those it names without naming any place in them."""
    if not project.place_ids:
        return project.borough_ids
    touched: set[int] = set()
    for place_id in project.place_ids:
        touched |= boroughs_of_place.get(place_id, frozenset())
    return project.borough_ids - touched


def covers_place(project: ProjectInfo, place: PlaceInfo, boroughs_of_place: Mapping[int, frozenset[int]]) -> bool:
    """Whether a project covers a place: it names the place, or covers a whole borough the place is in."""
    return place.id in project.place_ids or not whole_boroughs(project, boroughs_of_place).isdisjoint(place.borough_ids)


def counts_for(project: ProjectInfo, criteria: Criteria) -> bool:
    """Whether a project's status and ages count for these criteria (its dates aside)."""
    return (
        project.status in criteria.statuses
        and project.age_min <= criteria.age_max
        and criteria.age_min <= project.age_max
    )


def organisation_map(data: Partnership, *, now: bool) -> dict[int, int]:
    """Each organisation mapped to itself, or to the organisation it is now."""
    return organisations_now(data.successors) if now else {pk: pk for pk in data.successors}


def chosen_types(data: Partnership, criteria: Criteria) -> tuple[TypeInfo, ...]:
    return tuple(t for t in data.types if criteria.type_ids is None or t.id in criteria.type_ids)


# A project as the overlap search sees it: (organisation, youngest, oldest, start, end, id), a plain
# tuple because the search compares many pairs and tuples are the fastest thing Python indexes.
_Node = tuple[int, int, int, date, date, int]


def _split_linked(node: _Node, candidates: list[_Node]) -> tuple[list[_Node], list[_Node]]:
    """The candidates overlapping this project (another lead organisation, ages and dates meeting), and the rest."""
    org, young, old, start, end, _ = node
    linked, rest = [], []
    for other in candidates:
        if other[0] != org and other[1] <= old and young <= other[2] and other[3] <= end and start <= other[4]:
            linked.append(other)
        else:
            rest.append(other)
    return linked, rest


def _components(nodes: list[_Node]) -> list[list[_Node]]:
    """Split projects into groups linked by overlapping pairs; a project overlapping none is a group alone.

    The search compares each reached project with the projects not reached yet only: in dense data
    most are reached at once, so far fewer than all pairs are compared.
    """
    unvisited, groups = list(nodes), []
    while unvisited:
        first = unvisited.pop()
        group, frontier = [first], [first]
        while frontier and unvisited:
            found, unvisited = _split_linked(frontier.pop(), unvisited)
            group += found
            frontier += found
        groups.append(group)
    return groups


class _Block:
    """A group of whole-borough projects that overlap each other, with its outline for quick rejection."""

    __slots__ = ("end", "ids", "members", "old", "orgs", "start", "young")

    def __init__(self, members: list[_Node]):
        self.members = members
        self.ids = tuple(sorted(node[5] for node in members))
        self.orgs = frozenset(node[0] for node in members)
        self.young = min(node[1] for node in members)
        self.old = max(node[2] for node in members)
        self.start = min(node[3] for node in members)
        self.end = max(node[4] for node in members)

    def touches(self, node: _Node) -> bool:
        """Whether a project overlaps any project of this group."""
        org, young, old, start, end, _ = node
        if self.young > old or young > self.old or self.start > end or start > self.end:
            return False
        if len(self.orgs) == 1 and org in self.orgs:
            return False
        for other in self.members:
            if other[0] != org and other[1] <= old and young <= other[2] and other[3] <= end and start <= other[4]:
                return True
        return False


class _Context:
    """The whole-borough projects covering a place (or a borough) for one intervention type."""

    __slots__ = ("blocks", "has_overlap", "ids", "orgs")

    def __init__(self, nodes: list[_Node]):
        self.blocks = [_Block(group) for group in _components(nodes)] if nodes else []
        self.ids = tuple(sorted(node[5] for node in nodes))
        self.orgs = frozenset(node[0] for node in nodes)
        self.has_overlap = any(len(block.ids) > 1 for block in self.blocks)


_EMPTY = _Context([])


def _groups_with_named(named: list[_Node], blocks: list[_Block]) -> list[tuple[list[_Node], list[_Block]]]:
    """The overlap groups that contain a project naming the place: its named projects and the blocks they reach.

    Blocks are already closed among themselves, so only named-named and named-block links are tested,
    each pair at most once.
    """
    unvisited, free, groups = list(named), list(blocks), []
    while unvisited:
        first = unvisited.pop()
        members, attached, frontier = [first], [], [first]
        while frontier:
            node = frontier.pop()
            found, unvisited = _split_linked(node, unvisited)
            members += found
            frontier += found
            still_free = []
            for block in free:
                if block.touches(node):
                    attached.append(block)
                    found = [other for other in unvisited if block.touches(other)]
                    unvisited = [other for other in unvisited if other not in found]
                    members += found
                    frontier += found
                else:
                    still_free.append(block)
            free = still_free
        groups.append((members, attached))
    return groups


def _index(
    projects: list[ProjectInfo], criteria: Criteria, type_ids: frozenset[int], boroughs_of_place, organisation_of
):
    """One pass over the projects: who covers what in the period, and when coverage last ended before it.

    Projects arrive ordered by id, so every list built here is ordered by project id too.
    """
    named: dict[tuple[int, int], list[_Node]] = defaultdict(list)
    whole: dict[tuple[int, int], list[_Node]] = defaultdict(list)
    ended: dict[tuple[Site, int], date] = {}
    statuses, start, end = criteria.statuses, criteria.start, criteria.end
    young, old = criteria.age_min, criteria.age_max
    for project in projects:
        pk, _, lead, status, starts, ends, project_young, project_old, borough_ids, place_ids, type_ids_ = project
        if status not in statuses or starts > end or project_young > old or project_old < young:
            continue
        types = type_ids_ & type_ids
        if not types:
            continue
        wholly = whole_boroughs(project, boroughs_of_place) if place_ids else borough_ids
        if ends < start:
            sites = [Site(PLACE, place_id) for place_id in place_ids] + [Site(BOROUGH, b) for b in wholly]
            for type_id in types:
                for site in sites:
                    if ended.get((site, type_id), date.min) < ends:
                        ended[site, type_id] = ends
            continue
        node = (organisation_of.get(lead, lead), project_young, project_old, starts, ends, pk)
        for type_id in types:
            for place_id in place_ids:
                named[place_id, type_id].append(node)
            for borough_id in wholly:
                whole[borough_id, type_id].append(node)
    return named, whole, ended


def _place_overlaps(named: list[_Node], ctx: _Context, borough_contexts):
    """The overlaps listed against a place, as (named ids, whole-borough ids).

    Those are the groups holding a project that names the place and, at a place crossing boroughs (whose
    boroughs' own contexts are given), any group of whole-borough projects that no single borough holds
    (it meets only there).
    """
    found, reached = [], set()
    for members, attached in _groups_with_named(named, ctx.blocks) if named else ():
        if len(members) > 1 or attached:
            whole_ids = attached[0].ids if len(attached) == 1 else tuple(sorted(pk for b in attached for pk in b.ids))
            found.append((tuple(sorted(node[5] for node in members)), whole_ids))
            reached.update(map(id, attached))
    if borough_contexts:
        singles = [frozenset(other.ids) for other in borough_contexts]
        found.extend(
            ((), block.ids)
            for block in ctx.blocks
            if len(block.ids) > 1 and id(block) not in reached and not any(ids.issuperset(block.ids) for ids in singles)
        )
    return found


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while building many small objects that hold no cycles (the
    fetch and the analysis): its passes would only cost time, half the fetch's at 50,000 projects."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyse(data: Partnership, criteria: Criteria, reviews: Iterable[ReviewInfo] = ()) -> Analysis:
    """Coverage of every borough and place by each chosen intervention type: cells, ranked gaps, overlaps."""
    with gc_paused():
        return _analyse(data, criteria, tuple(reviews))


def _analyse(data: Partnership, criteria: Criteria, reviews: tuple[ReviewInfo, ...]) -> Analysis:
    organisation_of = organisation_map(data, now=criteria.organisations_now)
    boroughs = {borough.id: borough for borough in data.boroughs}
    places = {place.id: place for place in data.places}
    boroughs_of_place = {place.id: place.borough_ids for place in data.places}
    places_by_borough: dict[int, list[PlaceInfo]] = defaultdict(list)
    for place in sorted(data.places, key=lambda p: (p.name, p.id)):
        for borough_id in boroughs_of_place[place.id]:
            places_by_borough[borough_id].append(place)
    types = chosen_types(data, criteria)
    type_ids = frozenset(t.id for t in types)
    projects = sorted(data.projects, key=lambda project: project.id)
    named, whole, ended = _index(projects, criteria, type_ids, boroughs_of_place, organisation_of)

    review_by_key = {review.key: review for review in reviews}
    reviewed_sites = {(review.site, review.type_id) for review in reviews}

    def overlap(site: Site, type_id: int, named_ids: tuple[int, ...], whole_ids: tuple[int, ...]) -> Overlap:
        review = None
        if (site, type_id) in reviewed_sites:
            review = review_by_key.get(overlap_key(site, type_id, (*named_ids, *whole_ids)))
        return Overlap(site, type_id, named_ids, whole_ids, review)

    contexts = {key: _Context(nodes) for key, nodes in whole.items()}
    crossing_contexts: dict[tuple[frozenset[int], int], _Context] = {}

    def context(borough_ids: frozenset[int], type_id: int) -> _Context:
        """The whole-borough projects covering a place in these boroughs (shared by every place in them)."""
        if len(borough_ids) == 1:
            return contexts.get((next(iter(borough_ids)), type_id), _EMPTY)
        key = (borough_ids, type_id)
        if key not in crossing_contexts:
            merged = {node[5]: node for b in borough_ids for node in whole.get((b, type_id), ())}
            crossing_contexts[key] = _Context(sorted(merged.values(), key=lambda node: node[5]))
        return crossing_contexts[key]

    cells: dict[tuple[Site, int], Cell] = {}
    overlaps = [
        overlap(Site(BOROUGH, borough_id), type_id, (), block.ids)
        for (borough_id, type_id), ctx in contexts.items()
        for block in ctx.blocks
        if len(block.ids) > 1
    ]
    for place in data.places:
        site = Site(PLACE, place.id)
        borough_ids = boroughs_of_place[place.id]
        for type_id in type_ids:
            nodes = named.get((place.id, type_id), [])
            ctx = context(borough_ids, type_id)
            if not nodes and not ctx.ids:
                state = CellState.GAP
            elif len(ctx.orgs) < 2 and len(ctx.orgs.union(node[0] for node in nodes)) == 1:
                state = CellState.THIN
            else:
                crossing = [contexts.get((b, type_id), _EMPTY) for b in borough_ids] if len(borough_ids) > 1 else ()
                found = _place_overlaps(nodes, ctx, crossing)
                overlaps.extend(overlap(site, type_id, *group) for group in found)
                state = CellState.OVERLAP if found or ctx.has_overlap else CellState.COVERED
            cells[site, type_id] = Cell(site, type_id, state, tuple([node[5] for node in nodes]), ctx.ids)

    for borough in data.boroughs:
        site = Site(BOROUGH, borough.id)
        inside = places_by_borough.get(borough.id, ())
        for type_id in type_ids:
            ctx = contexts.get((borough.id, type_id), _EMPTY)
            nodes = [node for place in inside for node in named.get((place.id, type_id), ())]
            orgs = ctx.orgs.union(node[0] for node in nodes)
            if not orgs:
                state = CellState.GAP
            elif len(orgs) == 1:
                state = CellState.THIN
            elif ctx.has_overlap or any(cells[Site(PLACE, p.id), type_id].state == CellState.OVERLAP for p in inside):
                state = CellState.OVERLAP
            else:
                state = CellState.COVERED
            cells[site, type_id] = Cell(site, type_id, state, tuple(sorted({node[5] for node in nodes})), ctx.ids)

    def gap_since(site: Site, type_id: int) -> date | None:
        """The day after the last covering project ended before the period, or None if none ever did."""
        if site.kind == PLACE:
            around = [Site(BOROUGH, b) for b in boroughs_of_place[site.id]]
        else:
            around = [Site(PLACE, place.id) for place in places_by_borough.get(site.id, ())]
        last = max((ended[s, type_id] for s in (site, *around) if (s, type_id) in ended), default=None)
        return None if last is None else last + ONE_DAY

    for key, cell in cells.items():
        if cell.state == CellState.GAP:
            cells[key] = cell._replace(since=gap_since(cell.site, cell.type_id))

    shortfalls: dict[CellState, list[Gap]] = {CellState.GAP: [], CellState.THIN: []}
    for cell in cells.values():
        if cell.state not in shortfalls:
            continue
        if cell.site.kind == BOROUGH:
            if not boroughs[cell.site.id].is_partnership:
                continue
            priority = None
        elif not (priority := places[cell.site.id].priority):
            continue
        shortfalls[cell.state].append(Gap(cell.site, cell.type_id, cell.state, priority, cell.since))

    names = {Site(BOROUGH, pk): b.name for pk, b in boroughs.items()}
    names.update({Site(PLACE, pk): p.name for pk, p in places.items()})
    type_order = {t.id: i for i, t in enumerate(types)}

    def rank(gap: Gap):
        """Whole boroughs first, then places by priority; then the longest-lasting (never covered first)."""
        since = (gap.since is not None, gap.since or date.min)
        return (
            gap.priority is not None,
            -(gap.priority or 0),
            *since,
            names[gap.site],
            gap.site,
            type_order[gap.type_id],
        )

    def overlap_order(item: Overlap):
        site_order = (item.site.kind != BOROUGH, names[item.site], item.site)
        return (*site_order, type_order[item.type_id], item.named_ids, item.whole_ids)

    return Analysis(
        data=data,
        criteria=criteria,
        types=types,
        cells=cells,
        gaps=tuple(sorted(shortfalls[CellState.GAP], key=rank)),
        thin=tuple(sorted(shortfalls[CellState.THIN], key=rank)),
        overlaps=tuple(sorted(overlaps, key=overlap_order)),
        organisation_of=organisation_of,
        boroughs=boroughs,
        places=places,
        projects={project.id: project for project in projects},
        places_by_borough={pk: tuple(items) for pk, items in places_by_borough.items()},
    )


def gap_counts_by_borough(analysis: Analysis) -> dict[int, int]:
    """How many gaps each borough has (its own and its priority places'), for shading a map; a place counts
    under its own borough."""
    return dict(Counter(analysis.borough_of(gap.site).id for gap in analysis.gaps))


def common_ground(projects: Iterable[ProjectInfo]) -> tuple[tuple[int, int] | None, tuple[date, date] | None]:
    """The ages and the dates every one of these projects shares, each None when they have none in common."""
    projects = list(projects)
    young, old = max(p.age_min for p in projects), min(p.age_max for p in projects)
    start, end = max(p.start for p in projects), min(p.end for p in projects)
    return ((young, old) if young <= old else None), ((start, end) if start <= end else None)


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


@dataclass(frozen=True, slots=True)
class Spell:
    """A stretch of days with provision (the projects providing it) or without (a gap: no projects)."""

    start: date
    end: date
    project_ids: tuple[int, ...]

    @property
    def is_gap(self) -> bool:
        return not self.project_ids


@dataclass(frozen=True)
class ProvisionHistory:
    """One intervention type at one place over time: its projects, its spells of provision and gaps, and today."""

    type: TypeInfo
    projects: tuple[ProjectInfo, ...]
    spells: tuple[Spell, ...]
    # Today has provision that runs without a break until this day; the day after, a gap opens.
    provided_until: date | None
    # Today is in a gap that began on this day (None: no provision ever ended before today).
    gap_since: date | None
    # Today is in a gap and provision next starts on this day (None: nothing planned).
    next_provision: date | None


def place_timeline(data: Partnership, place_id: int, criteria: Criteria, today: date) -> tuple[ProvisionHistory, ...]:
    """When each kind of provision at a place started and ended, whatever the period: the spells of
    provision, the gaps between them, and where today falls."""
    boroughs_of_place = {place.id: place.borough_ids for place in data.places}
    place = next(place for place in data.places if place.id == place_id)
    covering = sorted(
        (p for p in data.projects if counts_for(p, criteria) and covers_place(p, place, boroughs_of_place)),
        key=lambda p: (p.start, p.end, p.id),
    )
    histories = []
    for kind in chosen_types(data, criteria):
        projects = tuple(p for p in covering if kind.id in p.type_ids)
        spells = _spells(projects)
        provided = [s for s in spells if not s.is_gap]
        now = next((s for s in provided if s.start <= today <= s.end), None)
        before = [s for s in provided if s.end < today]
        after = [s for s in provided if s.start > today]
        histories.append(
            ProvisionHistory(
                type=kind,
                projects=projects,
                spells=spells,
                provided_until=now.end if now else None,
                gap_since=before[-1].end + ONE_DAY if before and not now else None,
                next_provision=after[0].start if after and not now else None,
            )
        )
    return tuple(histories)


def _spells(projects: tuple[ProjectInfo, ...]) -> tuple[Spell, ...]:
    """Merge projects (ordered by start) into spells of provision, with a gap spell between each two."""
    spells: list[Spell] = []
    start = end = None
    ids: list[int] = []
    for project in projects:
        if end is not None and project.start <= end + ONE_DAY:
            end = max(end, project.end)
            ids.append(project.id)
            continue
        if end is not None:
            spells += [Spell(start, end, tuple(sorted(ids))), Spell(end + ONE_DAY, project.start - ONE_DAY, ())]
        start, end, ids = project.start, project.end, [project.id]
    if end is not None:
        spells.append(Spell(start, end, tuple(sorted(ids))))
    return tuple(spells)


def overlap_refusal(data: Partnership, site: Site, type_id: int, project_ids: Iterable[int]) -> str | None:
    """Why these projects cannot be an overlap at this site, or None if they can (each delivers the type
    and covers the site, and at least two lead organisations as they are now are among them)."""
    wanted = set(project_ids)
    projects = [p for p in data.projects if p.id in wanted]
    if len(wanted) < 2:
        return "An overlap needs at least two projects."
    if len(projects) < len(wanted):
        return "One of these projects no longer exists."
    boroughs_of_place = {place.id: place.borough_ids for place in data.places}
    if site.kind == PLACE:
        place = next((place for place in data.places if place.id == site.id), None)
        covered = place is not None and all(covers_place(p, place, boroughs_of_place) for p in projects)
    else:
        covered = all(site.id in whole_boroughs(p, boroughs_of_place) for p in projects)
    if not covered:
        return "Not every one of these projects covers that place."
    if not all(type_id in p.type_ids for p in projects):
        return "Not every one of these projects delivers that intervention type."
    now = organisations_now(data.successors)
    if len({now.get(p.lead_id, p.lead_id) for p in projects}) < 2:
        return "These projects all have the same lead organisation, so they do not overlap."
    return None
