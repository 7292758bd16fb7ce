"""One pass over the partnership: where places lie, who covers what in the period, when coverage last ended."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .covering import counts_for, whole_boroughs
from .data import BOROUGH, PLACE, BoroughInfo, Criteria, Partnership, PlaceInfo, ProjectInfo, Site
from .overlaps import ProjectFacts


@dataclass(frozen=True)
class Geography:
    """The boroughs and places by id, the boroughs each place is in, and the places in each borough by name."""

    boroughs: dict[int, BoroughInfo]
    places: dict[int, PlaceInfo]
    boroughs_of_place: dict[int, frozenset[int]]
    places_by_borough: dict[int, tuple[PlaceInfo, ...]]
    # One Site per place and per borough, shared by every key that names it.
    place_sites: dict[int, Site]
    borough_sites: dict[int, Site]

    @classmethod
    def of(cls, data: Partnership) -> "Geography":
        boroughs_of_place = {place.id: place.borough_ids for place in data.places}
        places_by_borough: dict[int, list[PlaceInfo]] = defaultdict(list)
        for place in sorted(data.places, key=lambda p: (p.name, p.id)):
            for borough_id in boroughs_of_place[place.id]:
                places_by_borough[borough_id].append(place)
        return cls(
            boroughs={borough.id: borough for borough in data.boroughs},
            places={place.id: place for place in data.places},
            boroughs_of_place=boroughs_of_place,
            places_by_borough={pk: tuple(places) for pk, places in places_by_borough.items()},
            place_sites={place.id: Site(PLACE, place.id) for place in data.places},
            borough_sites={borough.id: Site(BOROUGH, borough.id) for borough in data.boroughs},
        )

    def around(self, site: Site) -> list[Site]:
        """The sites whose coverage bears on this one: a place's boroughs; or a borough's places and the boroughs
        they cross from (whose whole-borough projects cover them, and so the borough)."""
        if site.kind == PLACE:
            return [Site(BOROUGH, b) for b in self.boroughs_of_place[site.id]]
        places = self.places_by_borough.get(site.id, ())
        crossed_from = {b for place in places for b in self.boroughs_of_place[place.id]} - {site.id}
        return [Site(PLACE, place.id) for place in places] + [Site(BOROUGH, b) for b in sorted(crossed_from)]


def _by_id() -> defaultdict[int, list[ProjectFacts]]:
    return defaultdict(list)


@dataclass
class ProjectIndex:
    """Who covers what in the period, and when coverage last ended before it; every list is in project id order."""

    # The active projects naming each place, by type id and then place id (int keys: the index appends to it for
    # every project, type and place).
    named: Mapping[int, Mapping[int, list[ProjectFacts]]] = field(default_factory=lambda: defaultdict(_by_id))
    # The active projects covering each whole borough, by (borough id, type id).
    whole: Mapping[tuple[int, int], list[ProjectFacts]] = field(default_factory=lambda: defaultdict(list))
    # The last day a counted project covering the site ended before the period, by type id and then site.
    ended: Mapping[int, dict[Site, date]] = field(default_factory=lambda: defaultdict(dict))

    def add_ended(self, end: date, sites: Iterable[Site], types: Iterable[int]) -> None:
        """Record a project that ended before the period, at the places it names and the boroughs it covers wholly."""
        for type_id in types:
            ended = self.ended[type_id]
            for site in sites:
                if ended.get(site, date.min) < end:
                    ended[site] = end


def index_projects(
    projects: Iterable[ProjectInfo],
    criteria: Criteria,
    type_ids: frozenset[int],
    geography: Geography,
    organisation_of: Mapping[int, int],
) -> ProjectIndex:
    """The projects that count and start by the period's end, indexed by what they cover (projects arrive in id
    order, so every list is in id order too). The loop reads each project's fields by unpacking, once: it runs
    for every project read."""
    index = ProjectIndex()
    named, whole, boroughs_of_place = index.named, index.whole, geography.boroughs_of_place
    place_site, borough_site = geography.place_sites, geography.borough_sites
    period_start, period_end = criteria.start, criteria.end
    for project in projects:
        pk, _, lead, _, start, end, age_min, age_max, borough_ids, place_ids, project_types = project
        types = project_types & type_ids
        if not types or start > period_end or not counts_for(project, criteria):
            continue
        wholly = whole_boroughs(project, boroughs_of_place) if place_ids else borough_ids
        if end < period_start:
            sites = [place_site.get(p) or Site(PLACE, p) for p in place_ids]
            if wholly:
                sites += [borough_site.get(b) or Site(BOROUGH, b) for b in wholly]
            index.add_ended(end, sites, types)
            continue
        facts = ProjectFacts(organisation_of.get(lead, lead), age_min, age_max, start, end, pk)
        for type_id in types:
            if place_ids:
                named_here = named[type_id]
                for place_id in place_ids:
                    named_here[place_id].append(facts)
            for borough_id in wholly:
                whole[borough_id, type_id].append(facts)
    return index
