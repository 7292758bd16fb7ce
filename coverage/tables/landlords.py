"""A landlord's places as the page shows them: homes, borough, priority, what each lacks, and links."""

from collections.abc import Iterable, Mapping

from django.urls import reverse

from ..analysis.data import PLACE, Site
from ..analysis.matrix import Analysis, PlaceProvision
from .links import register_url
from .wording import PRIORITY_LABELS


def landlord_rows(
    analysis: Analysis,
    provision: Iterable[PlaceProvision],
    homes: Mapping[int, int | None],
    *,
    register_params: dict,
    show_all: bool,
) -> list[dict]:
    """A landlord's places with their homes, borough, priority and links; only those lacking provision
    unless all are asked for."""
    return [
        {
            "provision": row,
            "homes": homes[row.place.id],
            "borough": analysis.boroughs[row.place.borough_id].name,
            "priority": PRIORITY_LABELS[row.place.priority],
            "place_url": reverse("programmes:place-detail", args=[row.place.id]),
            "register": register_url(analysis, Site(PLACE, row.place.id), None, register_params),
        }
        for row in provision
        if show_all or row.missing
    ]
