"""London's 33 local authority areas: ONS GSS codes and the London Squared grid.

Grid layout: London Squared, © 2019 After the Flood Ltd, used under its ISC-style permission
notice; keep this credit wherever the layout is shown.
"""

from typing import NamedTuple

LONDON_SQUARED_CREDIT = "Grid layout: London Squared, © 2019 After the Flood Ltd."


class LondonArea(NamedTuple):
    gss_code: str
    name: str
    grid_column: int
    grid_row: int
    is_partnership_borough: bool = False


LONDON_AREAS = (
    LondonArea("E09000010", "Enfield", 4, 0),
    LondonArea("E09000015", "Harrow", 2, 1),
    LondonArea("E09000003", "Barnet", 3, 1),
    LondonArea("E09000014", "Haringey", 4, 1),
    LondonArea("E09000031", "Waltham Forest", 5, 1, True),
    LondonArea("E09000017", "Hillingdon", 0, 2),
    LondonArea("E09000009", "Ealing", 1, 2),
    LondonArea("E09000005", "Brent", 2, 2, True),
    LondonArea("E09000007", "Camden", 3, 2),
    LondonArea("E09000019", "Islington", 4, 2, True),
    LondonArea("E09000012", "Hackney", 5, 2, True),
    LondonArea("E09000026", "Redbridge", 6, 2),
    LondonArea("E09000016", "Havering", 7, 2),
    LondonArea("E09000018", "Hounslow", 0, 3),
    LondonArea("E09000013", "Hammersmith and Fulham", 1, 3),
    LondonArea("E09000020", "Kensington and Chelsea", 2, 3),
    LondonArea("E09000033", "Westminster", 3, 3),
    LondonArea("E09000001", "City of London", 4, 3),
    LondonArea("E09000030", "Tower Hamlets", 5, 3, True),
    LondonArea("E09000025", "Newham", 6, 3),
    LondonArea("E09000002", "Barking and Dagenham", 7, 3),
    LondonArea("E09000027", "Richmond upon Thames", 1, 4),
    LondonArea("E09000032", "Wandsworth", 2, 4),
    LondonArea("E09000022", "Lambeth", 3, 4, True),
    LondonArea("E09000028", "Southwark", 4, 4, True),
    LondonArea("E09000023", "Lewisham", 5, 4),
    LondonArea("E09000011", "Greenwich", 6, 4),
    LondonArea("E09000004", "Bexley", 7, 4),
    LondonArea("E09000021", "Kingston upon Thames", 2, 5),
    LondonArea("E09000024", "Merton", 3, 5),
    LondonArea("E09000008", "Croydon", 4, 5),
    LondonArea("E09000006", "Bromley", 5, 5),
    LondonArea("E09000029", "Sutton", 3, 6),
)
