"""Overlaps: groups of active projects of different leads doing the same kind of work to the same ages, same time.

Two projects overlap when their leads differ and both their ages and their dates intersect; an overlap is
a connected group of such pairs, so membership is symmetric and does not depend on the order of anything.
A group made only of projects covering a whole borough is listed once, against the borough; a group with
a project naming a place is listed against the place (it may include whole-borough projects); two
whole-borough projects of different boroughs that meet only at a place crossing between them are listed
against that place.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from partners.succession import organisations_now

from .covering import covers_place, whole_boroughs
from .data import PLACE, Ages, Dates, Partnership, ProjectInfo, Site
from .reviews import ReviewInfo, overlap_key


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


@dataclass(slots=True, eq=False)
class ProjectFacts:
    """What the overlap search compares of an active project: its lead organisation (as now or as recorded,
    as asked), its ages and its dates. Slotted and compared by identity, as the search compares many pairs
    and a slot is the fastest thing Python reads."""

    organisation_id: int
    age_min: int
    age_max: int
    start: date
    end: date
    id: int


def split_linked(facts: ProjectFacts, candidates: list[ProjectFacts]) -> tuple[list[ProjectFacts], list[ProjectFacts]]:
    """The candidates overlapping this project, and the rest. Two projects overlap when their lead organisations
    differ and both their ages and their dates meet (the test is written out, as it runs for most pairs compared)."""
    organisation_id, age_min, age_max = facts.organisation_id, facts.age_min, facts.age_max
    start, end = facts.start, facts.end
    linked, rest = [], []
    for other in candidates:
        if (
            other.organisation_id != organisation_id
            and other.age_min <= age_max
            and age_min <= other.age_max
            and other.start <= end
            and start <= other.end
        ):
            linked.append(other)
        else:
            rest.append(other)
    return linked, rest


def linked_groups(projects: list[ProjectFacts]) -> list[list[ProjectFacts]]:
    """Split projects into groups linked by overlapping pairs; a project overlapping none is a group alone.

    The search compares each reached project with the projects not reached yet only: in dense data
    most are reached at once, so far fewer than all pairs are compared.
    """
    unvisited, groups = list(projects), []
    while unvisited:
        first = unvisited.pop()
        group, frontier = [first], [first]
        while frontier and unvisited:
            found, unvisited = split_linked(frontier.pop(), unvisited)
            group += found
            frontier += found
        groups.append(group)
    return groups


class Block:
    """A group of whole-borough projects that overlap each other, with its outline for quick rejection."""

    __slots__ = ("age_max", "age_min", "end", "ids", "members", "organisation_ids", "start")

    def __init__(self, members: list[ProjectFacts]):
        self.members = members
        self.ids = tuple(sorted(facts.id for facts in members))
        self.organisation_ids = frozenset(facts.organisation_id for facts in members)
        self.age_min = min(facts.age_min for facts in members)
        self.age_max = max(facts.age_max for facts in members)
        self.start = min(facts.start for facts in members)
        self.end = max(facts.end for facts in members)

    @property
    def is_overlap(self) -> bool:
        """Whether the group is an overlap: a project alone is not."""
        return len(self.ids) > 1

    def touches(self, facts: ProjectFacts) -> bool:
        """Whether a project overlaps any project of this group; most are ruled out by the group's outline."""
        if self.age_min > facts.age_max or facts.age_min > self.age_max:
            return False
        if self.start > facts.end or facts.start > self.end:
            return False
        if len(self.organisation_ids) == 1 and facts.organisation_id in self.organisation_ids:
            return False
        organisation_id, age_min, age_max = facts.organisation_id, facts.age_min, facts.age_max
        start, end = facts.start, facts.end
        # split_linked's test, stopping at the first project linked (a loop, as any() over a generator is slower).
        for other in self.members:  # noqa: SIM110
            if (
                other.organisation_id != organisation_id
                and other.age_min <= age_max
                and age_min <= other.age_max
                and other.start <= end
                and start <= other.end
            ):
                return True
        return False


