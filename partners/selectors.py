"""Reads about organisations, including their roll-up through mergers."""

from django.db.models import QuerySet

from .models import Organisation, User
from .succession import organisations_now, organisations_rolling_up_to


def successor_map() -> dict[int, int | None]:
    """Every organisation's id and its successor's id, in one query."""
    return dict(Organisation.objects.values_list("id", "successor_id"))


def organisation_now_map() -> dict[int, int]:
    """Every organisation's id mapped to the id of the organisation it is now."""
    return organisations_now(successor_map())


def organisation_ids_rolling_up_to(organisation: Organisation) -> set[int]:
    """The ids whose work counts under this organisation as it is now (itself and its predecessors)."""
    return organisations_rolling_up_to(organisation.pk, successor_map())


def people_in(organisation: Organisation) -> QuerySet[User]:
    """The organisation's active people, by name."""
    return organisation.people.filter(is_active=True).order_by("first_name", "last_name", "username")
