"""The partnership boroughs' neighbours: every one listed, each a London area, and the relation symmetric."""

from boroughs.london import LONDON_AREAS, PARTNERSHIP_NEIGHBOURS, neighbours_of

CODES = {area.gss_code: area for area in LONDON_AREAS}


def test_every_partnership_borough_has_neighbours_and_each_is_a_london_area():
    partnership = {area.gss_code for area in LONDON_AREAS if area.is_partnership_borough}
    assert set(PARTNERSHIP_NEIGHBOURS) == partnership
    for code, around in PARTNERSHIP_NEIGHBOURS.items():
        assert around and set(around) <= set(CODES) and code not in around


def test_neighbours_are_symmetric_between_partnership_boroughs():
    for code, around in PARTNERSHIP_NEIGHBOURS.items():
        for other in around:
            if other in PARTNERSHIP_NEIGHBOURS:
                assert code in PARTNERSHIP_NEIGHBOURS[other], (CODES[code].name, CODES[other].name)


def test_an_area_outside_the_partnership_knows_the_partnership_boroughs_beside_it():
    newham = "E09000025"
    assert {CODES[code].name for code in neighbours_of(newham)} == {"Hackney", "Tower Hamlets", "Waltham Forest"}