class WholeBoroughGroups:
    """The whole-borough projects covering a place (or a borough) for one intervention type, in linked groups."""

    __slots__ = ("blocks", "has_overlap", "ids", "organisation_ids")

    def __init__(self, projects: list[ProjectFacts]):
        self.blocks = [Block(group) for group in linked_groups(projects)] if projects else []
        self.ids = tuple(sorted(facts.id for facts in projects))
        self.organisation_ids = frozenset(facts.organisation_id for facts in projects)
        self.has_overlap = any(block.is_overlap for block in self.blocks)


NO_WHOLE_BOROUGH = WholeBoroughGroups([])


class WholeBoroughCover:
    """Each borough's whole-borough projects by intervention type, grouped once and shared by every place in the
    borough; a place crossing boroughs gets their union, grouped once per set of boroughs."""

    def __init__(self, whole: Mapping[tuple[int, int], list[ProjectFacts]]):
        self._whole = whole
        self.by_borough = {key: WholeBoroughGroups(projects) for key, projects in whole.items()}
        self._of_places: dict[tuple[frozenset[int], int], WholeBoroughGroups] = {}

    def of_borough(self, borough_id: int, type_id: int) -> WholeBoroughGroups:
        return self.by_borough.get((borough_id, type_id), NO_WHOLE_BOROUGH)

    def of_place(self, borough_ids: frozenset[int], type_id: int) -> WholeBoroughGroups:
        """The whole-borough projects covering a place in these boroughs."""
        key = (borough_ids, type_id)
        groups = self._of_places.get(key)
        if groups is None:
            groups = self._of_places[key] = self._grouped(borough_ids, type_id)
        return groups

    def _grouped(self, borough_ids: frozenset[int], type_id: int) -> WholeBoroughGroups:
        if len(borough_ids) == 1:
            return self.of_borough(next(iter(borough_ids)), type_id)
        merged = {facts.id: facts for b in borough_ids for facts in self._whole.get((b, type_id), ())}
        return WholeBoroughGroups(sorted(merged.values(), key=lambda facts: facts.id))

    def each_borough(self, borough_ids: frozenset[int], type_id: int) -> list[WholeBoroughGroups]:
        """Each of these boroughs' own groups (for a place crossing them)."""
        return [self.of_borough(b, type_id) for b in borough_ids]


class NamedGroup(NamedTuple):
    """An overlap group holding a project that names the place: those projects and the whole-borough groups
    they reach."""

    members: list[ProjectFacts]
    blocks: list[Block]


def _partition(test, items: list) -> tuple[list, list]:
    """The items passing the test and the rest, each in their order."""
    passed, rest = [], []
    for item in items:
        (passed if test(item) else rest).append(item)
    return passed, rest


def groups_with_named(named: list[ProjectFacts], blocks: list[Block]) -> list[NamedGroup]:
    """The overlap groups that contain a project naming the place: its named projects and the blocks they reach.

    Blocks are already closed among themselves, so only named-named and named-block links are tested,
    each pair at most once.
    """
    unvisited, free, groups = list(named), list(blocks), []
    while unvisited:
        first = unvisited.pop()
        group, frontier = NamedGroup([first], []), [first]
        while frontier and (unvisited or free):
            facts = frontier.pop()
            found, unvisited = split_linked(facts, unvisited) if unvisited else ([], unvisited)
            still_free = []
            for block in free:
                if block.touches(facts):
                    group.blocks.append(block)
                    reached, unvisited = _partition(block.touches, unvisited)
                    found += reached
                else:
                    still_free.append(block)
            free = still_free
            group.members.extend(found)
            frontier += found
        groups.append(group)
    return groups


