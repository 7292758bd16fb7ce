"""What a project covers and whether it counts: the rules every part of the analysis reads.

A project covers the places it names and, for each borough it names without naming any place in it, the
whole borough (and so every place in it, crossing places too). It counts when its status is asked for and
its ages meet the band asked for.
"""

from collections.abc import Mapping

from partners.succession import organisations_now

from .data import Criteria, Partnership, PlaceInfo, ProjectInfo, TypeInfo


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
    """The intervention types asked about (every type when none is chosen), in the partnership's order."""
    return tuple(t for t in data.types if criteria.type_ids is None or t.id in criteria.type_ids)
