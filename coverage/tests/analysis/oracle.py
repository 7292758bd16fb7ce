"""The coverage rules read literally and computed by brute force: the oracle the fast analysis is checked against.

Every project against every site, every pair: written for clarity, not speed.
"""

from dataclasses import dataclass
from datetime import timedelta

from coverage.analysis.data import BOROUGH, PLACE, Criteria, Partnership, Site
from coverage.analysis.matrix import CellState
from partners.succession import organisations_now


@dataclass
class OracleResult:
    states: dict
    gaps: set
    thin: set
    overlaps: set
    since: dict


def oracle(data: Partnership, criteria: Criteria) -> OracleResult:
    places_in = {b.id: [p for p in data.places if b.id in p.also_in | {p.borough_id}] for b in data.boroughs}
    now = organisations_now(data.successors) if criteria.organisations_now else {}
    types = [t for t in data.types if criteria.type_ids is None or t.id in criteria.type_ids]

    def organisation(project):
        return now.get(project.lead_id, project.lead_id)

    def counts(project, type_id):
        return (
            project.status in criteria.statuses
            and project.age_min <= criteria.age_max
            and criteria.age_min <= project.age_max
            and type_id in project.type_ids
        )

    def active(project, type_id):
        return counts(project, type_id) and project.start <= criteria.end and criteria.start <= project.end

    def names_a_place_in(project, borough_id):
        return any(p.id in project.place_ids for p in places_in[borough_id])

    def covers_whole(project, borough_id):
        return borough_id in project.borough_ids and not names_a_place_in(project, borough_id)

    def covers(project, site):
        if site.kind == BOROUGH:
            return covers_whole(project, site.id)
        place = next(p for p in data.places if p.id == site.id)
        return place.id in project.place_ids or any(
            covers_whole(project, b) for b in place.also_in | {place.borough_id}
        )

    def covers_area(project, borough_id):
        """A borough's coverage: the whole borough, or any place in it, by whatever rule covers the place (so a
        whole-borough project of a borough a place crosses from covers this borough too)."""
        return covers_whole(project, borough_id) or any(
            covers(project, Site(PLACE, p.id)) for p in places_in[borough_id]
        )

    def linked(a, b):
        return (
            organisation(a) != organisation(b)
            and a.age_min <= b.age_max
            and b.age_min <= a.age_max
            and a.start <= b.end
            and b.start <= a.end
        )

    def groups(projects):
        parent = {p.id: p.id for p in projects}

        def find(x):
            while parent[x] != x:
                x = parent[x]
            return x

        for a in projects:
            for b in projects:
                if linked(a, b):
                    parent[find(a.id)] = find(b.id)
        by_root = {}
        for p in projects:
            by_root.setdefault(find(p.id), set()).add(p.id)
        return [frozenset(ids) for ids in by_root.values() if len(ids) > 1]

    def state(covering, has_overlap):
        if not covering:
            return CellState.GAP
        if len({organisation(p) for p in covering}) == 1:
            return CellState.THIN
        return CellState.OVERLAP if has_overlap else CellState.COVERED

    result = OracleResult({}, set(), set(), set(), {})
    for t in types:
        for place in data.places:
            site = Site(PLACE, place.id)
            covering = [p for p in data.projects if active(p, t.id) and covers(p, site)]
            found = groups(covering)
            result.states[site, t.id] = state(covering, bool(found))
            for group in found:
                held_by_a_borough = any(
                    group <= {p.id for p in data.projects if active(p, t.id) and covers_whole(p, b)}
                    for b in place.also_in | {place.borough_id}
                )
                if not held_by_a_borough:
                    result.overlaps.add((site, t.id, group))
        for borough in data.boroughs:
            site = Site(BOROUGH, borough.id)
            whole = [p for p in data.projects if active(p, t.id) and covers_whole(p, borough.id)]
            found = groups(whole)
            result.overlaps.update((site, t.id, group) for group in found)
            covering = [p for p in data.projects if active(p, t.id) and covers_area(p, borough.id)]
            in_places = any(result.states[Site(PLACE, p.id), t.id] == CellState.OVERLAP for p in places_in[borough.id])
            result.states[site, t.id] = state(covering, bool(found) or in_places)

        def is_row(site):
            if site.kind == BOROUGH:
                return next(b for b in data.boroughs if b.id == site.id).is_partnership
            return next(p for p in data.places if p.id == site.id).priority > 0

        for (site, type_id), cell_state in result.states.items():
            if type_id != t.id:
                continue
            if cell_state == CellState.GAP:
                if site.kind == BOROUGH:
                    ended = [p for p in data.projects if counts(p, t.id) and covers_area(p, site.id)]
                else:
                    ended = [p for p in data.projects if counts(p, t.id) and covers(p, site)]
                ends = [p.end for p in ended if p.end < criteria.start]
                result.since[site, t.id] = max(ends) + timedelta(days=1) if ends else None
            if not is_row(site):
                continue
            if cell_state == CellState.GAP:
                result.gaps.add((site, t.id))
            elif cell_state == CellState.THIN:
                result.thin.add((site, t.id))
    return result