def place_overlaps(
    site: Site,
    type_id: int,
    named: list[ProjectFacts],
    whole: WholeBoroughGroups,
    boroughs_apart: Sequence[WholeBoroughGroups],
) -> list[Overlap]:
    """The overlaps listed against a place: the groups holding a project that names it and, at a place crossing
    boroughs (whose boroughs' own groups are given apart), any group of whole-borough projects that no single
    borough holds (it meets only there)."""
    found, reached = [], set()
    for group in groups_with_named(named, whole.blocks) if named else ():
        if len(group.members) > 1 or group.blocks:
            blocks = group.blocks
            whole_ids = blocks[0].ids if len(blocks) == 1 else tuple(sorted(pk for block in blocks for pk in block.ids))
            found.append(Overlap(site, type_id, tuple(sorted(facts.id for facts in group.members)), whole_ids))
            reached.update(map(id, blocks))
    if boroughs_apart:
        found += _met_only_here(site, type_id, whole.blocks, reached, boroughs_apart)
    return found


def _met_only_here(
    site: Site, type_id: int, blocks: list[Block], reached: set[int], boroughs_apart: Sequence[WholeBoroughGroups]
) -> list[Overlap]:
    """The groups of whole-borough projects, not reached from a named project, that no single borough holds."""
    singles = [frozenset(apart.ids) for apart in boroughs_apart]
    return [
        Overlap(site, type_id, (), block.ids)
        for block in blocks
        if block.is_overlap and id(block) not in reached and not any(ids.issuperset(block.ids) for ids in singles)
    ]


class ReviewBook:
    """VRU staff's reviews, found by the overlap they hold for."""

    def __init__(self, reviews: Iterable[ReviewInfo]):
        reviews = tuple(reviews)
        self._by_key = {review.key: review for review in reviews}
        self._sites = {(review.site, review.type_id) for review in reviews}

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def marked(self, overlap: Overlap) -> Overlap:
        """The overlap with its review, if one holds for exactly its projects."""
        if (overlap.site, overlap.type_id) not in self._sites:
            return overlap
        review = self._by_key.get(overlap_key(overlap.site, overlap.type_id, (*overlap.named_ids, *overlap.whole_ids)))
        return overlap if review is None else overlap._replace(review=review)


class CommonGround(NamedTuple):
    """The ages and the dates every one of some projects shares, each None when they have none in common."""

    ages: Ages | None
    dates: Dates | None


def common_ground(projects: Iterable[ProjectInfo]) -> CommonGround:
    """The ages and the dates every one of these projects shares, each None when they have none in common."""
    projects = list(projects)
    ages = Ages(max(p.age_min for p in projects), min(p.age_max for p in projects))
    dates = Dates(max(p.start for p in projects), min(p.end for p in projects))
    return CommonGround(
        ages if ages.youngest <= ages.oldest else None,
        dates if dates.start <= dates.end else None,
    )


def overlap_refusal(data: Partnership, site: Site, type_id: int, project_ids: Iterable[int]) -> str | None:
    """Why these projects cannot be an overlap at this site, or None if they can (each delivers the type
    and covers the site, and at least two lead organisations as they are now are among them)."""
    wanted = set(project_ids)
    projects = [p for p in data.projects if p.id in wanted]
    if len(wanted) < 2:
        return "An overlap needs at least two projects."
    if len(projects) < len(wanted):
        return "One of these projects no longer exists."
    if not _all_cover(data, site, projects):
        return "Not every one of these projects covers that place."
    if not all(type_id in p.type_ids for p in projects):
        return "Not every one of these projects delivers that intervention type."
    now = organisations_now(data.successors)
    if len({now.get(p.lead_id, p.lead_id) for p in projects}) < 2:
        return "These projects all have the same lead organisation, so they do not overlap."
    return None


def _all_cover(data: Partnership, site: Site, projects: list[ProjectInfo]) -> bool:
    """Whether every one of these projects covers the site: the place, or the whole borough."""
    boroughs_of_place = {place.id: place.borough_ids for place in data.places}
    if site.kind == PLACE:
        place = next((place for place in data.places if place.id == site.id), None)
        return place is not None and all(covers_place(p, place, boroughs_of_place) for p in projects)
    return all(site.id in whole_boroughs(p, boroughs_of_place) for p in projects)
