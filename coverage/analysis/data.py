"""The plain data the coverage analysis reads: boroughs, places, intervention types, projects and the question asked."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

BOROUGH = "borough"
PLACE = "place"
ONE_DAY = timedelta(days=1)


class Ages(NamedTuple):
    """A range of ages, both ends included."""

    youngest: int
    oldest: int


class Dates(NamedTuple):
    """A stretch of days, both ends included."""

    start: date
    end: date


# Any age a project could record: the widest band, meaning "all ages".
ALL_AGES = Ages(0, 255)


class Site(NamedTuple):
    """Where coverage is judged: a whole borough or one place."""

    kind: str
    id: int


@dataclass(frozen=True, slots=True)
class BoroughInfo:
    """A London borough, and whether it is one of the partnership's."""

    id: int
    name: str
    gss_code: str
    is_partnership: bool = False


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """A place (an estate or neighbourhood) in its borough, with its priority and the boroughs it crosses into."""

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
    """An intervention type: a kind of work."""

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
    age_min: int = ALL_AGES.youngest
    age_max: int = ALL_AGES.oldest
    type_ids: frozenset[int] | None = None
    organisations_now: bool = True
