"""Mergers and renames: which organisation each one is now. Pure functions over a successor map."""

from collections.abc import Mapping


def successor_chain(organisation_id: int, successors: Mapping[int, int | None]) -> list[int]:
    """The organisation followed by each organisation it merged into or was renamed as, in order."""
    chain = [organisation_id]
    while (successor := successors.get(chain[-1])) is not None and successor not in chain:
        chain.append(successor)  # A cycle (bad data) ends the chain where it closes rather than looping.
    return chain


def organisation_now(organisation_id: int, successors: Mapping[int, int | None]) -> int:
    """Follow an organisation's successors to the organisation it is now."""
    return successor_chain(organisation_id, successors)[-1]


def organisations_now(successors: Mapping[int, int | None]) -> dict[int, int]:
    """Map every organisation to the organisation it is now."""
    return {organisation_id: organisation_now(organisation_id, successors) for organisation_id in successors}


def organisations_rolling_up_to(organisation_id: int, successors: Mapping[int, int | None]) -> set[int]:
    """The organisation itself and every organisation that merged into it or was renamed as it, however long ago."""
    return {other for other in successors if organisation_id in successor_chain(other, successors)} | {organisation_id}
