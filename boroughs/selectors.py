"""Reads about boroughs and places on their own: their places, landlords, and the places a form offers."""

import re
from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet, Sum

from .models import GSS_BOROUGH_PATTERN, Borough, Place, PlaceLandlord

# A list of choices longer than this is not offered whole (a select of thousands is unusable and slow).
CHOICES_AT_ONCE = 200


def borough_by_code(gss_code: str | None) -> Borough | None:
    """The borough with this GSS code, or None when the text is not a borough's code (no query is sent for it,
    so a NUL byte or a mile of text from an address never reaches the database)."""
    if not gss_code or not re.fullmatch(GSS_BOROUGH_PATTERN, gss_code):
        return None
    return Borough.objects.filter(gss_code=gss_code).first()


def landlords_in_borough(borough: Borough) -> list[dict]:
    """Housing associations with homes in the borough's places: how many places and homes, most homes first."""
    return list(
        PlaceLandlord.objects.filter(place__borough=borough)
        .order_by()
        .values("organisation", "organisation__name")
        .annotate(places=Count("place"), homes=Sum("homes"))
        .order_by("-homes", "organisation__name")
    )


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
