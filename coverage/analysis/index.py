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
        )

    def around(self, site: Site) -> list[Site]:
        """The sites whose coverage bears on this one: a place's boroughs; or a borough's places and the boroughs
        they cross from (whose whole-borough projects cover them, and so the borough)."""
        if site.kind == PLACE:
            return [Site(BOROUGH, b) for b in self.boroughs_of_place[site.id]]
        places = self.places_by_borough.get(site.id, ())
        crossed_from = {b for place in places for b in self.boroughs_of_place[place.id]} - {site.id}
        return [Site(PLACE, place.id) for place in places] + [Site(BOROUGH, b) for b in sorted(crossed_from)]


@dataclass
class ProjectIndex:
    """Who covers what in the period, and when coverage last ended before it; every list is in project id order."""

    # The active projects naming each place, by (place id, type id).
    named: Mapping[tuple[int, int], list[ProjectFacts]] = field(default_factory=lambda: defaultdict(list))
    # The active projects covering each whole borough, by (borough id, type id).
    whole: Mapping[tuple[int, int], list[ProjectFacts]] = field(default_factory=lambda: defaultdict(list))
    # The last day a counted project covering the site ended before the period, by (site, type id).
    ended: dict[tuple[Site, int], date] = field(default_factory=dict)

    def add_ended(self, end: date, place_ids: Iterable[int], borough_ids: Iterable[int], types: Iterable[int]) -> None:
        """Record a project that ended before the period, at the places it names and the boroughs it covers wholly."""
        sites = [Site(PLACE, place_id) for place_id in place_ids] + [Site(BOROUGH, b) for b in borough_ids]
        for type_id in types:
            for site in sites:
                if self.ended.get((site, type_id), date.min) < end:
                    self.ended[site, type_id] = end


def index_projects(
    projects: Iterable[ProjectInfo],
    criteria: Criteria,
    type_ids: frozenset[int],
    geography: Geography,
    organisation_of: Mapping[int, int],
) -> ProjectIndex:
    """The projects that count and start by the period's end, indexed by what they cover (projects arrive in id
    order, so every list is in id order too)."""
    index = ProjectIndex()
    named, whole = index.named, index.whole
    for project in projects:
        types = project.type_ids & type_ids
        if not types or project.start > criteria.end or not counts_for(project, criteria):
            continue
        wholly = whole_boroughs(project, geography.boroughs_of_place)
        if project.end < criteria.start:
            index.add_ended(project.end, project.place_ids, wholly, types)
            continue
        lead = organisation_of.get(project.lead_id, project.lead_id)
        facts = ProjectFacts(lead, project.age_min, project.age_max, project.start, project.end, project.id)
        for type_id in types:
            for place_id in project.place_ids:
                named[place_id, type_id].append(facts)
            for borough_id in wholly:
                whole[borough_id, type_id].append(facts)
    return index
