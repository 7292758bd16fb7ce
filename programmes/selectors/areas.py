"""Where the work is: projects counted by borough and by place."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.urls import reverse

from boroughs.models import Borough, Place

from ..models import Project
from .projects import projects_visible_to
from .register import register_url
from .work import WorkSummary

# A place id no database holds, put into an address once and replaced by each place's id.
_ANY_PLACE = 987654321


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


def boroughs_with_counts(user, *, on: date) -> list[tuple[Borough, int, int]]:
    """Every borough with its number of places and of projects that count running there on a day."""
    counts = project_counts_by_borough(projects_visible_to(user).counted().active_between(on, on))
    boroughs = Borough.objects.annotate(place_count=Count("places"))
    return [(borough, borough.place_count, counts[borough.pk]) for borough in boroughs]


def boroughs_of_places(places: Iterable[Place]) -> dict[Place, set[int]]:
    """Each place with the ids of every borough it lies in (its own and those it crosses into), in two
    queries: what the rule that places lie in the chosen boroughs (rules.places_outside) reads."""
    rows = Place.objects.filter(pk__in=[place.pk for place in places]).select_related("borough")
    return {
        place: {place.borough_id, *(borough.pk for borough in place.also_in_boroughs.all())}
        for place in rows.prefetch_related("also_in_boroughs")
    }


@dataclass(frozen=True)
class PlaceRow:
    """A place on its borough's page: its address, the projects covering it today and their register link."""

    place: Place
    url: str
    covering: int
    register_url: str


def place_rows(places: Iterable[Place], summary: WorkSummary, *, on: date) -> list[PlaceRow]:
    """Each place with the projects covering it on a day; the two addresses are made once for all the places
    (a few hundred reverse() calls were a third of a borough page's time) and take each place's id."""
    page = reverse("programmes:place-detail", args=[_ANY_PLACE]).split(str(_ANY_PLACE))
    register = register_url(place=_ANY_PLACE, counted="on", active_from=on, active_to=on).split(str(_ANY_PLACE))
    return [
        PlaceRow(place, str(place.pk).join(page), summary.covering(place), str(place.pk).join(register))
        for place in places
    ]
