"""A place over time: when each kind of provision there started and ended, whatever the period, and today."""

from dataclasses import dataclass
from datetime import date

from .covering import chosen_types, counts_for, covers_place
from .data import ONE_DAY, Criteria, Partnership, ProjectInfo, TypeInfo


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
    covering = _covering(data, place_id, criteria)
    return tuple(
        _history(kind, tuple(p for p in covering if kind.id in p.type_ids), today)
        for kind in chosen_types(data, criteria)
    )


def _covering(data: Partnership, place_id: int, criteria: Criteria) -> list[ProjectInfo]:
    """The projects that count and cover the place, whenever they run, by start, end and id."""
    boroughs_of_place = {place.id: place.borough_ids for place in data.places}
    place = next(place for place in data.places if place.id == place_id)
    return sorted(
        (p for p in data.projects if counts_for(p, criteria) and covers_place(p, place, boroughs_of_place)),
        key=lambda p: (p.start, p.end, p.id),
    )


def _history(kind: TypeInfo, projects: tuple[ProjectInfo, ...], today: date) -> ProvisionHistory:
    """One kind of work's projects as spells, and where today falls among them."""
    spells = _spells(projects)
    provided = [s for s in spells if not s.is_gap]
    now = next((s for s in provided if s.start <= today <= s.end), None)
    if now is not None:
        return ProvisionHistory(kind, projects, spells, provided_until=now.end, gap_since=None, next_provision=None)
    before = [s for s in provided if s.end < today]
    after = [s for s in provided if s.start > today]
    return ProvisionHistory(
        kind,
        projects,
        spells,
        provided_until=None,
        gap_since=before[-1].end + ONE_DAY if before else None,
        next_provision=after[0].start if after else None,
    )


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
