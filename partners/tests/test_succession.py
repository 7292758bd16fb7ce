"""Organisations roll up through mergers and renames to the organisation as it is now."""

from partners.succession import organisation_now, organisations_rolling_up_to


def test_an_organisation_with_no_successor_is_itself_now():
    assert organisation_now(1, {1: None}) == 1


def test_a_chain_of_mergers_rolls_up_to_the_last_successor():
    successors = {1: 2, 2: 3, 3: None, 4: 3}
    assert organisation_now(1, successors) == 3
    assert organisations_rolling_up_to(3, successors) == {1, 2, 3, 4}
    assert organisations_rolling_up_to(2, successors) == {1, 2}


def test_a_cycle_in_bad_data_ends_instead_of_looping():
    assert organisation_now(1, {1: 2, 2: 1}) in {1, 2}
