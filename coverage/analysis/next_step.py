"""From a gap to a next step: who delivers that kind of work nearby, and which projects ended there recently.

- **Nearby**, for a place: the other places in its boroughs, those boroughs themselves (a place can be a gap
  while its borough is covered elsewhere) and the boroughs bordering its own; for a whole borough: the
  boroughs bordering it (the borough itself has nothing, or it would not be a gap).
- A **provider nearby** is a lead organisation (as now or as recorded, as asked) of an active project covering
  a nearby site for that kind of work; providers working in more nearby sites come first.
- A project **ended there recently** when it covered the site for that kind of work, counted, and ended before
  the period, on or after the day given.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .covering import covers_place, whole_boroughs
from .data import BOROUGH, PLACE, ProjectInfo, Site
from .matrix import Analysis


@dataclass(frozen=True, slots=True)
class Provider:
    """A lead organisation delivering the kind of work nearby: where, and through which projects."""

    organisation_id: int
    name: str
    sites: tuple[Site, ...]
    project_ids: tuple[int, ...]


def nearby_sites(analysis: Analysis, site: Site, bordering: Iterable[int]) -> tuple[Site, ...]:
    """The sites near a gap's site, nearest first: for a place its boroughs' other places, those boroughs, then
    the boroughs bordering its own; for a borough the boroughs bordering it."""
    bordering = sorted(set(bordering) & analysis.boroughs.keys() - {site.id if site.kind == BOROUGH else -1})
    if site.kind == BOROUGH:
        return tuple(Site(BOROUGH, pk) for pk in bordering)
    place = analysis.places[site.id]
    others = [
        Site(PLACE, other.id)
        for borough_id in sorted(place.borough_ids)
        for other in analysis.places_by_borough.get(borough_id, ())
        if other.id != place.id
    ]
    own = [Site(BOROUGH, pk) for pk in sorted(place.borough_ids)]
    return tuple(dict.fromkeys([*others, *own, *(Site(BOROUGH, pk) for pk in bordering)]))


def nearby_providers(analysis: Analysis, site: Site, type_id: int, bordering: Iterable[int]) -> tuple[Provider, ...]:
    """The lead organisations delivering this kind of work nearby, those in more nearby sites first, then by name."""
    sites_of, projects_of = defaultdict(list), defaultdict(set)
    for near in nearby_sites(analysis, site, bordering):
        cell = analysis.cells.get((near, type_id))
        for project_id in cell.project_ids if cell else ():
            lead = analysis.projects[project_id].lead_id
            organisation_id = analysis.organisation_of.get(lead, lead)
            if near not in sites_of[organisation_id]:
                sites_of[organisation_id].append(near)
            projects_of[organisation_id].add(project_id)
    names = analysis.data.organisations
    providers = [
        Provider(pk, names.get(pk, ""), tuple(sites), tuple(sorted(projects_of[pk]))) for pk, sites in sites_of.items()
    ]
    return tuple(sorted(providers, key=lambda p: (-len(p.sites), p.name, p.organisation_id)))


def ended_recently(analysis: Analysis, site: Site, type_id: int, *, since: date) -> tuple[ProjectInfo, ...]:
    """The counted projects that covered the site for this kind of work and ended before the period, on or after
    `since`: the latest first."""
    boroughs_of_place = {pk: place.borough_ids for pk, place in analysis.places.items()}
    criteria = analysis.criteria

    def covered(project: ProjectInfo) -> bool:
        if site.kind == PLACE:
            return covers_place(project, analysis.places[site.id], boroughs_of_place)
        inside = analysis.places_by_borough.get(site.id, ())
        return site.id in whole_boroughs(project, boroughs_of_place) or any(
            covers_place(project, place, boroughs_of_place) for place in inside
        )

    ended = [
        p
        for p in analysis.projects.values()
        if type_id in p.type_ids and since <= p.end < criteria.start and p.status in criteria.statuses and covered(p)
    ]
    return tuple(sorted(ended, key=lambda p: (p.end, p.id), reverse=True))
