"""Reads for the landlord pages: housing associations with homes in recorded places, and where their homes are."""

from django.db.models import Count, QuerySet

from boroughs.models import PlaceLandlord
from partners.models import Organisation
from partners.succession import organisations_rolling_up_to


def housing_associations_with_homes() -> QuerySet[Organisation]:
    """Every housing association with what it became and how many places hold its homes and its predecessors'."""
    return (
        Organisation.objects.housing_associations()
        .select_related("successor")
        .annotate(
            places=Count("landlordships", distinct=True),
            predecessors_places=Count("predecessors__landlordships", distinct=True),
        )
        .order_by("name", "pk")
    )


def landlord_homes(*, organisation: Organisation, successors, as_now: bool) -> tuple[set[int], dict[int, int | None]]:
    """The organisations whose homes count as this landlord's (with its predecessors when `as_now`), and the
    places where they own or manage homes with how many (None if any count is unknown)."""
    landlords = organisations_rolling_up_to(organisation.pk, successors) if as_now else {organisation.pk}
    homes: dict[int, int | None] = {}
    for place_id, count in PlaceLandlord.objects.filter(organisation_id__in=landlords).values_list("place_id", "homes"):
        known = homes.get(place_id, 0)
        homes[place_id] = None if count is None or known is None else known + count
    return landlords, homes
