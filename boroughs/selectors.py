"""Reads about boroughs and places: where projects work, and the coverage map of London."""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from programmes.coverage.analysis import Criteria, gap_counts_by_borough
from programmes.coverage.selectors import COUNTED_STATUSES, coverage_analysis, coverage_reference
from programmes.models import InterventionType, Project
from programmes.selectors import CHOICES_AT_ONCE, projects_visible_to

from .models import Borough, Place, PlaceLandlord


def project_counts_by_borough(projects: QuerySet[Project]) -> Counter:
    """How many of the given projects work in each borough (naming it or a place in it), in three queries.

    A project naming both a borough and places in it counts once there: |named| + |by place| - |both|.
    """
    ids = projects.values("pk")
    named = Project.boroughs.through.objects.filter(project__in=ids)
    by_place = Project.places.through.objects.filter(project__in=ids)
    names_own_borough = Project.boroughs.through.objects.filter(
        project=OuterRef("project"), borough=OuterRef("place__borough")
    )
    both = by_place.filter(Exists(names_own_borough))
    return (
        Counter(dict(named.order_by().values("borough").annotate(n=Count("project")).values_list("borough", "n")))
        + _distinct_projects_by_place_borough(by_place)
        - _distinct_projects_by_place_borough(both)
    )


def _distinct_projects_by_place_borough(rows) -> Counter:
    return Counter(
        dict(
            rows.order_by()
            .values("place__borough")
            .annotate(n=Count("project", distinct=True))
            .values_list("place__borough", "n")
        )
    )


def place_project_counts(projects: QuerySet[Project], *, borough: Borough) -> dict[int, int]:
    """How many of the given projects cover each place of a borough, by the register's rule: naming the
    place, or naming the borough without naming any place in it. Three queries."""
    ids = projects.values("pk")
    names_a_place_here = Project.places.through.objects.filter(project=OuterRef("pk"), place__borough=borough)
    borough_wide = (
        Project.objects.filter(pk__in=ids, boroughs=borough).exclude(Exists(names_a_place_here)).order_by().count()
    )
    named = dict(
        Project.places.through.objects.filter(project__in=ids, place__borough=borough)
        .order_by()
        .values("place")
        .annotate(n=Count("project"))
        .values_list("place", "n")
    )
    return {place_id: named.get(place_id, 0) + borough_wide for place_id in borough.places.values_list("pk", flat=True)}


def landlords_in_borough(borough: Borough) -> list[dict]:
    """Housing associations with homes in the borough's places: how many places and homes, most homes first."""
    return list(
        PlaceLandlord.objects.filter(place__borough=borough)
        .order_by()
        .values("organisation", "organisation__name")
        .annotate(places=Count("place"), homes=Sum("homes"))
        .order_by("-homes", "organisation__name")
    )


@dataclass(frozen=True)
class Band:
    """One shade of the coverage map: the counts it covers and how it is labelled in the legend."""

    index: int
    low: int
    high: int

    @property
    def label(self) -> str:
        if self.high == 0:
            return "None"
        return str(self.low) if self.low == self.high else f"{self.low:,} to {self.high:,}"


@dataclass(frozen=True)
class Square:
    borough: Borough
    count: int
    band: Band


@dataclass(frozen=True)
class CoverageMap:
    squares: list[Square]
    bands: list[Band]
    start: date
    end: date
    intervention_type: InterventionType | None
    gaps: bool = False  # Shaded by gaps in provision rather than by projects running.

    @property
    def total(self) -> int:
        return sum(square.count for square in self.squares)

    @property
    def legend(self) -> list[tuple[Band, int]]:
        """Each band with how many boroughs fall in it."""
        return [(band, sum(1 for square in self.squares if square.band == band)) for band in self.bands]


BAND_COUNT = 4


def bands_for(highest: int) -> list[Band]:
    """ "None", then up to four equal ranges from 1 to the highest count."""
    bands = [Band(0, 0, 0)]
    if highest:
        width = math.ceil(highest / min(BAND_COUNT, highest))
        bands += [
            Band(index, (index - 1) * width + 1, min(index * width, highest))
            for index in range(1, math.ceil(highest / width) + 1)
        ]
    return bands


def coverage_map(
    user, *, start: date, end: date, intervention_type: InterventionType | None = None, gaps: bool = False
) -> CoverageMap:
    """Every London borough with how many projects that count run there in the period (of one kind of work,
    if chosen), shaded in bands, in the London Squared layout: four queries. With `gaps`, the count is
    instead the coverage analysis's gaps there (the borough's own and its priority places')."""
    if gaps:
        criteria = Criteria(
            start=start,
            end=end,
            statuses=COUNTED_STATUSES,
            type_ids=None if intervention_type is None else frozenset({intervention_type.pk}),
        )
        analysis = coverage_analysis(user=user, criteria=criteria, reference=coverage_reference())
        counts = Counter(gap_counts_by_borough(analysis))
    else:
        projects = projects_visible_to(user).counted().active_between(start, end)
        if intervention_type is not None:
            projects = projects.filter(intervention_types=intervention_type)
        counts = project_counts_by_borough(projects)
    boroughs = list(Borough.objects.order_by("grid_row", "grid_column"))
    bands = bands_for(max((counts[borough.pk] for borough in boroughs), default=0))

    def band_of(count: int) -> Band:
        return next(band for band in bands if band.low <= count <= band.high)

    squares = [Square(borough, counts[borough.pk], band_of(counts[borough.pk])) for borough in boroughs]
    return CoverageMap(squares, bands, start, end, intervention_type, gaps)


def boroughs_with_counts(user, *, on: date) -> list[tuple[Borough, int, int]]:
    """Every borough with its number of places and of projects that count running there on a day."""
    counts = project_counts_by_borough(projects_visible_to(user).counted().active_between(on, on))
    boroughs = Borough.objects.annotate(place_count=Count("places"))
    return [(borough, borough.place_count, counts[borough.pk]) for borough in boroughs]


def places_of(borough: Borough) -> QuerySet[Place]:
    """The borough's places, in name order."""
    return borough.places.order_by("name")


def places_to_offer(*, borough: Borough | None, keep: Iterable[int] = ()) -> tuple[QuerySet[Place], bool]:
    """The places a form should list: those in (or crossing into) the chosen borough, or all if there are
    few, plus those already chosen (`keep`). The flag says whether the list waits for a borough."""
    places = Place.objects.select_related("borough").order_by("borough__name", "name")
    kept = Q(pk__in=list(keep))
    if borough is not None:
        return places.filter(Q(borough=borough) | Q(also_in_boroughs=borough) | kept).distinct(), False
    if places.count() > CHOICES_AT_ONCE:
        return places.filter(kept), True
    return places, False
